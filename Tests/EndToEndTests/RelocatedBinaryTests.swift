import Foundation
import TestSupport
import Testing

/// The `nbship` binary copied alone into another folder (as into `/usr/local/bin` or an
/// image) still resolves requirements and still has its templates: the import table, the
/// standard-library lists and the bundled templates are compiled in, not read from a resource
/// bundle or the source tree beside the build.
@Suite struct RelocatedBinaryTests {
    /// Whether the binary has `convert` (the command that resolves requirements).
    static let hasConvert: Bool = {
        guard PackagePaths.builtBinary != nil, let result = try? NBShip.run(["convert", "--help"]) else { return false }
        // An unknown subcommand followed by --help prints the root help, also with status 0.
        return result.status == 0 && result.stdout.contains("USAGE: nbship convert")
    }()

    /// The test Python has what the demo notebook imports, so every version comes from it or
    /// from the notebook's own pins.
    static let pythonReady: Bool = TestPython.interpreter.contains("/") && TestPython.canImport("pandas", "sklearn", "matplotlib")

    @Test(.enabled(if: hasConvert && pythonReady), .timeLimit(.minutes(3)))
    func convertResolvesRequirementsFromACopiedBinary() throws {
        let scratch = try PackagePaths.temporaryDirectory(prefix: "nbship-relocated")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let binary = scratch.appendingPathComponent("bin/nbship")
        try FileManager.default.createDirectory(at: binary.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: PackagePaths.binary, to: binary)
        // Only the binary is in bin/: no resource bundle next to it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: binary.deletingLastPathComponent().path) == ["nbship"])

        let output = scratch.appendingPathComponent("churn")
        let result = try ProcessRunner.run(binary, arguments: [
            "convert", PackagePaths.fixture("demo/churn.ipynb").path, "-o", output.path,
            "--python", TestPython.interpreter, "--templates", PackagePaths.root.appendingPathComponent("templates").path,
        ], in: scratch)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.crashed)
        let requirements = try String(contentsOf: output.appendingPathComponent("requirements.txt"), encoding: .utf8)
        // The notebook pins these with `!pip install`; the table maps sklearn to scikit-learn.
        #expect(requirements.contains("\npandas==2.1.4\n"))
        #expect(requirements.contains("\nscikit-learn==1.3.2\n"))
        #expect(!requirements.contains("sklearn"))
        let pins = requirements.split(separator: "\n").filter { !$0.hasPrefix("#") }
        #expect(!pins.isEmpty && pins.allSatisfy { $0.contains("==") })
    }

    /// The binary copied alone into `SCRATCH/bin/`.
    static func copyBinary(into scratch: URL) throws -> URL {
        let binary = scratch.appendingPathComponent("bin/nbship")
        try FileManager.default.createDirectory(at: binary.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: PackagePaths.binary, to: binary)
        return binary
    }

    /// What another machine gives the copied binary: no `NBSHIP_TEMPLATES`, no `VIRTUAL_ENV`,
    /// and the source tree it was built from hidden (`NBSHIP_NO_SOURCE_TEMPLATES=1`), so only
    /// the compiled-in templates are left.
    static let elsewhere: [String: String] = [
        "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
        "HOME": FileManager.default.temporaryDirectory.path,
        "NO_COLOR": "1", "PYTHONDONTWRITEBYTECODE": "1", "NBSHIP_NO_SOURCE_TEMPLATES": "1",
    ]

    /// Runs the copied binary with only ``elsewhere`` as its environment.
    static func runElsewhere(_ binary: URL, _ arguments: [String], in directory: URL) throws -> ProcessRunner.Result {
        try ProcessRunner.run(binary, arguments: arguments, in: directory, environment: elsewhere, inheritsEnvironment: false)
    }

    /// Every regular file below a folder: relative path → its bytes, then its mode.
    static func tree(_ root: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = walker?.nextObject() as? URL {
            guard try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true else { continue }
            let mode = (try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? NSNumber)?.intValue ?? 0
            var bytes = try Data(contentsOf: url)
            bytes.append(contentsOf: Array("\nmode \(String(mode, radix: 8))".utf8))
            files[String(url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1))] = bytes
        }
        return files
    }

    @Test(.enabled(if: PackagePaths.builtBinary != nil), .timeLimit(.minutes(3)))
    func templatesAndNewWorkFromACopiedBinary() throws {
        let scratch = try PackagePaths.temporaryDirectory(prefix: "nbship-relocated")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let binary = try Self.copyBinary(into: scratch)
        #expect(try FileManager.default.contentsOfDirectory(atPath: binary.deletingLastPathComponent().path) == ["nbship"])

        // The same list, descriptions and order as the source tree's folders give.
        let listed = try Self.runElsewhere(binary, ["templates"], in: scratch)
        #expect(listed.status == 0, "\(listed.stderr)")
        let fromSource = try NBShip.run(["templates"], environment: ["NO_COLOR": "1", "NBSHIP_TEMPLATES": ""])
        #expect(listed.stdout.split(separator: "\n").compactMap { $0.split(separator: " ").first }.map(String.init)
            == ["ml-project", "ml-service", "notebook-project"])
        #expect(listed.stdout == fromSource.stdout)

        // The source tree really is hidden: diagnostics name the compiled-in copy.
        let missing = try Self.runElsewhere(binary, ["new", "ml-project", scratch.appendingPathComponent("nope").path], in: scratch)
        #expect(missing.status == 2)
        #expect(missing.stderr.hasPrefix("<built-in>/ml-project/template.toml:4:1: error: missing value for variable 'package' [template.missing-variable]\n"),
                "\(missing.stderr)")
        #expect(!FileManager.default.fileExists(atPath: scratch.appendingPathComponent("nope").path))

        // `new` from the copied binary writes what the source tree's template writes, byte for byte.
        for template in ["ml-project", "ml-service"] {
            let relocated = scratch.appendingPathComponent("relocated-\(template)")
            let made = try Self.runElsewhere(binary, ["new", template, relocated.path, "--set", "package=course_pkg"], in: scratch)
            #expect(made.status == 0, "\(made.stderr)")
            let reference = scratch.appendingPathComponent("reference-\(template)")
            let referenceRun = try NBShip.run(["new", template, reference.path, "--set", "package=course_pkg"])
            #expect(referenceRun.status == 0, "\(referenceRun.stderr)")
            let files = try Self.tree(relocated)
            #expect(files.count > 10)
            #expect(files["src/course_pkg/__init__.py"] != nil)
            #expect(files == (try Self.tree(reference)), "\(template): the compiled-in template renders differently from templates/\(template)")
        }
    }

    @Test(.enabled(if: hasConvert && pythonReady), .timeLimit(.minutes(3)))
    func convertUsesTheCompiledInTemplateFromACopiedBinary() throws {
        let scratch = try PackagePaths.temporaryDirectory(prefix: "nbship-relocated")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let binary = try Self.copyBinary(into: scratch)
        let notebook = PackagePaths.fixture("demo/churn.ipynb").path
        let relocated = scratch.appendingPathComponent("relocated/churn")
        let result = try Self.runElsewhere(binary, ["convert", notebook, "-o", relocated.path, "--python", TestPython.interpreter], in: scratch)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.crashed)
        let reference = scratch.appendingPathComponent("reference/churn")
        let referenceRun = try NBShip.run(["convert", notebook, "-o", reference.path, "--python", TestPython.interpreter],
                                          environment: ["NO_COLOR": "1", "NBSHIP_TEMPLATES": ""])
        #expect(referenceRun.status == 0, "\(referenceRun.stderr)")
        let files = try Self.tree(relocated)
        for expected in ["src/churn/train.py", "src/churn/serve.py", "tests/test_pipeline.py", "Dockerfile", "requirements.txt", "data/churn.csv"] {
            #expect(files[expected] != nil, "missing \(expected)")
        }
        #expect(files == (try Self.tree(reference)), "convert from the compiled-in template differs from templates/notebook-project")
        // Without any template, convert says where it looked.
        let empty = scratch.appendingPathComponent("empty-templates")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let none = try Self.runElsewhere(binary, ["convert", notebook, "-o", scratch.appendingPathComponent("none").path,
                                                  "--python", TestPython.interpreter, "--templates", empty.path], in: scratch)
        #expect(none.status == 2)
        #expect(none.stderr.contains("error: no 'convert' template found [template.not-found]"), "\(none.stderr)")
        #expect(none.stderr.contains("note: searched: \(empty.path)\n"))
        #expect(!FileManager.default.fileExists(atPath: scratch.appendingPathComponent("none").path))
    }
}
