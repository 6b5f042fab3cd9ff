/// Every distribution on a search path, in the order `importlib.metadata.distributions()`
/// yields them: path entry by path entry; within a folder, `*.dist-info` and `*.egg-info`
/// grouped by the name in the folder's name (in the order the file system lists them), then
/// the `EGG-INFO` of a `*.egg` folder.
public struct InstalledDistributions: Sendable, Hashable {
    /// The distributions, in order; repeats of a name are kept (the first is the one imported).
    public var all: [InstalledDistribution]

    /// Reads the metadata of every distribution on `searchPath`.
    /// - Parameter searchPath: The interpreter's search path.
    /// - Throws: ``UnrecognisedLayout`` when a `sitecustomize` or `usercustomize` module (which
    ///   may change the search path) other than Debian's stock one is on the path, a zip
    ///   archive is on it, or metadata cannot be read the way Python reads it.
    public init(searchPath: PythonSearchPath) throws(UnrecognisedLayout) {
        var all: [InstalledDistribution] = []
        for entry in searchPath.entries {
            guard let listing = DirectoryListing(entry) else {
                if FileSystem.isFile(entry) {
                    throw UnrecognisedLayout("'\(entry)' is on the search path and is not a folder")
                }
                continue
            }
            let base = FileSystem.name(entry).lowercased()
            let isEgg = base.hasSuffix(".egg")
            var infos: [String: [DirectoryListing.Entry]] = [:]
            var order: [String] = []
            var eggs: [DirectoryListing.Entry] = []
            for child in listing.entries {
                try Self.refuseCustomize(child.name, in: entry)
                let low = child.name.lowercased()
                if low.hasSuffix(".dist-info") || low.hasSuffix(".egg-info") {
                    let stem = low[..<(low.lastIndex(of: ".") ?? low.endIndex)]
                    let key = Self.lookupKey(String(stem.prefix { $0 != "-" }))
                    if infos[key] == nil { order.append(key) }
                    infos[key, default: []].append(child)
                } else if isEgg, low == "egg-info" {
                    eggs.append(child)
                }
            }
            for child in order.flatMap({ infos[$0] ?? [] }) + eggs {
                if let distribution = try InstalledDistribution.read(entry + "/" + child.name, isFolder: child.isDirectory) {
                    all.append(distribution)
                }
            }
        }
        self.all = all
    }

    /// `Prepared.normalize`: PEP 503 with `_` for `-`.
    private static func lookupKey(_ name: String) -> String {
        DistributionName.normalize(name).replacingOccurrences(of: "-", with: "_")
    }

    /// `site.py` imports `sitecustomize` (and `usercustomize`) from the path, which can do anything.
    private static func refuseCustomize(_ name: String, in folder: String) throws(UnrecognisedLayout) {
        for module in ["sitecustomize", "usercustomize"] where name == module || name.hasPrefix(module + ".") {
            let path = folder + "/" + name
            if name == "sitecustomize.py", case .text(let text) = FileSystem.text(path), text == debianSiteCustomize {
                continue
            }
            throw UnrecognisedLayout("'\(path)' runs when python starts")
        }
    }

    /// Debian's `/etc/python3.X/sitecustomize.py`: installs apport's exception hook, nothing else.
    static let debianSiteCustomize = """
        # install the apport exception handler if available
        try:
            import apport_python_hook
        except ImportError:
            pass
        else:
            apport_python_hook.install()

        """
}
