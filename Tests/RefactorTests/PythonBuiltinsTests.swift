import Foundation
import TestSupport
import Testing
@testable import Refactor

@Suite struct PythonBuiltinsTests {
    /// The interpreter the tests use (the repo's .venv via the Makefile), else python3.
    private static func pythonOutput(_ code: String) -> String? {
        guard let result = try? TestPython.run(["-c", code], environment: [:]), result.status == 0 else { return nil }
        return result.stdout
    }

    static let interpreterIs311 = pythonOutput("import sys; print(sys.version_info[:2] == (3, 11))")?.hasPrefix("True") == true

    @Test(.enabled(if: interpreterIs311, "needs CPython 3.11, the version the list was taken from"))
    func theListIsExactlyDirBuiltinsOfCPython311() throws {
        let output = try #require(Self.pythonOutput("import builtins; print('\\n'.join(dir(builtins)))"))
        let names = Set(output.split(separator: "\n").map(String.init))
        #expect(names == PythonBuiltins.names)
    }
}
