import Foundation
import TestSupport
import Testing

/// `scripts/unbound-globals.py`, the CPython `symtable` check the corpus run applies to every
/// generated module: it reports each global read that nothing binds, and only those.
@Suite struct UnboundGlobalsScriptTests {
    static let script = PackagePaths.root.appendingPathComponent("scripts/unbound-globals.py").path

    static func check(_ files: [String: String]) throws -> (status: Int32, lines: [String], stderr: String) {
        let folder = try PackagePaths.temporaryDirectory(prefix: "nbship-unbound")
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, text) in files {
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        let result = try TestPython.run([script] + files.keys.sorted(), in: folder)
        return (result.status, result.stdout.split(separator: "\n").map(String.init), result.stderr)
    }

    @Test func aGlobalNothingBindsIsReportedWhereItIsFirstRead() throws {
        let module = """
            import os
            from math import *

            X = 1


            def f(a, b=X):
                return a + b + os.sep + Y + sqrt(2) + len([]) + __file__


            class C:
                z = 1

                def m(self):
                    return z


            def g():
                global G
                G = 2
                return [k for k in range(3) if k > W]


            print(G, C, f, g, undefined_at_top)

            """
        let result = try Self.check(["model.py": module])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.lines == [
            "model.py:8:29: unbound global Y",
            "model.py:15:16: unbound global z",
            "model.py:21:40: unbound global W",
            "model.py:24:19: unbound global undefined_at_top",
        ])
    }

    @Test func parametersImportsBuiltinsAndModuleDefinitionsAreBound() throws {
        let module = """
            from pathlib import Path

            SEED = 0


            def load(path=None, *rows, seed=SEED, **options):
                frame = [Path(path or __file__), rows, seed, options]
                return helper(frame) + [lambda value: value + SEED]


            def helper(values):
                return sorted(values, key=str)

            """
        let result = try Self.check(["data.py": module])
        #expect(result.status == 0, "\(result.lines) \(result.stderr)")
        #expect(result.lines.isEmpty)
    }

    @Test func aFileThatDoesNotParseIsAnError() throws {
        let result = try Self.check(["broken.py": "def (\n"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("broken.py: error:"))
    }
}
