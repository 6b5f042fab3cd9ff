import Testing
@testable import PythonSyntax

/// Scoping rules with expectations written down (checked once against CPython 3.11's
/// `symtable`), so they hold even where no Python is installed for the differential test.
@Suite struct ScopeTables {
    struct Case: Sendable, CustomTestStringConvertible {
        var source: String
        var imports: [ImportFact]
        var defines: [String]
        var reads: [String]
        var testDescription: String { source.debugDescription }
    }

    static let cases: [Case] = [
        Case(source: "x = 1\ndef f(a, b=x):\n    return a + b + y\n",
             imports: [],
             defines: ["f", "x"], reads: ["x", "y"]),
        Case(source: "class C:\n    attr = 1\n    def m(self):\n        return attr\n    items = [attr for _ in range(3)]\n",
             imports: [],
             defines: ["C"], reads: ["attr", "range"]),
        Case(source: "def g():\n    global counter\n    counter += 1\n",
             imports: [],
             defines: ["counter", "g"], reads: []),
        Case(source: "[w := i for i in data]\n",
             imports: [],
             defines: ["w"], reads: ["data"]),
        Case(source: "def outer():\n    v = 1\n    def inner():\n        nonlocal v\n        v += 1\n        return v + w\n    return inner\n",
             imports: [],
             defines: ["outer"], reads: ["w"]),
        Case(source: "try:\n    pass\nexcept E as err:\n    print(err)\n",
             imports: [],
             defines: ["err"], reads: ["E", "err", "print"]),
        Case(source: "match cmd:\n    case [action, *rest] if action in known:\n        run(action, rest)\n    case {'k': v, **kw}:\n        pass\n",
             imports: [],
             defines: ["action", "kw", "rest", "v"], reads: ["action", "cmd", "known", "rest", "run"]),
        Case(source: "class K:\n    def m(self):\n        return super().m() + __hidden\n",
             imports: [],
             defines: ["K"], reads: ["_K__hidden", "super"]),
        Case(source: "del gone\nann: int\naug += 1\n",
             imports: [],
             defines: ["ann", "aug", "gone"], reads: ["int"]),
        Case(source: "lam = lambda p, q=dq: p + q + free_name\n",
             imports: [],
             defines: ["lam"], reads: ["dq", "free_name"]),
        Case(source: "from __future__ import annotations\ndef f(a: A) -> B:\n    return a\n",
             imports: [ImportFact(module: "__future__", name: "annotations", alias: nil)],
             defines: ["annotations", "f"], reads: []),
        Case(source: "import a.b.c as d, e.f\nfrom ..pkg import (x as y, z)\nfrom . import *\n",
             imports: [ImportFact(module: "a.b.c", name: nil, alias: "d"), ImportFact(module: "e.f", name: nil, alias: nil), ImportFact(module: "..pkg", name: "x", alias: "y"), ImportFact(module: "..pkg", name: "z", alias: nil), ImportFact(module: ".", name: "*", alias: nil)],
             defines: ["d", "e", "y", "z"], reads: []),
    ]

    @Test(arguments: cases)
    func resolvesNamesLikeSymtable(_ testCase: Case) {
        let analysis = PythonAnalyzer.analyze(testCase.source)
        #expect(analysis.diagnostics.isEmpty)
        #expect(analysis.facts.imports == testCase.imports)
        #expect(analysis.facts.defines == testCase.defines)
        #expect(analysis.facts.reads == testCase.reads)
    }
}
