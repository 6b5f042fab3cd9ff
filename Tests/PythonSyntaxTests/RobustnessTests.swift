import Foundation
import Testing
@testable import PythonSyntax

/// Hostile input never traps: deep nesting becomes a `python.syntax` issue, garbage is
/// reported, and the statements before an error still give facts.
@Suite struct RobustnessTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var source: String
        var accepted: Bool
        var testDescription: String { name }
    }

    static let deepCases: [Case] = [
        Case(name: "35 parentheses", source: String(repeating: "(", count: 35) + "x" + String(repeating: ")", count: 35), accepted: true),
        Case(name: "150 parentheses", source: String(repeating: "(", count: 150) + "x" + String(repeating: ")", count: 150), accepted: false),
        Case(name: "250 parentheses", source: String(repeating: "(", count: 250) + "x" + String(repeating: ")", count: 250), accepted: false),
        Case(name: "100000 open brackets", source: String(repeating: "[", count: 100_000), accepted: false),
        Case(name: "190 unary minus", source: String(repeating: "-", count: 190) + "x", accepted: true),
        Case(name: "50000 unary minus", source: String(repeating: "-", count: 50_000) + "x", accepted: false),
        Case(name: "20000 not", source: String(repeating: "not ", count: 20_000) + "x", accepted: false),
        Case(name: "20000 lambdas", source: String(repeating: "lambda: ", count: 20_000) + "x", accepted: false),
        Case(name: "20000 conditionals", source: String(repeating: "a if b else ", count: 20_000) + "c", accepted: false),
        Case(name: "20000 powers", source: String(repeating: "a**", count: 20_000) + "b", accepted: false),
        Case(name: "mixed nesting", source: String(repeating: "(-[lambda: {", count: 10) + String(repeating: "}])", count: 10), accepted: true),
        Case(name: "nested f-strings", source: String(repeating: "f'{", count: 300) + "x" + String(repeating: "}'", count: 300), accepted: false),
        Case(name: "300 attributes", source: "x" + String(repeating: ".a", count: 300), accepted: true),
        Case(name: "long attribute chain", source: "x" + String(repeating: ".a", count: 50_000), accepted: false),
        Case(name: "long subscript chain", source: "x" + String(repeating: "[0]", count: 20_000), accepted: false),
        Case(name: "long chained assignment", source: String(repeating: "x = ", count: 20_000) + "1", accepted: true),
        Case(name: "150 indentation levels", source: (0..<150).map { String(repeating: " ", count: $0) + "if x:\n" }.joined() + String(repeating: " ", count: 150) + "pass\n", accepted: false),
        Case(name: "300 additions", source: Array(repeating: "x", count: 300).joined(separator: " + "), accepted: true),
        Case(name: "long addition", source: Array(repeating: "x", count: 20_000).joined(separator: " + "), accepted: false),
        Case(name: "long comparison and boolean chains", source: Array(repeating: "x", count: 20_000).joined(separator: " < ") + " and " + Array(repeating: "y", count: 20_000).joined(separator: " or "), accepted: true),
    ]

    @Test(arguments: deepCases)
    func deepNestingIsBounded(_ testCase: Case) throws {
        let analysis = PythonAnalyzer.analyze(testCase.source)
        if testCase.accepted {
            #expect(analysis.diagnostics.isEmpty, "\(analysis.diagnostics)")
            #expect(analysis.module != nil)
        } else {
            let issue = try #require(analysis.diagnostics.first)
            #expect(issue.line >= 1 && issue.column >= 1)
            #expect(analysis.module == nil)
        }
    }

    /// Inputs at or past every nesting limit, analysed on a thread with a 4 MB stack (half
    /// the usual main-thread size) so a debug build must fit with room to spare. Real cells
    /// nest far less: nothing in the corpus or in CPython's standard library comes close.
    static let limitCases: [Case] = [
        Case(name: "chains inside nested parentheses", source: String(repeating: "(", count: 150) + "x" + String(repeating: ".a" + String(repeating: ".a", count: 499) + ")", count: 150), accepted: false),
        Case(name: "binary chains inside nested parentheses", source: String(repeating: "(", count: 150) + "x" + String(repeating: String(repeating: "+x", count: 500) + ")", count: 150), accepted: false),
        Case(name: "90 elifs", source: "if a: pass\n" + String(repeating: "elif b: pass\n", count: 90), accepted: true),
        Case(name: "5000 elifs", source: "if a: pass\n" + String(repeating: "elif b: pass\n", count: 5000), accepted: false),
        Case(name: "190 unary minus", source: String(repeating: "-", count: 190) + "x", accepted: true),
        Case(name: "190 not", source: String(repeating: "not ", count: 190) + "x", accepted: true),
        Case(name: "90 lambdas", source: String(repeating: "lambda: ", count: 90) + "x", accepted: true),
        Case(name: "190 conditionals", source: String(repeating: "a if b else ", count: 190) + "c", accepted: true),
        Case(name: "190 powers", source: String(repeating: "a**", count: 190) + "b", accepted: true),
        Case(name: "35 nested calls", source: String(repeating: "f(", count: 35) + String(repeating: ")", count: 35), accepted: true),
        Case(name: "199 nested calls", source: String(repeating: "f(", count: 199) + String(repeating: ")", count: 199), accepted: false),
        Case(name: "30 parentheses with 5 attributes each", source: String(repeating: "(", count: 30) + "x" + String(repeating: ".a.a.a.a.a)", count: 30), accepted: true),
        Case(name: "50 parentheses with 100 attributes each", source: String(repeating: "(", count: 50) + "x" + String(repeating: String(repeating: ".a", count: 100) + ")", count: 50), accepted: false),
        Case(name: "900 lambdas", source: String(repeating: "lambda: ", count: 900) + "x", accepted: false),
        Case(name: "nested f-strings", source: String(repeating: "f'{", count: 30) + "x" + String(repeating: "}'", count: 30), accepted: true),
        Case(name: "30 blocks around 15 parentheses", source: (0..<30).map { String(repeating: " ", count: $0) + "if x:\n" }.joined() + String(repeating: " ", count: 30) + "y = " + String(repeating: "(", count: 15) + "-x.a.b" + String(repeating: ")", count: 15) + "\n", accepted: true),
        Case(name: "fuzz: 1080 minus signs between names", source: "mVVV" + String(repeating: "-", count: 1080) + "s\n", accepted: false),
        Case(name: "binary chain of deep unary operands", source: "a" + String(repeating: " - " + String(repeating: "-", count: 150) + "b", count: 20), accepted: true),
        Case(name: "long dotted pattern", source: "match x:\n    case a" + String(repeating: ".b", count: 5000) + ":\n        pass\n", accepted: false),
    ]

    @Test(arguments: limitCases)
    func limitsFitInAFourMegabyteStack(_ testCase: Case) throws {
        let box = ResultBox()
        let done = DispatchSemaphore(value: 0)
        let source = testCase.source
        let thread = Thread {
            box.analysis = PythonAnalyzer.analyze(source)
            done.signal()
        }
        thread.stackSize = 4 << 20
        thread.start()
        done.wait()
        let analysis = try #require(box.analysis)
        #expect(analysis.diagnostics.isEmpty == testCase.accepted, "\(analysis.diagnostics)")
    }

    final class ResultBox: @unchecked Sendable {
        var analysis: PythonAnalysis?
    }

    static let garbage: [String] = [
        "", "\n", "\\", "\\\n", "'", "\"\"\"", "f'", "f'{", "f'{x!", "f'{x:", "f'{x:{", "rb'", "0x", "1e", "1_", ".",
        "@", "@x", "def", "class C(", "if x:\n", "if x:\n  pass\n else:\n", "\t\n  \t x", "\u{0}", "a\u{0}b",
        "x = \u{1F600}", "match x:\n case", "match x:\n    case [1, *a, *b]:\n        pass\n", "lambda *: 0",
        "def f(*, a, *b): pass", "print(*)", "x[::]", "x[]", "()=1", "[]=[]", "*a = b", "a, = b",
        "with (a as b, c as d,):\n pass\n", "try:\n pass\nexcept* :\n pass\n", "global", "from", "import .a",
        "from .a import (b", "yield = 1", "async x", "await", "x: = 1", "type X[] = int", "f(**)",
        "\u{FEFF}x = 1", "x = '\\N{", "x = f'\\N{'", "é\u{301} = 1", "ℌ = 2", "\r\n\r", "a\rb = 1",
    ]

    @Test(arguments: garbage)
    func garbageNeverTraps(_ source: String) {
        let analysis = PythonAnalyzer.analyze(source)
        for issue in analysis.diagnostics {
            #expect(issue.line >= 1)
            #expect(issue.column >= 1)
        }
        #expect(analysis.module == nil || analysis.diagnostics.isEmpty || analysis.module?.body.isEmpty == false)
    }

    @Test func syntaxErrorGivesALocatedDiagnostic() throws {
        let analysis = PythonAnalyzer.analyze("import os\nx = 1\n\ny = foo(1,\n")
        let issue = try #require(analysis.diagnostics.first)
        #expect(issue.message == "'(' was never closed")
        #expect(issue.line == 4)
        #expect(issue.column == 8)
        #expect(analysis.module == nil)
        let diagnostic = issue.diagnostic(path: "nb.ipynb", cell: 3)
        #expect(diagnostic.id == "python.syntax")
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.location?.rendered == "nb.ipynb:cell_3:4:8")
        // Best effort: the statements before the error still count.
        #expect(analysis.facts.imports == [ImportFact(module: "os")])
        #expect(analysis.facts.defines == ["os", "x"])
    }

    struct ErrorCase: Sendable, CustomTestStringConvertible {
        var source: String
        var line: Int
        var message: String
        var testDescription: String { source.debugDescription }
    }

    static let parseErrors: [ErrorCase] = [
        ErrorCase(source: "x = 1\n  y = 2\n", line: 2, message: "unexpected indent"),
        ErrorCase(source: "for i in x:\nprint(i)\n", line: 2, message: "expected an indented block after 'for' statement on line 1"),
        ErrorCase(source: "def f(:\n    pass\n", line: 1, message: "invalid syntax"),
        ErrorCase(source: "if x\n    pass\n", line: 1, message: "expected ':'"),
        ErrorCase(source: "a + 1 = 2\n", line: 1, message: "cannot assign to expression here, maybe you meant '==' instead of '='"),
        ErrorCase(source: "for a + 1 in x: pass\n", line: 1, message: "cannot assign to expression"),
        ErrorCase(source: "f(a=1, 2)\n", line: 1, message: "positional argument follows keyword argument"),
        ErrorCase(source: "def g():\n    use(v)\n    global v\n", line: 3, message: "name 'v' is used prior to global declaration"),
        ErrorCase(source: "def h():\n    nonlocal q\n", line: 2, message: "no binding for nonlocal 'q' found"),
        ErrorCase(source: "x = (1,\ny = 2\ndef f(): pass\n", line: 1, message: "'(' was never closed"),
        ErrorCase(source: "print 'hello'\n", line: 1, message: "missing parentheses in call to 'print', did you mean print(...)"),
        ErrorCase(source: "d = {'a': 1\n'b': 2}\n", line: 1, message: "invalid syntax, perhaps you forgot a comma"),
    ]

    @Test(arguments: parseErrors)
    func parseErrorsAreLocated(_ testCase: ErrorCase) throws {
        let issue = try #require(PythonAnalyzer.analyze(testCase.source).diagnostics.first)
        #expect(issue.message == testCase.message)
        #expect(issue.line == testCase.line)
    }
}
