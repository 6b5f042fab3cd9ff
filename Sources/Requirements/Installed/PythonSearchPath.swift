#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The `sys.path` an interpreter of a ``PythonLayout`` starts with, worked out as CPython's
/// `getpath` and `site.py` do: `PYTHONPATH`, the standard library, the user site folder
/// (where the interpreter uses it), the site folders of the environment (and of the base
/// installation with `include-system-site-packages = true`), each followed by the folders its
/// `.pth` files name. Like the metadata probe, it leaves out the current directory.
public struct PythonSearchPath: Sendable, Hashable {
    /// The folders, in `sys.path` order.
    public var entries: [String]
    /// The site folders among them (user site first when used).
    public var siteFolders: [String]

    /// Works out the search path.
    /// - Parameters:
    ///   - layout: The interpreter.
    ///   - environment: The process environment (`PYTHONPATH`, `PYTHONNOUSERSITE`,
    ///     `PYTHONUSERBASE`, `HOME`).
    ///   - workingDirectory: The directory Python would run in (relative `PYTHONPATH` entries
    ///     are taken from it, and it is left out).
    /// - Throws: ``UnrecognisedLayout`` when a `.pth` file runs unknown code, one is not
    ///   UTF-8, or a zip archive is on the path.
    public init(layout: PythonLayout, environment: [String: String], workingDirectory: String) throws(UnrecognisedLayout) {
        // Python 3.13 skips hidden .pth files.
        var builder = Builder(skipsHidden: layout.version >= PythonVersion(3, 13))
        for entry in (environment["PYTHONPATH"] ?? "").split(separator: ":", omittingEmptySubsequences: true) {
            builder.appendInitial(FileSystem.absolute(String(entry), relativeTo: workingDirectory))
        }
        let zip = layout.basePrefix + "/lib/python\(layout.version.major)\(layout.version.minor).zip"
        if FileSystem.exists(zip) {
            throw UnrecognisedLayout("'\(zip)' is on the search path (a zip archive)")
        }
        builder.appendInitial(zip)
        builder.appendInitial(layout.standardLibrary)
        builder.appendInitial(layout.standardLibrary + "/lib-dynload")
        if let user = Self.userSite(layout: layout, environment: environment), FileSystem.isDirectory(user) {
            try builder.addSiteFolder(user)
        }
        for folder in Self.siteFolders(layout) where FileSystem.isDirectory(folder) {
            try builder.addSiteFolder(folder)
        }
        let here = FileSystem.absolute(workingDirectory, relativeTo: "/")
        entries = builder.entries.filter { $0 != here }
        siteFolders = builder.siteFolders
    }

    /// `site.getusersitepackages()` when `site.ENABLE_USER_SITE` would be true: not in a
    /// virtual environment without system site packages, not with `PYTHONNOUSERSITE`, not
    /// when set-user-id or set-group-id.
    static func userSite(layout: PythonLayout, environment: [String: String]) -> String? {
        if layout.isVirtualEnvironment, !layout.includeSystemSitePackages { return nil }
        if !(environment["PYTHONNOUSERSITE"] ?? "").isEmpty { return nil }
        if getuid() != geteuid() || getgid() != getegid() { return nil }
        let base: String
        if let userBase = environment["PYTHONUSERBASE"], !userBase.isEmpty {
            base = expandingHome(userBase, environment: environment)
        } else {
            base = expandingHome("~/.local", environment: environment)
        }
        return base + "/lib/" + layout.libraryName + "/site-packages"
    }

    /// `site.getsitepackages()` for the layout's prefixes, in order.
    static func siteFolders(_ layout: PythonLayout) -> [String] {
        var prefixes = [layout.prefix]
        if layout.isVirtualEnvironment, layout.includeSystemSitePackages {
            prefixes.append(layout.basePrefix)
        }
        var folders: [String] = []
        var seen: Set<String> = []
        for prefix in prefixes where seen.insert(prefix).inserted {
            switch layout.flavour {
            case .standard:
                folders.append(prefix + "/lib/" + layout.libraryName + "/site-packages")
            case .debian:
                if layout.isVirtualEnvironment {
                    folders.append(prefix + "/lib/" + layout.libraryName + "/site-packages")
                }
                folders.append(prefix + "/local/lib/" + layout.libraryName + "/dist-packages")
                folders.append(prefix + "/lib/python3/dist-packages")
                folders.append(prefix + "/lib/" + layout.libraryName + "/dist-packages")
            }
        }
        return folders
    }

    /// `os.path.expanduser` for a leading `~`: `HOME`, else the password database's.
    private static func expandingHome(_ path: String, environment: [String: String]) -> String {
        guard path == "~" || path.hasPrefix("~/") else { return path }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        let trimmed = home.count > 1 && home.hasSuffix("/") ? String(home.dropLast()) : home
        return trimmed + path.dropFirst()
    }

    /// `sys.path` while it is being built, with `site.py`'s `known_paths`.
    private struct Builder {
        var entries: [String] = []
        var known: Set<String> = []
        var siteFolders: [String] = []
        let skipsHidden: Bool

        init(skipsHidden: Bool) {
            self.skipsHidden = skipsHidden
        }

        /// An entry from before `site` runs (`removeduppaths`: repeats dropped).
        mutating func appendInitial(_ path: String) {
            if known.insert(path).inserted {
                entries.append(path)
            }
        }

        /// `site.addsitedir`: the folder, then each `.pth` file in it by name.
        mutating func addSiteFolder(_ folder: String) throws(UnrecognisedLayout) {
            let folder = FileSystem.absolute(folder, relativeTo: "/")
            if known.insert(folder).inserted {
                entries.append(folder)
            }
            siteFolders.append(folder)
            let names = (DirectoryListing(folder)?.entries ?? []).map(\.name).filter { $0.hasSuffix(".pth") && !(skipsHidden && $0.hasPrefix(".")) }.sorted(by: Self.codePointOrder)
            for name in names {
                let path = folder + "/" + name
                let text: String
                switch FileSystem.text(path) {
                case .text(let found): text = found
                case .notUTF8: throw UnrecognisedLayout("'\(path)' is not UTF-8")
                case .missing: continue
                }
                for line in try PathConfigurationFile(text, path: path).folders {
                    let added = FileSystem.absolute(line, relativeTo: folder)
                    if !known.contains(added), FileSystem.exists(added) {
                        entries.append(added)
                        known.insert(added)
                    }
                }
            }
        }

        /// Python's string order (by code point).
        static func codePointOrder(_ a: String, _ b: String) -> Bool {
            a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars)
        }
    }
}
