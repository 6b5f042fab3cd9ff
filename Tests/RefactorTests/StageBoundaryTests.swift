import Testing
@testable import Refactor

@Suite struct StageBoundaryTests {
    @Test func valuesCrossingStagesBecomeInputsAndOutputs() {
        var nb = AnalysisBuilder()
        nb.code("import pandas as pd\nfrom sklearn.linear_model import LogisticRegression",
                imports: [.init(module: "pandas", alias: "pd"), .init(module: "sklearn.linear_model", name: "LogisticRegression")],
                defines: ["pd", "LogisticRegression"])
        nb.code("df = pd.read_csv('a')\nX = df[['a']]\ny = df.b", defines: ["df", "X", "y"], reads: ["pd", "df"], calls: ["pd.read_csv"])
        nb.code("df.plot()", reads: ["df"], calls: ["df.plot"])
        nb.code("m = LogisticRegression()", defines: ["m"], reads: ["LogisticRegression"], calls: ["LogisticRegression"])
        nb.code("m.fit(X, y)", reads: ["m", "X", "y"], mutates: ["m"], calls: ["m.fit"])
        nb.code("p = m.predict(X)", defines: ["p"], reads: ["m", "X"], calls: ["m.predict"])
        let analysis = nb.analysis()
        let assignments = StageClassifier().classify(analysis)
        let graph = DataflowGraph(analysis.cells)
        let boundaries = StageBoundary.boundaries(graph: graph, assignments: assignments)
        let byName = Dictionary(uniqueKeysWithValues: boundaries.map { ($0.name, $0) })
        // `pd` is an import: every module imports what it uses, so it never crosses.
        #expect(byName[.data]?.outputs == ["X", "y"])
        #expect(byName[.train]?.inputs == ["X", "m", "y"])
        // The fitted model comes from train (the mutation), not from the model cell.
        #expect(byName[.inference]?.inputs == ["X", "m"])
        #expect(graph.edges.contains(.init(name: "m", from: 4, to: 5)))
        // Exploration reads df but is not a pipeline consumer: df is not a data output.
        #expect(byName[.explore]?.inputs == ["df"])
        #expect(byName[.data]?.outputs.contains("df") == false)
        #expect(byName[.model]?.outputs == ["m"])
    }
}
