/// A distribution found on the interpreter's search path, as `importlib.metadata` finds it:
/// a `*.dist-info` or `*.egg-info` folder (or an old `*.egg-info` file), or the `EGG-INFO`
/// folder of a `*.egg` on the path.
public struct InstalledDistribution: Sendable, Hashable {
    /// The metadata folder (or file).
    public var metadataPath: String
    /// Whether ``metadataPath`` is a folder.
    public var isFolder: Bool
    /// `Name` from `METADATA` / `PKG-INFO`, as written.
    public var name: String
    /// `Version`, as written; `nil` when the metadata has none.
    public var version: String?
    /// The PEP 503 normalised name.
    public var normalizedName: String { DistributionName.normalize(name) }

    /// Reads the metadata at `path`.
    /// - Parameters:
    ///   - path: A `*.dist-info`, `*.egg-info` or `EGG-INFO` path.
    ///   - isFolder: Whether it is a folder.
    /// - Returns: The distribution, `nil` when its metadata has no headers or no `Name`
    ///   (`importlib.metadata` skips those too).
    /// - Throws: ``UnrecognisedLayout`` when the header block is not UTF-8 or its `Name` or
    ///   `Version` spans several lines.
    static func read(_ path: String, isFolder: Bool) throws(UnrecognisedLayout) -> InstalledDistribution? {
        var text: String?
        let candidates = isFolder ? [path + "/METADATA", path + "/PKG-INFO"] : [path]
        for candidate in candidates {
            // Only the header block is read: Name and Version are there, the description after
            // it can be most of the file. (Python decodes the whole file, so a description
            // that is not UTF-8 breaks its probe but not this reader.)
            switch FileSystem.headerText(candidate) {
            case .text(let found) where !found.isEmpty:
                text = found
            case .notUTF8:
                throw UnrecognisedLayout("'\(candidate)' is not UTF-8")
            default:
                continue
            }
            break
        }
        guard let text else { return nil }
        let headers = MetadataHeaders(text)
        if headers.folded.contains("name") || headers.folded.contains("version") {
            throw UnrecognisedLayout("'\(path)' has a Name or Version on several lines")
        }
        guard !headers.isEmpty, let name = headers["Name"], !name.isEmpty else { return nil }
        return InstalledDistribution(metadataPath: path, isFolder: isFolder, name: name, version: headers["Version"])
    }

    /// The text of a file in the metadata folder, as `Distribution.read_text`.
    /// - Parameter file: `RECORD`, `top_level.txt`, ….
    /// - Returns: The text, `nil` when absent or unreadable.
    func readText(_ file: String) -> String? {
        guard isFolder, case .text(let text) = FileSystem.text(metadataPath + "/" + file) else { return nil }
        return text
    }
}
