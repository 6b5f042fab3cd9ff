import Testing
@testable import Refactor

@Suite("PipelineDiagram")
struct PipelineDiagramTests {
    static let cells = [
        "import pandas as pd\nfrom sklearn.linear_model import LinearRegression\ndf = pd.DataFrame({'a': [1, 2, 3], 'b': [2, 4, 6]})\nX = df[['a']]\ny = df['b']",
        "## Train",
        "model = LinearRegression()\nmodel.fit(X, y)",
        "## Predict",
        "preds = model.predict(X)\nprint(preds)",
    ]

    @Test("the stage functions, the values that cross between them and the artifact, as Mermaid and dot")
    func diagram() throws {
        let (plan, _) = ProjectSupport.plan(cells: Self.cells)
        let diagram = PipelineDiagram(plan)
        let names = plan.functions.map(\.name)
        #expect(diagram.nodes.filter { $0.kind == .function }.map(\.id) == names)
        let train = try #require(plan.functions.first { $0.stage == .train })
        for parameter in train.parameters where !parameter.fromArtifact {
            #expect(diagram.edges.contains { $0.from == parameter.providedBy && $0.to == train.name && $0.label.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.contains(parameter.name) })
        }
        let artifact = try #require(plan.artifacts.first)
        #expect(diagram.nodes.contains { $0.kind == .artifact && $0.label == artifact.path })
        #expect(diagram.edges.contains { $0.from == artifact.producedBy && $0.to == "artifact_0" && $0.label == artifact.name })

        let mermaid = diagram.mermaid
        #expect(mermaid.hasPrefix("flowchart LR\n"))
        #expect(mermaid.contains("    \(train.name)[\"train.\(train.name)()\"]\n"))
        #expect(mermaid.contains("    artifact_0[(\"\(artifact.path)\")]\n"))
        #expect(mermaid.contains("    \(artifact.producedBy) -->|\"\(artifact.name)\"| artifact_0\n"))
        let dot = diagram.dot
        #expect(dot.hasPrefix("digraph pipeline {\n    rankdir=LR;\n"))
        #expect(dot.contains("    artifact_0 [label=\"\(artifact.path)\", shape=cylinder];\n"))
        #expect(dot.hasSuffix("}\n"))
    }
}
