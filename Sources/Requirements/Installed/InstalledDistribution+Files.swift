#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension InstalledDistribution {
    /// The folder the listed paths are relative to (`locate_file('')`).
    var siteFolder: String { FileSystem.parent(metadataPath) }

    /// `Distribution.files`, the paths only: `RECORD`'s when it is not empty, else (3.12 and
    /// later) `installed-files.txt`'s made relative to the site folder, else `SOURCES.txt`'s.
    /// - Parameter dialect: The interpreter's `importlib.metadata`.
    /// - Returns: The paths, `nil` when no list exists (or all are empty).
    func files(_ dialect: MetadataDialect) -> [String]? {
        if let record = readText("RECORD"), !record.isEmpty {
            return RecordText.paths(record)
        }
        if dialect != .python311, let installed = installedFiles(), !installed.isEmpty {
            return installed
        }
        if let sources = readText("SOURCES.txt"), !sources.isEmpty {
            return RecordText.quotedLines(sources)
        }
        return nil
    }

    /// `installed-files.txt` of an egg-info folder, each line resolved against the folder and
    /// made relative to the site folder (lines outside it are left out).
    private func installedFiles() -> [String]? {
        guard let text = readText("installed-files.txt"), !text.isEmpty else { return nil }
        let base = (FileSystem.realPath(siteFolder) ?? siteFolder) + "/"
        return text.split(separator: "\n").compactMap { line -> String? in
            let joined = FileSystem.absolute(String(line), relativeTo: metadataPath)
            let resolved = FileSystem.realPath(joined) ?? joined
            return resolved.hasPrefix(base) ? String(resolved.dropFirst(base.count)) : nil
        }
    }

    /// The top-level names `importlib.metadata.packages_distributions()` gives this
    /// distribution: `top_level.txt`'s words, else names inferred from ``files(_:)`` the way
    /// the interpreter's version infers them.
    /// - Parameter version: The interpreter's version (its `importlib.metadata` decides).
    /// - Returns: The names, sorted, without repeats.
    public func topLevelModules(for version: PythonVersion) -> [String] {
        let dialect = MetadataDialect(version)
        let declared = (readText("top_level.txt") ?? "").split(whereSeparator: \.isPythonWhitespace).map(String.init)
        if !declared.isEmpty {
            return Array(Set(declared)).sorted()
        }
        var names: Set<String> = []
        for file in files(dialect) ?? [] {
            let path = PackagePath(file)
            switch dialect {
            case .python311:
                guard path.suffix == ".py" else { continue }
                names.insert(path.parts.count > 1 ? path.parts[0] : path.stem)
            case .python312, .python313:
                let name: String?
                if path.parts.count > 1 {
                    name = path.parts[0]
                } else {
                    name = Self.moduleName(path.name, version: version) ?? (dialect == .python313 ? (path.parts.first ?? ".") : nil)
                }
                if let name, !name.contains(".") { names.insert(name) }
            }
        }
        return names.sorted()
    }

    /// `inspect.getmodulename`: the file name without the longest module suffix it ends with.
    private static func moduleName(_ file: String, version: PythonVersion) -> String? {
        let suffixes = [".cpython-\(version.major)\(version.minor)-\(machine)-linux-gnu.so", ".abi3.so", ".pyc", ".py", ".so"]
        for suffix in suffixes where file.hasSuffix(suffix) {
            return String(file.dropLast(suffix.count))
        }
        return nil
    }

    /// The machine name in extension module suffixes (`x86_64`), from `uname`.
    private static let machine: String = {
        var system = utsname()
        uname(&system)
        return withUnsafeBytes(of: system.machine) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
    }()
}

extension Character {
    /// Whitespace as Python's `str.split()` sees it (ASCII space, tab, newlines, vertical tab, form feed).
    var isPythonWhitespace: Bool { isWhitespace }
}
