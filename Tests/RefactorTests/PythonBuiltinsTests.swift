import Foundation
import Testing
@testable import Refactor

@Suite struct PythonBuiltinsTests {
    /// The interpreter the tests use (the repo's .venv via the Makefile), else python3.
    static let python = ProcessInfo.processInfo.environment["NBSHIP_TEST_PYTHON"] ?? "/usr/bin/env"

    private static func pythonOutput(_ code: String) -> String? {
        let process = Process()
        if python == "/usr/bin/env" {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", "-c", code]
        } else {
            process.executableURL = URL(fileURLWithPath: python)
            process.arguments = ["-c", code]
        }
        let pipe = Pipe()
        process.standardOutput = pipe
        guard (try? process.run()) != nil else { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? String(decoding: data, as: UTF8.self) : nil
    }

    static let interpreterIs311 = pythonOutput("import sys; print(sys.version_info[:2] == (3, 11))")?.hasPrefix("True") == true

    @Test(.enabled(if: interpreterIs311, "needs CPython 3.11, the version the list was taken from"))
    func theListIsExactlyDirBuiltinsOfCPython311() throws {
        let output = try #require(Self.pythonOutput("import builtins; print('\\n'.join(dir(builtins)))"))
        let names = Set(output.split(separator: "\n").map(String.init))
        #expect(names == PythonBuiltins.names)
    }
}
