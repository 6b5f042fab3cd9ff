import Diagnostics
import PythonSyntax
import Testing
@testable import Refactor

/// The planner's first pass alone: the statement-level def-use graph of small Python sources.
@Suite struct DefUseGraphTests {
    /// The graph of one source, every statement a line of one pipeline stage (imports as imports),
    /// built with the planner's own translation (``StageDataflow/graphStatement(_:)``).
    static func graph(_ source: String) throws -> (DefUseGraph, [String]) {
        let (graph, texts, _) = try parsed(source)
        return (graph, texts)
    }

    /// The graph, each statement's first line, and the statements.
    static func parsed(_ source: String) throws -> (DefUseGraph, [String], [Statement]) {
        let analysis = PythonAnalyzer.analyze(source)
        let module = try #require(analysis.module)
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var statements: [StageDataflow.Statement] = []
        var texts: [String] = []
        for (index, statement) in module.body.enumerated() {
            let facts = analysis.statements[index].facts
            let isImport: Bool
            switch statement.kind {
            case .import, .importFrom: isImport = true
            default: isImport = false
            }
            statements.append(StageDataflow.Statement(
                cell: 0, location: Diagnostics.SourceLocation(path: "t.py", cell: 0, line: statement.range.start.line, column: 1),
                destination: isImport ? .imports : .function(.data), facts: facts,
                reads: Set(facts.reads).union(SyntaxWalk.augmentedNames(in: statement)).sorted(),
                loopBound: SyntaxWalk.loopBoundNames(of: statement)))
            texts.append(lines[statement.range.start.line - 1])
        }
        return (StageDataflow(statements, returnExplorationInputs: false).graph, texts, module.body)
    }

    /// The statement (by its first line) whose definition reaches the use of `name` in `reader`.
    static func source(of name: String, in reader: Int, _ graph: DefUseGraph, _ texts: [String]) -> String? {
        graph.uses(of: reader).first { $0.name == name }?.definition.map { texts[graph.definitions[$0].statement] }
    }

    @Test func anInPlaceChangeIsANewDefinitionOfTheSameObject() throws {
        let (graph, texts) = try Self.graph("""
            import pandas as pd
            df = pd.read_csv("x.csv")
            df.dropna(inplace=True)
            X = df[["a"]]
            """)
        #expect(Self.source(of: "df", in: 3, graph, texts) == "df.dropna(inplace=True)")
        let change = try #require(graph.definitions(madeBy: 2).first)
        #expect(graph.definitions[change].kind == .mutation)
        #expect(graph.history(of: change).map { texts[graph.definitions[$0].statement] } == ["df.dropna(inplace=True)", "df = pd.read_csv(\"x.csv\")"])
        // The change reads the version it changes.
        #expect(Self.source(of: "df", in: 2, graph, texts) == "df = pd.read_csv(\"x.csv\")")
    }

    @Test func aColumnAssignmentChangesTheFrame() throws {
        let (graph, texts) = try Self.graph("""
            import pandas as pd
            df = pd.read_csv("x.csv")
            df["years"] = df["months"] / 12
            y = df["years"]
            """)
        #expect(Self.source(of: "df", in: 3, graph, texts) == "df[\"years\"] = df[\"months\"] / 12")
        #expect(graph.readers(of: try #require(graph.definitions(madeBy: 1).first)) == [2])
    }

    @Test func anAugmentedAssignmentReadsAndRebinds() throws {
        let (graph, texts) = try Self.graph("""
            count = 0
            count += 1
            total = count * 2
            """)
        #expect(Self.source(of: "count", in: 1, graph, texts) == "count = 0")
        #expect(Self.source(of: "count", in: 2, graph, texts) == "count += 1")
    }

    @Test func aStatementReadsTheVersionBeforeIt() throws {
        let (graph, texts) = try Self.graph("""
            x = 1
            x = x + 1
            """)
        #expect(Self.source(of: "x", in: 1, graph, texts) == "x = 1")
        #expect(graph.finalDefinitions["x"].map { graph.definitions[$0].statement } == 1)
    }

    @Test func aGlobalAssignedInAFunctionIsDefinedByItsDef() throws {
        let (graph, texts) = try Self.graph("""
            def reset():
                global counter
                counter = 0
            reset()
            print(counter)
            """)
        #expect(Self.source(of: "counter", in: 2, graph, texts) == "def reset():")
    }

    @Test func aLoopReadsItsOwnTargetAndUpdatesTheAccumulator() throws {
        let (graph, texts) = try Self.graph("""
            i = 100
            total = 0
            for i in range(3):
                total += i
            print(total, i)
            """)
        // `i` inside the loop is the loop's, not the earlier `i = 100`.
        #expect(graph.uses(of: 2).map(\.name).contains("i") == false)
        #expect(Self.source(of: "total", in: 2, graph, texts) == "total = 0")
        #expect(Self.source(of: "total", in: 3, graph, texts) == "for i in range(3):")
        #expect(Self.source(of: "i", in: 3, graph, texts) == "for i in range(3):")
    }

    @Test func aFunctionReadsTheGlobalsItsBodyUses() throws {
        let (graph, texts) = try Self.graph("""
            threshold = 0.5
            def label(p):
                return p > threshold
            labels = [label(p) for p in [0.2, 0.9]]
            """)
        #expect(Self.source(of: "threshold", in: 1, graph, texts) == "threshold = 0.5")
        #expect(Self.source(of: "label", in: 2, graph, texts) == "def label(p):")
    }

    @Test func aCallOnAModuleIsNotADefinition() throws {
        let (graph, texts) = try Self.graph("""
            import numpy as np
            np.random.seed(1)
            e = np.random.normal(size=3)
            """)
        #expect(graph.definitions(madeBy: 1).isEmpty)
        #expect(Self.source(of: "np", in: 2, graph, texts) == "import numpy as np")
        #expect(graph.definitions[try #require(graph.finalDefinitions["np"])].kind == .import)
    }

    @Test func fittingAModelChangesIt() throws {
        let (graph, texts) = try Self.graph("""
            from sklearn.linear_model import LinearRegression
            model = LinearRegression()
            model.fit(X, y)
            preds = model.predict(X)
            """)
        #expect(Self.source(of: "model", in: 3, graph, texts) == "model.fit(X, y)")
        // Names nothing binds reach no definition.
        #expect(graph.uses(of: 2).filter { $0.definition == nil }.map(\.name) == ["X", "y"])
    }

    @Test func reachingDefinitionsAtAnyPoint() {
        let graph = DefUseGraph([
            .init(binds: ["a"]),
            .init(reads: ["a"], mutates: ["a"]),
            .init(binds: ["a"]),
        ])
        #expect(graph.reachingDefinition(of: "a", before: 0) == nil)
        #expect(graph.reachingDefinition(of: "a", before: 1) == 0)
        #expect(graph.reachingDefinition(of: "a", before: 2) == 1)
        #expect(graph.reachingDefinition(of: "a", before: 3) == 2)
        #expect(graph.definitions.map(\.previous) == [nil, 0, 1])
        #expect(graph.history(of: 2) == [2])
        #expect(graph.history(of: 1) == [1, 0])
    }
}
