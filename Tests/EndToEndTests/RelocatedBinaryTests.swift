import Foundation
import TestSupport
import Testing

/// The `nbship` binary copied alone into another folder (as into `/usr/local/bin` or an
/// image) still resolves requirements: the import table and the standard-library lists are
/// compiled in, not read from a resource bundle beside the build.
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
}
