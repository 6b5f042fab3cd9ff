import Foundation

extension PythonLayout {
    /// Recognises the layout of an interpreter from the files around it, without running it:
    /// a virtual environment (`../pyvenv.cfg` with `home` and `version`, made from a CPython
    /// installation), or a CPython installation (`PREFIX/bin/pythonX.Y` with
    /// `PREFIX/lib/pythonX.Y/os.py` and `PREFIX/include/pythonX.Y/patchlevel.h`).
    /// - Parameters:
    ///   - executable: The interpreter's absolute path, as chosen.
    ///   - environment: The process environment (`PYTHONHOME` and `PYTHONPLATLIBDIR` change
    ///     where Python looks, so either makes the layout unrecognised).
    /// - Returns: The layout, or why it is not one nbship reads from disk.
    public static func recognise(executable: String, environment: [String: String]) -> Result<PythonLayout, UnrecognisedLayout> {
        for variable in ["PYTHONHOME", "PYTHONPLATLIBDIR"] where !(environment[variable] ?? "").isEmpty {
            return .failure(UnrecognisedLayout("\(variable) is set"))
        }
        guard let real = FileSystem.realPath(executable) else {
            return .failure(UnrecognisedLayout("'\(executable)' does not exist"))
        }
        if isScript(real) {
            return .failure(UnrecognisedLayout("'\(real)' is a script, not a python executable"))
        }
        guard FileSystem.name(real).hasPrefix("python") else {
            return .failure(UnrecognisedLayout("'\(real)' is not named python, python3 or pythonX.Y"))
        }
        let binary = FileSystem.parent(executable)
        if FileSystem.exists(binary + "/pyvenv.cfg") {
            return .failure(UnrecognisedLayout("'\(binary)/pyvenv.cfg' is beside the executable, not one folder up"))
        }
        let venv = FileSystem.parent(binary)
        if FileSystem.isFile(venv + "/pyvenv.cfg") {
            return virtualEnvironment(executable: executable, prefix: venv)
        }
        return installation(executable: executable, real: real)
    }

    /// A virtual environment at `prefix`.
    private static func virtualEnvironment(executable: String, prefix: String) -> Result<PythonLayout, UnrecognisedLayout> {
        let path = prefix + "/pyvenv.cfg"
        guard case .text(let text) = FileSystem.text(path) else {
            return .failure(UnrecognisedLayout("cannot read '\(path)'"))
        }
        let config = PyvenvConfig(text)
        guard let home = config.home else {
            return .failure(UnrecognisedLayout("'\(path)' has no home"))
        }
        guard let release = config.release, let version = PythonVersion(release) else {
            return .failure(UnrecognisedLayout("'\(path)' has no version"))
        }
        let library = "python\(version.major).\(version.minor)"
        guard let base = basePrefix(home: FileSystem.absolute(home, relativeTo: prefix), library: library) else {
            return .failure(UnrecognisedLayout("no '\(library)/os.py' above '\(home)', the home of '\(path)'"))
        }
        guard FileSystem.isDirectory(prefix + "/lib/" + library + "/site-packages") else {
            return .failure(UnrecognisedLayout("'\(prefix)/lib/\(library)/site-packages' does not exist"))
        }
        if let failure = otherLibraryFolder(prefix, library: library) ?? otherLibraryFolder(base, library: library) { return .failure(failure) }
        return .success(PythonLayout(
            executable: executable, release: release, version: version, prefix: prefix, basePrefix: base,
            isVirtualEnvironment: true, includeSystemSitePackages: config.includeSystemSitePackages,
            flavour: flavour(base: base, library: library), versionSource: path
        ))
    }

    /// A CPython installation whose executable (links resolved) is `real`.
    private static func installation(executable: String, real: String) -> Result<PythonLayout, UnrecognisedLayout> {
        let prefix = FileSystem.parent(FileSystem.parent(real))
        let name = FileSystem.name(real)
        var library: String?
        if name.hasPrefix("python"), PythonVersion(String(name.dropFirst("python".count))) != nil {
            library = name
        } else if name == "python" || name == "python3" {
            // `python3` as the real file: the one pythonX.Y library beside it.
            let candidates = (DirectoryListing(prefix + "/lib")?.entries ?? []).map(\.name).filter {
                $0.hasPrefix("python3.") && FileSystem.isFile(prefix + "/lib/" + $0 + "/os.py")
            }
            if candidates.count == 1 { library = candidates[0] }
        }
        guard let library, FileSystem.isFile(prefix + "/lib/" + library + "/os.py") else {
            return .failure(UnrecognisedLayout("no virtual environment ('../pyvenv.cfg') and no CPython installation ('lib/pythonX.Y/os.py') around '\(real)'"))
        }
        let header = prefix + "/include/" + library + "/patchlevel.h"
        guard let release = patchLevel(header), let version = PythonVersion(release), "python\(version.major).\(version.minor)" == library else {
            return .failure(UnrecognisedLayout("cannot tell the full version of '\(real)' without running it (no '\(header)')"))
        }
        if let failure = otherLibraryFolder(prefix, library: library) { return .failure(failure) }
        return .success(PythonLayout(
            executable: executable, release: release, version: version, prefix: prefix, basePrefix: prefix,
            isVirtualEnvironment: false, includeSystemSitePackages: true,
            flavour: flavour(base: prefix, library: library), versionSource: header
        ))
    }

    /// The installation prefix for a virtual environment's `home`: the nearest folder at or
    /// above it holding `lib/pythonX.Y/os.py`, as CPython's `getpath` searches for its landmark.
    private static func basePrefix(home: String, library: String) -> String? {
        var candidate = home
        while true {
            if FileSystem.isFile(candidate + "/lib/" + library + "/os.py") {
                return candidate
            }
            if candidate == "/" { return nil }
            candidate = FileSystem.parent(candidate)
        }
    }

    /// A `lib64/pythonX.Y` that is not `lib/pythonX.Y` itself means `sys.platlibdir` may be
    /// `lib64`, whose value only the interpreter knows.
    private static func otherLibraryFolder(_ prefix: String, library: String) -> UnrecognisedLayout? {
        let lib64 = prefix + "/lib64/" + library
        guard FileSystem.exists(lib64) else { return nil }
        if FileSystem.realPath(lib64) == FileSystem.realPath(prefix + "/lib/" + library) { return nil }
        return UnrecognisedLayout("'\(lib64)' is a folder of its own (sys.platlibdir may be lib64)")
    }

    /// Debian patches `site.py` to use `dist-packages`.
    private static func flavour(base: String, library: String) -> SiteFlavour {
        guard case .text(let text) = FileSystem.text(base + "/lib/" + library + "/site.py") else { return .standard }
        return RecordText.mentions(text, anyOf: ["\"dist-packages\""], suffixes: [""]) ? .debian : .standard
    }

    /// `#define PY_VERSION "3.11.7"` from `patchlevel.h`, cut to `major.minor.micro`.
    private static func patchLevel(_ path: String) -> String? {
        guard case .text(let text) = FileSystem.text(path) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix("#define PY_VERSION") {
            guard let open = line.firstIndex(of: "\""), case let rest = line[line.index(after: open)...],
                  let close = rest.firstIndex(of: "\"") else { return nil }
            let digits = rest[..<close].prefix { $0.isNumber || $0 == "." }
            let parts = digits.split(separator: ".").prefix(3)
            return parts.count == 3 ? parts.joined(separator: ".") : nil
        }
        return nil
    }

    /// Whether a file starts with `#!`.
    private static func isScript(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 2)) ?? Data()
        return head == Data("#!".utf8)
    }
}
