import Diagnostics
import Testing
@testable import Refactor

@Suite struct HiddenStateCheckTests {
    @Test func executionCountsGoingDownAreReported() {
        var nb = AnalysisBuilder()
        nb.code("a = 1", executionCount: 5, defines: ["a"])
        nb.code("b = a", executionCount: 2, defines: ["b"], reads: ["a"])
        nb.code("c = b", executionCount: nil, defines: ["c"], reads: ["b"])
        nb.code("d = c", executionCount: 7, defines: ["d"], reads: ["c"])
        let found = HiddenStateCheck().check(nb.analysis()).filter { $0.id == "notebook.execution-order" }
        #expect(found.count == 1)
        #expect(found.first?.location == SourceLocation(path: "nb.ipynb", cell: 1, line: 1, column: 1))
        #expect(found.first?.message.contains("execution count 2 after 5 in cell 0") == true)
    }

    @Test func readBeforeTheCellThatDefinesItIsPointedAt() {
        var nb = AnalysisBuilder()
        nb.code("x = 1\ny = model.predict(x)", defines: ["x", "y"], reads: ["model", "x"], calls: ["model.predict"])
        nb.code("model = make()", defines: ["model"], reads: ["make"], calls: ["make"])
        let found = HiddenStateCheck().check(nb.analysis())
        let used = try? #require(found.first { $0.id == "notebook.used-before-defined" })
        #expect(used?.location == SourceLocation(path: "nb.ipynb", cell: 0, line: 2, column: 5))
        #expect(used?.message == "'model' is read here but first defined in cell 1, further down: this works only when cells run out of order")
        // `make` is defined nowhere: hidden state too.
        #expect(found.contains { $0.id == "notebook.undefined-name" && $0.message.hasPrefix("'make'") })
    }

    @Test func builtinsIPythonNamesAndOwnDefinitionsAreNotHiddenState() {
        var nb = AnalysisBuilder()
        nb.code("display(len([1]))\nz = 3\nprint(z)", defines: ["z"], reads: ["display", "z"], calls: ["display", "len", "print"])
        #expect(HiddenStateCheck().check(nb.analysis()).isEmpty)
    }

    @Test func namesAfterAStarImportAreOnlyANote() {
        var nb = AnalysisBuilder()
        nb.code("from helpers import *", imports: [.init(module: "helpers", name: "*")])
        nb.code("clean(df)", reads: ["clean", "df"], calls: ["clean"])
        let found = HiddenStateCheck().check(nb.analysis())
        #expect(found.count == 2)
        #expect(found.allSatisfy { $0.severity == .note && $0.message.contains("star import in cell 0") })
    }

    @Test func locatorSkipsStringsCommentsAndAttributes() {
        let source = "s = 'model'  # model\nt = obj.model\n\"\"\"model\n\"\"\"\nu = model"
        let spot = IdentifierLocator.firstOccurrence(of: "model", in: source)
        #expect(spot?.line == 5)
        #expect(spot?.column == 5)
    }
}
