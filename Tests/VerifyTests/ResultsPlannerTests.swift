import Diagnostics
import Testing
@testable import Verify

@Suite("ResultsPlanner")
struct ResultsPlannerTests {
    private typealias S = VerifySupport

    private static let load = S.cell("import pandas as pd\nfrom sklearn.linear_model import LinearRegression\ndf = pd.read_csv('data.csv')\nX = df[['a']]\ny = df['b']")

    @Test("a line a training cell prints becomes an exact check; its words find the print that wrote it")
    func printedMetric() throws {
        let (results, diagnostics, _) = S.results([
            Self.load,
            S.cell("model = LinearRegression()\nmodel.fit(X, y)\nprint('R2:', model.score(X, y))", prints: "R2: 0.9512\n"),
        ])
        #expect(diagnostics.isEmpty)
        let check = try #require(results.checks.first)
        #expect(results.checks.count == 1)
        #expect(check.cell == 1)
        #expect(check.line.text == "R2: 0.9512")
        #expect(check.unseeded == nil)
        #expect(check.occurrence == 0)
    }

    @Test("an unseeded split is a located warning, and what depends on it is checked by range; a line printed before it stays exact")
    func unseededSplit() throws {
        let (results, diagnostics, _) = S.results([
            Self.load,
            S.cell("from sklearn.model_selection import train_test_split\nprint('rows', len(df))\nX_train, X_test, y_train, y_test = train_test_split(X, y)", prints: "rows 150\n"),
            S.cell("model = LinearRegression()\nmodel.fit(X_train, y_train)\nprint('R2:', model.score(X_test, y_test))", prints: "R2: 0.9512\n"),
        ])
        let warning = try #require(diagnostics.first)
        #expect(diagnostics.count == 1)
        #expect(warning.id == "verify.unseeded-random")
        #expect(warning.severity == .warning)
        #expect(warning.location == SourceLocation(path: "nb.ipynb", cell: 1, line: 3, column: 36))
        #expect(warning.message.contains("train_test_split without random_state"))
        #expect(results.checks.map(\.line.text) == ["rows 150", "R2: 0.9512"])
        #expect(results.checks[0].unseeded == nil)
        #expect(results.checks[1].unseeded?.contains("train_test_split without random_state (cell_1:3:36)") == true)
    }

    @Test("random_state, shuffle=False or np.random.seed run by the pipeline make it repeatable", arguments: [
        "X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)",
        "X_train, X_test, y_train, y_test = train_test_split(X, y, shuffle=False)",
        "np.random.seed(1)\nX_train, X_test, y_train, y_test = train_test_split(X, y)",
    ])
    func seeded(split: String) {
        let (results, diagnostics, _) = S.results([
            Self.load,
            S.cell("import numpy as np\nfrom sklearn.model_selection import train_test_split\n" + split),
            S.cell("model = LinearRegression()\nmodel.fit(X_train, y_train)\nprint('R2:', model.score(X_test, y_test))", prints: "R2: 0.9512\n"),
        ])
        #expect(diagnostics.isEmpty)
        #expect(results.checks.map(\.unseeded) == [nil])
    }

    @Test("a seed the project does not run (an exploration cell) does not count")
    func seedInExploration() {
        let (_, diagnostics, _) = S.results([
            S.cell("import numpy as np\nnp.random.seed(3)\nimport matplotlib.pyplot as plt\nplt.plot([1, 2])\nplt.show()"),
            Self.load,
            S.cell("from sklearn.ensemble import RandomForestRegressor\nmodel = RandomForestRegressor()\nmodel.fit(X, y)\nprint('R2:', model.score(X, y))", prints: "R2: 0.98\n"),
        ])
        #expect(diagnostics.map(\.message).contains { $0.hasPrefix("RandomForestRegressor without random_state") })
    }

    @Test("a torch model class is random where it is instantiated, so a seed before the instance counts")
    func latentDraws() {
        let define = S.cell("import torch\nfrom torch import nn\nclass Net(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.layer = nn.Linear(1, 1)")
        let (_, unseeded, _) = S.results([define, S.cell("model = Net()\nprint(model)")])
        #expect(unseeded.count == 1)
        let (_, seeded, _) = S.results([define, S.cell("torch.manual_seed(42)\nmodel = Net()\nprint(model)")])
        #expect(seeded.isEmpty)
    }

    @Test("outputs that are not checks are counted with their reason")
    func reasons() {
        let (results, _, _) = S.results([
            Self.load,
            S.cell("df.describe()", shows: "count 150.0"),
            S.cell("model = LinearRegression()\nmodel.fit(X, y)\nprint('R2:', model.score(X, y))\nmodel.predict(X[:1])", prints: "R2: 0.95\nEpoch 1/3 [=====] 2ms/step\n", shows: "array([0.95])"),
            S.cell("print('coef', model.coef_)", prints: "coef [0.5]\n", raises: true),
        ])
        #expect(results.checks.map(\.line.text) == ["R2: 0.95"])
        let reasons = results.unchecked.map(\.reason)
        #expect(reasons.contains(.exploration))
        #expect(reasons.contains(.notPrintedByCode))
        #expect(reasons.contains(.displayedValue))
        #expect(reasons.contains(.cellRaised) || reasons.contains(.exploration))
    }

    @Test("a score an evaluation cell displays is kept in metrics and checked against metrics.json")
    func displayedScore() throws {
        let (results, _, project) = S.results([
            Self.load,
            S.cell("## Train"),
            S.cell("model = LinearRegression()\nmodel.fit(X, y)"),
            S.cell("## Evaluate"),
            S.cell("model.score(X, y)", shows: "0.9512"),
        ])
        let metric = try #require(project.metrics.first)
        #expect(metric.key == "model_score")
        #expect(metric.cell == 4)
        let function = try #require(project.functions.first { $0.name == metric.function })
        #expect(function.body.contains("    metrics[\"model_score\"] = model.score(X, y)\n"))
        #expect(function.returns.last == "metrics")
        #expect(project.trainMain.lines.contains { $0.hasSuffix("write_text(json.dumps(metrics, indent=2, default=str) + \"\\n\")") })
        let check = try #require(results.checks.first)
        #expect(check.metric == "model_score")
        #expect(check.line.text == "0.9512")
    }

    @Test("a cell run after a later cell is out of order: its output is not checked")
    func outOfOrder() {
        let (results, _, _) = S.results([
            Self.load,
            S.cell("model = LinearRegression()\nmodel.fit(X, y)\nprint('R2:', model.score(X, y))", prints: "R2: 0.95\n", count: 9),
            S.cell("print('n', len(X))", prints: "n 150\n", count: 3),
        ])
        #expect(results.unchecked.contains { $0.reason == .outOfOrder && $0.cell == 1 })
        #expect(!results.checks.contains { $0.cell == 1 })
    }

    @Test("lines with one skeleton printed in a loop are numbered in order")
    func occurrences() {
        let (results, _, _) = S.results([
            Self.load,
            S.cell("model = LinearRegression()\nfor k in [1, 2]:\n    model.fit(X[:k * 10], y[:k * 10])\n    print(f'k={k} R2: {model.score(X, y):.3f}')",
                   prints: "k=1 R2: 0.901\nk=2 R2: 0.950\n"),
        ])
        #expect(results.checks.map(\.occurrence) == [0, 1])
        #expect(results.checks.map(\.line.skeleton) == ["k={} R2: {}", "k={} R2: {}"])
    }

    @Test("a notebook saved without outputs says so")
    func noOutputs() {
        #expect(S.results([Self.load, S.cell("print(1)")]).0.hasOutputs == false)
        #expect(S.results([Self.load, S.cell("print(1)", prints: "1\n")]).0.hasOutputs == true)
    }
}
