import Foundation
import TestSupport
import Testing
@testable import Requirements

/// The pieces of the environment reader on made-up files: what it accepts, and what makes it
/// start Python instead.
@Suite("reading an interpreter's layout from disk")
struct InstalledLayoutTests {
    static func write(_ text: String, to url: URL, executable: Bool = false) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
        if executable {
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        }
    }

    /// A fake CPython installation (`bin/python3.12` is an empty file, never run) and a venv
    /// made from it.
    static func fakeInstallation(in root: URL, venvConfig: String? = nil) throws -> (base: URL, venv: URL) {
        let base = root.appendingPathComponent("base")
        try write("", to: base.appendingPathComponent("bin/python3.12"), executable: true)
        try write("", to: base.appendingPathComponent("lib/python3.12/os.py"))
        try write("#define PY_VERSION              \"3.12.4+\"\n", to: base.appendingPathComponent("include/python3.12/patchlevel.h"))
        try FileManager.default.createDirectory(at: base.appendingPathComponent("lib/python3.12/site-packages"), withIntermediateDirectories: true)
        let venv = root.appendingPathComponent("venv")
        try FileManager.default.createDirectory(at: venv.appendingPathComponent("lib/python3.12/site-packages"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: venv.appendingPathComponent("bin"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: venv.appendingPathComponent("bin/python").path, withDestinationPath: base.appendingPathComponent("bin/python3.12").path)
        try write(venvConfig ?? "home = \(base.path)/bin\ninclude-system-site-packages = false\nversion = 3.12.4\n", to: venv.appendingPathComponent("pyvenv.cfg"))
        return (base, venv)
    }

    static func recognise(_ path: String, environment: [String: String] = [:]) -> Result<PythonLayout, UnrecognisedLayout> {
        PythonLayout.recognise(executable: path, environment: environment)
    }

    @Test("pyvenv.cfg as site.py reads it (venv and virtualenv spellings)")
    func pyvenvConfig() {
        let venv = PyvenvConfig("home = /usr/bin\nInclude-System-Site-Packages = TRUE\nversion = 3.11.7\nnot a pair\n")
        #expect(venv.home == "/usr/bin")
        #expect(venv.includeSystemSitePackages)
        #expect(venv.release == "3.11.7")
        let virtualenv = PyvenvConfig("home=/opt/py/bin\nversion_info = 3.12.1.final.0\n")
        #expect(virtualenv.release == "3.12.1")
        #expect(!virtualenv.includeSystemSitePackages)
        #expect(PyvenvConfig("version = banana\n").release == nil)
    }

    @Test("a venv: version from pyvenv.cfg, base from home, no process started")
    func virtualEnvironment() throws {
        let root = try PackagePaths.temporaryDirectory(prefix: "nbship-layout")
        defer { try? FileManager.default.removeItem(at: root) }
        let (base, venv) = try Self.fakeInstallation(in: root)
        let layout = try Self.recognise(venv.appendingPathComponent("bin/python").path).get()
        #expect(layout.release == "3.12.4")
        #expect(layout.version == PythonVersion(3, 12))
        #expect(layout.prefix == venv.path)
        #expect(layout.basePrefix == base.path)
        #expect(layout.isVirtualEnvironment)
        #expect(!layout.includeSystemSitePackages)
        #expect(PythonSearchPath.siteFolders(layout) == [venv.path + "/lib/python3.12/site-packages"])
        // The same interpreter, bare: version from patchlevel.h.
        let bare = try Self.recognise(base.appendingPathComponent("bin/python3.12").path).get()
        #expect(bare.release == "3.12.4")
        #expect(!bare.isVirtualEnvironment)
        #expect(PythonSearchPath.siteFolders(bare) == [base.path + "/lib/python3.12/site-packages"])
    }

    @Test("include-system-site-packages adds the base's site folder after the venv's, and the user site before both")
    func systemSitePackages() throws {
        let root = try PackagePaths.temporaryDirectory(prefix: "nbship-layout")
        defer { try? FileManager.default.removeItem(at: root) }
        let base = root.appendingPathComponent("base")
        let (_, venv) = try Self.fakeInstallation(in: root, venvConfig: "home = \(base.path)/bin\ninclude-system-site-packages = true\nversion = 3.12.4\n")
        let layout = try Self.recognise(venv.appendingPathComponent("bin/python").path).get()
        let home = root.appendingPathComponent("home")
        let user = home.appendingPathComponent(".local/lib/python3.12/site-packages")
        try FileManager.default.createDirectory(at: user, withIntermediateDirectories: true)
        let path = try PythonSearchPath(layout: layout, environment: ["HOME": home.path], workingDirectory: root.path)
        #expect(path.siteFolders == [user.path, venv.path + "/lib/python3.12/site-packages", base.path + "/lib/python3.12/site-packages"])
        #expect(path.entries.first == base.path + "/lib/python312.zip")
        // PYTHONNOUSERSITE turns the user site off; a venv without system site never has it.
        let without = try PythonSearchPath(layout: layout, environment: ["HOME": home.path, "PYTHONNOUSERSITE": "1"], workingDirectory: root.path)
        #expect(!without.siteFolders.contains(user.path))
        var isolated = layout
        isolated.includeSystemSitePackages = false
        #expect(PythonSearchPath.userSite(layout: isolated, environment: ["HOME": home.path]) == nil)
    }

    @Test("layouts nbship does not read say why", arguments: [
        ("script", "is a script, not a python executable"),
        ("not-python", "is not named python, python3 or pythonX.Y"),
        ("no-version", "has no version"),
        ("pythonhome", "PYTHONHOME is set"),
        ("no-prefix", "no virtual environment ('../pyvenv.cfg') and no CPython installation"),
    ])
    func unrecognised(kind: String, reason: String) throws {
        let root = try PackagePaths.temporaryDirectory(prefix: "nbship-layout")
        defer { try? FileManager.default.removeItem(at: root) }
        let (_, venv) = try Self.fakeInstallation(in: root, venvConfig: kind == "no-version" ? "home = \(root.path)/base/bin\n" : nil)
        var executable = venv.appendingPathComponent("bin/python").path
        var environment: [String: String] = [:]
        switch kind {
        case "script":
            executable = root.appendingPathComponent("wrapper/python").path
            try Self.write("#!/bin/sh\nexec python3 \"$@\"\n", to: URL(fileURLWithPath: executable), executable: true)
        case "not-python":
            executable = root.appendingPathComponent("base/bin/false").path
            try Self.write("", to: URL(fileURLWithPath: executable), executable: true)
        case "pythonhome":
            environment["PYTHONHOME"] = "/opt"
        case "no-prefix":
            executable = root.appendingPathComponent("loose/python3").path
            try Self.write("", to: URL(fileURLWithPath: executable), executable: true)
        default:
            break
        }
        guard case .failure(let failure) = Self.recognise(executable, environment: environment) else {
            Issue.record("\(kind) was recognised")
            return
        }
        #expect(failure.reason.contains(reason), "\(failure.reason)")
    }

    @Test(".pth lines: folders, comments, and the import hooks nbship knows", arguments: [
        ("import os; var = 'SETUPTOOLS_USE_DISTUTILS'; enabled = os.environ.get(var, 'local') == 'local'; enabled and __import__('_distutils_hack').add_shim(); ", "distutils-precedence.pth", true),
        ("import __editable___ed_mapped_2_0_finder; __editable___ed_mapped_2_0_finder.install()", "__editable__.ed_mapped-2.0.pth", true),
        ("import _editable_impl_foo", "_editable_impl_foo.pth", true),
        ("import _mypkg_editable_loader", "mypkg-editable.pth", true),
        ("import sys, types, os;p = os.path.join(sys._getframe(1).f_locals['sitedir'], *('mpl_toolkits',))", "matplotlib-3.7.5-py3.11-nspkg.pth", true),
        ("import sys, types, os;p = 1", "other.pth", false),
        ("import sys; sys.path.insert(0, '/x')", "x.pth", false),
        ("import __editable___x_finder; import os; os.system('true')", "__editable__.x.pth", false),
    ])
    func pathConfiguration(line: String, file: String, known: Bool) throws {
        #expect(PathConfigurationFile.isKnownHook(Substring(line), fileName: file) == known)
        let text = "# comment\n\n/abs/folder  \nrelative/folder\n" + line + "\n"
        if known {
            #expect(try PathConfigurationFile(text, path: "/site/" + file).folders == ["/abs/folder", "relative/folder"])
        } else {
            #expect(throws: UnrecognisedLayout.self) { try PathConfigurationFile(text, path: "/site/" + file) }
        }
    }

    @Test("metadata headers as the email parser reads them")
    func headers() {
        let headers = MetadataHeaders("Metadata-Version: 2.1\nname:  Ruamel.YAML\nVersion: 0.18.6 \nSummary: a\n  continued\nName: second\n\nVersion: body\n")
        #expect(headers["Name"] == "Ruamel.YAML")
        #expect(headers["VERSION"] == "0.18.6 ")
        #expect(!headers.folded.contains("name") && !headers.folded.contains("version"))
        #expect(MetadataHeaders("Name: a\n  b\nVersion: 1\n").folded == ["name"])
        #expect(MetadataHeaders("not a header line\nName: x\n").isEmpty)
        #expect(MetadataHeaders("")["Name"] == nil)
    }

    static let headerCases: [(bytes: [UInt8], expected: String)] = {
        let long = String(repeating: "x", count: 20_000)
        var cases: [(bytes: [UInt8], expected: String)] = []
        cases.append((Array("Name: a\r\nVersion: 1\r\n\r\nbody".utf8), "Name: a\nVersion: 1\n\n"))
        cases.append((Array("Name: a\n\n".utf8) + [0xff, 0xfe], "Name: a\n\n"))
        cases.append((Array("\nName: a\n".utf8), "\n"))
        cases.append((Array("Name: a\rVersion: 2".utf8), "Name: a\nVersion: 2"))
        cases.append((Array(("Name: a\n" + long + "\n\nrest").utf8), "Name: a\n" + long + "\n\n"))
        return cases
    }()

    @Test("only the header block of METADATA is read, with universal newlines", arguments: headerCases)
    func headerText(bytes: [UInt8], expected: String) throws {
        let root = try PackagePaths.temporaryDirectory(prefix: "nbship-header")
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent("METADATA")
        try Data(bytes).write(to: file)
        guard case .text(let text) = FileSystem.headerText(file.path) else {
            Issue.record("not read")
            return
        }
        #expect(text == expected)
    }

    @Test("RECORD paths as the csv module splits them", arguments: [
        ("pkg/__init__.py,sha256=abc,12", "pkg/__init__.py"),
        ("\"odd,name.py\",,", "odd,name.py"),
        ("\"say \"\"hi\"\".py\",,", "say \"hi\".py"),
        ("plain", "plain"),
        (",,", ""),
    ])
    func recordField(line: String, path: String) {
        #expect(RecordText.firstField(line) == path)
    }

    @Test("a RECORD mentions a top-level name as a folder or a module file")
    func recordMentions() {
        let record = "numpy/__init__.py,,\nnumpy.libs/x.so,,\nscipy-1.0.dist-info/RECORD,,\n"
        #expect(RecordText.mentions(record, anyOf: ["numpy"]))
        #expect(RecordText.mentions(record, anyOf: ["pandas", "scipy-1"]))
        #expect(!RecordText.mentions(record, anyOf: ["scipy", "pandas"]))
        #expect(!RecordText.mentions(record, anyOf: ["numpy/__init__.py,,\nnumpy.libs/x.so,,\nscipy-1.0.dist-info/RECORD,,\n-longer"]))
        #expect(!RecordText.mentions("", anyOf: ["numpy"]))
    }

    @Test("PackagePath parts and suffixes as PurePosixPath")
    func packagePath() {
        #expect(PackagePath("a//b/./c.py").parts == ["a", "b", "c.py"])
        #expect(PackagePath("../../bin/tool").parts == ["..", "..", "bin", "tool"])
        #expect(PackagePath("/abs/x.py").parts == ["/", "abs", "x.py"])
        #expect(PackagePath("x.tar.py").suffix == ".py")
        #expect(PackagePath("x.tar.py").stem == "x.tar")
        #expect(PackagePath(".py").suffix == "")
        #expect(PackagePath("..").suffix == "")
    }
}
