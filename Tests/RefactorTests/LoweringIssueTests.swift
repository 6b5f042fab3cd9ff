import Diagnostics
import Foundation
import Refactor
import Testing

@Suite("Lowering: issues and encoding")
struct LoweringIssueTests {
    @Test("constructs that cannot be lowered faithfully are reported with a stable id and a place", arguments: [
        ("x = 1\n%run other.py", "lowering.run-defines-unknown-names", 2, 1),
        ("%%writefile train.py\nprint(1)", "lowering.writefile", 1, 1),
        ("%%bash\nls", "lowering.non-python-cell", 1, 1),
        ("%%html\n<b/>", "lowering.non-python-cell", 1, 1),
        ("%load helper.py", "lowering.load-replaces-cell", 1, 1),
        ("%store -r model", "lowering.store-restores-names", 1, 1),
        ("x = 1\n%%time", "lowering.cell-magic-not-first", 2, 1),
        ("if x:\n    %debug -b f.py:3 g()", "lowering.debug-breakpoint", 2, 5),
        ("%%timeit -n 5 import math\nmath.sqrt(2)", "lowering.timing-setup-dropped", 1, 1),
        ("print(1)?", "lowering.transform-stopped", 1, 1),
        (">>> x = 1", "lowering.prompt-stripped", 1, 1),
        ("/print 1 2", "lowering.autocall", 1, 1),
        ("if x:\n  pass\n !ls", "lowering.ipython-error", 3, 1),
    ])
    func reported(_ source: String, _ id: String, _ line: Int, _ column: Int) throws {
        let issues = Lowering.lower(source).issues
        let issue = try #require(issues.first { $0.id == id }, "\(issues)")
        #expect(issue.line == line)
        #expect(issue.column == column)
        #expect(issue.message == issue.message.lowercased() || issue.message.contains("%%"))
        #expect(!issue.message.hasSuffix("."))
    }

    @Test("an issue becomes a diagnostic located in its notebook cell")
    func diagnostic() throws {
        let issue = try #require(Lowering.lower("import x\n%run other.py").issues.first)
        let rendered = DiagnosticRenderer(colour: false).render(issue.diagnostic(path: "nb.ipynb", cell: 3))
        #expect(rendered == "nb.ipynb:cell_3:2:1: warning: %run executes another script in this namespace; the names it defines are unknown [lowering.run-defines-unknown-names]")
    }

    @Test("autocall escapes are kept as the call IPython makes")
    func autocall() {
        #expect(Lowering.lower("/print 1 2").python == "print(1, 2)")
        #expect(Lowering.lower(",print a b").python == "print(\"a\", \"b\")")
        #expect(Lowering.lower(";print a b").python == "print(\"a b\")")
    }

    @Test("a lowered cell round-trips through JSON, with a stable kind per fact")
    func codable() throws {
        let lowered = Lowering.lower("%%time\n%matplotlib inline\n!pip install 'a>=1'\nx = !ls\ny = %sx ls\nnp?\nget_ipython().system('ls')\n!ls\n%run z.py")
        let data = try JSONEncoder().encode(lowered)
        #expect(try JSONDecoder().decode(LoweredCell.self, from: data) == lowered)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let kinds = (object["magics"] as? [[String: Any]])?.compactMap { $0["kind"] as? String }
        #expect(kinds == ["cell-magic", "line-magic", "install", "shell-capture", "magic-capture", "help", "ipython-call", "shell", "line-magic"])
    }
}

@Suite("Lowering: limits")
struct LoweringLimitTests {
    @Test("like IPython (TRANSFORM_LOOP_LIMIT), 499 pieces of syntax are lowered and 500 are an error")
    func transformLimit() {
        let small = Lowering.lower((0..<499).map { "!echo \($0)" }.joined(separator: "\n"))
        #expect(small.issues.isEmpty)
        #expect(small.python == Array(repeating: "pass", count: 499).joined(separator: "\n"))
        let large = Lowering.lower((0..<500).map { "!echo \($0)" }.joined(separator: "\n"))
        #expect(large.issues.map(\.id) == ["lowering.ipython-error"])
        #expect(large.magics.count == 500)
    }
}
