import Foundation
import TestSupport

/// A virtual environment made once per test run with the real `venv` and `pip`, holding the
/// layouts the environment reader must understand:
///
/// - `ed-src`: a PEP 660 editable install of a src-layout project (setuptools writes a
///   `__editable__.*.pth` naming the src folder);
/// - `Ed.Mapped`: a PEP 660 editable install whose package folder is mapped elsewhere
///   (setuptools writes an `__editable___*_finder` module and a `.pth` that imports it);
/// - `nsroot-a` (a wheel) and `nsroot-b` (editable): two distributions sharing the PEP 420
///   namespace package `nsroot`;
/// - `legacy_thing`: `setup.py egg_info` in a project folder put on the path by a `.pth`
///   file, as `setup.py develop` does (an `*.egg-info` folder with PKG-INFO, top_level.txt
///   and SOURCES.txt);
/// - `oldstyle`: an `*.egg-info` file, as distutils wrote them.
///
/// Builds use setuptools from `$NBSHIP_TEST_WHEELS` (the Makefile downloads it), offline.
enum MadeEnvironment {
    /// The wheel folder: `$NBSHIP_TEST_WHEELS`, else `.venv/wheels` in the package.
    static var wheels: URL {
        if let path = ProcessInfo.processInfo.environment["NBSHIP_TEST_WHEELS"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        return PackagePaths.root.appendingPathComponent(".venv/wheels")
    }

    static let setuptools = "setuptools==80.9.0"

    /// Whether the environment can be made here.
    static var available: Bool {
        TestPython.canImport(["venv"]) && ((try? FileManager.default.contentsOfDirectory(atPath: wheels.path)) ?? []).contains { $0.hasPrefix("setuptools-80.9.0") }
    }

    /// The environment's folder, or the error that stopped making it.
    static let made: Result<URL, Error> = Result { try make() }

    /// The interpreter of the made environment.
    static func python() throws -> String {
        try made.get().appendingPathComponent("bin/python").path
    }

    private static func run(_ arguments: [String], in directory: URL? = nil) throws {
        let result = try ProcessRunner.run(arguments, in: directory, environment: ["PIP_DISABLE_PIP_VERSION_CHECK": "1", "PIP_NO_INPUT": "1"])
        guard result.status == 0 else {
            throw OracleFailure(message: "\(arguments.joined(separator: " ")) failed: \(result.stderr)\(result.stdout)")
        }
    }

    private static func write(_ text: String, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    private static func project(_ name: String, version: String, extra: String = "") -> String {
        """
        [build-system]
        requires = ["\(setuptools)"]
        build-backend = "setuptools.build_meta"

        [project]
        name = "\(name)"
        version = "\(version)"
        \(extra)
        """
    }

    private static func make() throws -> URL {
        let root = try PackagePaths.temporaryDirectory(prefix: "nbship-made-env")
        let venv = root.appendingPathComponent("venv")
        let src = root.appendingPathComponent("projects")
        try run(TestPython.commandLine + ["-m", "venv", venv.path])
        let python = venv.appendingPathComponent("bin/python").path
        let pip = [python, "-m", "pip", "install", "--quiet", "--no-index", "--find-links", wheels.path]
        try run(pip + [setuptools])

        // PEP 660, src layout: a static path .pth.
        let edSrc = src.appendingPathComponent("ed-src")
        try write(project("ed-src", version: "0.1"), to: edSrc.appendingPathComponent("pyproject.toml"))
        try write("VALUE = 1\n", to: edSrc.appendingPathComponent("src/edsrc/__init__.py"))
        try write("", to: edSrc.appendingPathComponent("src/edsrc/core.py"))
        // PEP 660 with a mapped package folder: a finder module.
        let edMapped = src.appendingPathComponent("ed-mapped")
        try write(project("Ed.Mapped", version: "2.0", extra: """

            [tool.setuptools]
            packages = ["edmapped"]
            package-dir = {"edmapped" = "code/impl"}
            """), to: edMapped.appendingPathComponent("pyproject.toml"))
        try write("", to: edMapped.appendingPathComponent("code/impl/__init__.py"))
        // Two portions of the PEP 420 namespace nsroot.
        for (part, folder) in [("a", "nsroot-a"), ("b", "nsroot-b")] {
            let directory = src.appendingPathComponent(folder)
            try write(project(folder, version: "1.\(part == "a" ? 0 : 1)", extra: """

                [tool.setuptools.packages.find]
                include = ["nsroot.*"]
                namespaces = true
                """), to: directory.appendingPathComponent("pyproject.toml"))
            try write("", to: directory.appendingPathComponent("nsroot/\(part)/__init__.py"))
        }
        try run(pip + ["--no-build-isolation", "-e", edSrc.path, "-e", edMapped.path, src.appendingPathComponent("nsroot-a").path, "-e", src.appendingPathComponent("nsroot-b").path])

        // `setup.py develop`'s layout: egg-info in the project, the project on a .pth.
        let legacy = src.appendingPathComponent("legacy")
        try write("from setuptools import setup\nsetup(name='legacy_thing', version='1.5', py_modules=['legacymod'])\n", to: legacy.appendingPathComponent("setup.py"))
        try write("", to: legacy.appendingPathComponent("legacymod.py"))
        try run([python, "setup.py", "--quiet", "egg_info"], in: legacy)
        let site = try sitePackages(venv)
        try write("# added by hand, as easy-install.pth\n\n\(legacy.path)\n../../../../projects/missing-folder\n", to: site.appendingPathComponent("legacy-develop.pth"))
        // distutils' egg-info file.
        try write("Metadata-Version: 1.0\nName: oldstyle\nVersion: 0.3\nSummary: an egg-info file\n", to: site.appendingPathComponent("oldstyle-0.3.egg-info"))
        try write("", to: site.appendingPathComponent("oldstyle.py"))
        return venv
    }

    /// `lib/pythonX.Y/site-packages` of a virtual environment.
    static func sitePackages(_ venv: URL) throws -> URL {
        let lib = venv.appendingPathComponent("lib")
        guard let version = try FileManager.default.contentsOfDirectory(atPath: lib.path).first(where: { $0.hasPrefix("python3.") }) else {
            throw OracleFailure(message: "no lib/python3.* in \(venv.path)")
        }
        return lib.appendingPathComponent(version).appendingPathComponent("site-packages")
    }
}
