import PythonSyntax
import Testing
@testable import Refactor

@Suite struct StageClassifierTests {
    private let sklearnImports: [ImportFact] = [
        ImportFact(module: "pandas", alias: "pd"),
        ImportFact(module: "sklearn.linear_model", name: "LogisticRegression"),
        ImportFact(module: "sklearn.metrics", name: "accuracy_score"),
        ImportFact(module: "matplotlib.pyplot", alias: "plt"),
    ]

    /// A notebook with no headings and no tags: the code alone decides.
    @Test func codeDecidesWithoutHeadingsOrTags() {
        var nb = AnalysisBuilder()
        nb.code("import pandas as pd\nfrom sklearn.linear_model import LogisticRegression\nfrom sklearn.metrics import accuracy_score\nimport matplotlib.pyplot as plt",
                imports: sklearnImports, defines: ["pd", "LogisticRegression", "accuracy_score", "plt"])
        nb.code("SEED = 42", defines: ["SEED"])
        nb.code("df = pd.read_csv('x.csv')", defines: ["df"], reads: ["pd"], calls: ["pd.read_csv"])
        nb.code("plt.hist(df['a'])", reads: ["plt", "df"], calls: ["plt.hist"])
        nb.code("X = df[['a']]\ny = df['b']", defines: ["X", "y"], reads: ["df"])
        nb.code("model = LogisticRegression(random_state=SEED)", defines: ["model"], reads: ["LogisticRegression", "SEED"], calls: ["LogisticRegression"])
        nb.code("model.fit(X, y)", reads: ["model", "X", "y"], mutates: ["model"], calls: ["model.fit"])
        nb.code("print(accuracy_score(y, model.predict(X)))", reads: ["accuracy_score", "model", "X", "y"], calls: ["accuracy_score", "model.predict", "print"])
        nb.code("model.predict([[1.0]])", reads: ["model"], calls: ["model.predict"])
        #expect(nb.stages() == [.setup, .setup, .data, .explore, .data, .model, .train, .evaluate, .inference])
    }

    @Test func reasonsNameTheEvidence() {
        var nb = AnalysisBuilder()
        nb.code("df = pd.read_csv('x.csv')", defines: ["df"], reads: ["pd"], calls: ["pd.read_csv"])
        nb.code("X = df[['a']]", defines: ["X"], reads: ["df"])
        nb.code("m.fit(X)", reads: ["m", "X"], mutates: ["m"], calls: ["m.fit"])
        let assignments = StageClassifier().classify(nb.analysis())
        #expect(assignments[0].reason == "loads data: pd.read_csv")
        #expect(assignments[0].evidence == .code)
        #expect(assignments[1].evidence == .dataflow)
        #expect(assignments[1].reason == "its values (X) feed the train stage")
        #expect(assignments[2].reason.hasPrefix("fits a model: m.fit"))
    }

    @Test func tagsOutrankEverything() {
        var nb = AnalysisBuilder()
        nb.markdown("## Evaluation")
        nb.code("plt.plot(x)", tags: ["nbship:train"], reads: ["plt", "x"], calls: ["plt.plot"])
        nb.code("a = 1", tags: ["parameters"], defines: ["a"])
        nb.code("df = load()", tags: ["block:load_data"], defines: ["df"], calls: ["load"])
        nb.code("df.plot()", tags: ["skip"], reads: ["df"], calls: ["df.plot"])
        let assignments = StageClassifier().classify(nb.analysis())
        #expect(assignments.map(\.stage) == [.train, .train, .setup, .data, .explore])
        #expect(assignments[1].evidence == .tag)
        #expect(assignments[3].reason.contains("Kale"))
    }

    @Test func headingsOutrankCodeHeuristics() {
        var nb = AnalysisBuilder()
        nb.markdown("# Churn prediction\n\nA notebook.")
        nb.code("x = compute()", defines: ["x"], calls: ["compute"])
        nb.markdown("## Evaluate the model")
        nb.code("r = m.predict(x)", defines: ["r"], reads: ["m", "x"], calls: ["m.predict"])
        let assignments = StageClassifier().classify(nb.analysis())
        // The title names the topic ("prediction"), not a stage, so cell 1 is not inference.
        #expect(assignments[1].stage != .inference)
        #expect(assignments[3].stage == .evaluate)
        #expect(assignments[3].evidence == .heading)
        #expect(assignments[3].reason == "under heading 'Evaluate the model' ('evaluate')")
        // Markdown cells document what follows.
        #expect(assignments[2].stage == .evaluate)
    }

    @Test func plotsAndImportsStayWhatTheyAreUnderAnyHeading() {
        var nb = AnalysisBuilder()
        nb.markdown("## Data loading")
        nb.code("import numpy as np", imports: [ImportFact(module: "numpy", alias: "np")], defines: ["np"])
        nb.code("plt.plot(df.a)", reads: ["plt", "df"], calls: ["plt.plot"])
        #expect(nb.stages() == [.setup, .setup, .explore])
    }

    @Test func definitionOnlyCellsAreModelCodeAndComputationIsNeverSetup() {
        var nb = AnalysisBuilder()
        nb.code("import numpy as np", imports: [ImportFact(module: "numpy", alias: "np")], defines: ["np"])
        nb.code("K = 3\n\nclass Scaler:\n    def __call__(self, xs):\n        return [x * K for x in xs]",
                defines: ["K", "Scaler"], reads: ["K"])
        nb.code("s = Scaler()\nys = s([1, 2])", defines: ["s", "ys"], reads: ["Scaler", "s"], calls: ["Scaler", "s"])
        let assignments = StageClassifier().classify(nb.analysis())
        // Using the class right after defining it follows its neighbour.
        #expect(assignments.map(\.stage) == [.setup, .model, .model])
        #expect(assignments[1].reason == "defines functions and classes: Scaler")
        #expect(assignments[2].evidence == .position)

        var after = AnalysisBuilder()
        after.code("SEED = 1", defines: ["SEED"])
        after.code("ys = compute(SEED)", defines: ["ys"], reads: ["compute", "SEED"], calls: ["compute"])
        let next = StageClassifier().classify(after.analysis())
        #expect(next.map(\.stage) == [.setup, .data])
        #expect(next[1].reason == "no evidence of its own: computes values, and setup holds only imports and constants")
    }

    @Test func anExplorationHeadingDoesNotPushPipelineCodeOut() {
        var nb = AnalysisBuilder()
        nb.markdown("## Training and Visualizing a Decision Tree")
        nb.code("tree_clf.fit(X, y)", reads: ["tree_clf", "X", "y"], mutates: ["tree_clf"], calls: ["tree_clf.fit"])
        nb.code("plt.plot(X)", reads: ["plt", "X"], calls: ["plt.plot"])
        let assignments = StageClassifier().classify(nb.analysis())
        #expect(assignments[1].stage == .train)
        #expect(assignments[1].evidence == .code)
        #expect(assignments[2].stage == .explore)
    }

    /// A plotting cell that also changes data later stages use must not be lost to exploration.
    @Test func plottingCellThatFeedsThePipelineIsData() {
        var nb = AnalysisBuilder()
        nb.code("df = pd.read_csv('a')", defines: ["df"], reads: ["pd"], calls: ["pd.read_csv"])
        nb.code("df.hist()\ndf = df[df.a > 0]", defines: ["df"], reads: ["df"], calls: ["df.hist"])
        nb.code("m.fit(df)", reads: ["m", "df"], mutates: ["m"], calls: ["m.fit"])
        let assignments = StageClassifier().classify(nb.analysis())
        #expect(assignments[1].stage == .data)
        #expect(assignments[1].evidence == .dataflow)
        #expect(assignments[1].reason.contains("df"))
    }

    /// statsmodels' ols notebook seeds numpy in its imports cell; as a bare call it looked like
    /// a display, and the pipeline lost the seed (and the notebook's numbers).
    @Test func seedingIsSetupNotADisplay() {
        var nb = AnalysisBuilder()
        nb.code("import numpy as np\nnp.random.seed(9876789)", imports: [ImportFact(module: "numpy", alias: "np")], defines: ["np"],
                reads: ["np"], calls: ["np.random.seed"])
        nb.code("e = np.random.normal(size=10)", defines: ["e"], reads: ["np"], calls: ["np.random.normal"])
        let assignments = StageClassifier().classify(nb.analysis())
        #expect(assignments[0].stage == .setup)
        #expect(assignments[0].reason == "seeds random numbers: np.random.seed")
    }

    /// statsmodels' glm notebook computes `y` and `yhat` under "Plots" and fits on them next:
    /// an exploration heading may not drop values the pipeline reads.
    @Test func cellUnderAnExplorationHeadingThatFeedsThePipelineIsData() {
        var nb = AnalysisBuilder()
        nb.code("res = m.fit()", defines: ["res"], reads: ["m"], calls: ["m.fit"])
        nb.markdown("### Plots")
        nb.code("y = data.endog\nyhat = res.mu", defines: ["y", "yhat"], reads: ["data", "res"])
        nb.code("line_fit = sm.OLS(y, yhat).fit()", defines: ["line_fit"], reads: ["sm", "y", "yhat"], calls: ["sm.OLS", "sm.OLS.fit"])
        nb.code("ax.hist(yhat)", reads: ["ax", "yhat"], calls: ["ax.hist"])
        let assignments = StageClassifier().classify(nb.analysis())
        #expect(assignments[2].stage == .data)
        #expect(assignments[2].evidence == .dataflow)
        #expect(assignments[2].reason.contains("y, yhat"))
        #expect(assignments[4].stage == .explore)
    }

    @Test func modelClassesAndStatsmodelsFormulasAreModels() {
        var nb = AnalysisBuilder()
        nb.code("import torch.nn as nn\nimport statsmodels.formula.api as smf",
                imports: [ImportFact(module: "torch.nn", alias: "nn"), ImportFact(module: "statsmodels.formula.api", alias: "smf")],
                defines: ["nn", "smf"])
        nb.code("class Net(nn.Module):\n    pass", defines: ["Net"], reads: ["nn"])
        nb.code("spec = smf.ols('y ~ x', data=df)", defines: ["spec"], reads: ["smf", "df"], calls: ["smf.ols"])
        nb.code("res = spec.fit()", defines: ["res"], reads: ["spec"], calls: ["spec.fit"])
        nb.code("res.summary()", reads: ["res"], calls: ["res.summary"])
        #expect(nb.stages() == [.setup, .model, .model, .train, .evaluate])
    }

    @Test func cellsWithoutEvidenceFollowTheirNeighbour() {
        var nb = AnalysisBuilder()
        nb.code("df = pd.read_csv('a')", defines: ["df"], reads: ["pd"], calls: ["pd.read_csv"])
        nb.code("n = len(df)", defines: ["n"], reads: ["df", "len"], calls: ["len"])
        let assignments = StageClassifier().classify(nb.analysis())
        #expect(assignments[1].stage == .data)
        #expect(assignments[1].evidence == .position)
        #expect(assignments[1].reason == "no evidence of its own: follows cell 0")
    }
}
