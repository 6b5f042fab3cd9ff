import Foundation
import Notebook
import Testing
@testable import Refactor

/// ``ProjectPlan/modelInput``: the variable the saved model is fitted on, the function that
/// returns it, and how to compute it from scratch; and the inference module's API around it
/// (`load_model`, the generic `predict`, the notebook's `predict_sample`).
@Suite struct ProjectModelInputTests {
    static let sklearn = "import pandas as pd\nfrom sklearn.linear_model import LogisticRegression\nfrom sklearn.model_selection import train_test_split"

    @Test func theFitsFirstArgumentFromTheDataStage() throws {
        let (plan, _) = ProjectSupport.plan(cells: [
            Self.sklearn,
            "## Load", "df = pd.read_csv('x.csv')\nX = df[['a']]\ny = df['b']\nX_train, X_test, y_train, y_test = train_test_split(X, y)",
            "## Train", "model = LogisticRegression()\nmodel.fit(X_train, y_train)",
        ])
        let input = try #require(plan.modelInput)
        #expect(input.name == "X_train")
        #expect(input.providedBy == "load_data")
        #expect(plan.functions.first { $0.name == "load_data" }?.returns.contains("X_train") == true)
        #expect(input.run == PipelineRun(imports: ["from .data import load_data"], lines: ["X_train, y_train = load_data()"]))
        // Without inference code, inference's main predicts on the first rows of that input.
        #expect(plan.inferenceMain == PipelineRun(
            imports: ["from .config import ARTIFACTS_DIR", "from .data import load_data"],
            lines: ["X_train, y_train = load_data()", "model = load_model(ARTIFACTS_DIR / \"model.joblib\")",
                    "print(predict(model, X_train[:5]))"]))
    }

    @Test func anInputBoundInTheFittingFunctionIsReturnedByIt() throws {
        let (plan, _) = ProjectSupport.plan(cells: [
            Self.sklearn,
            "## Load", "df = pd.read_csv('x.csv')",
            "## Train", "features = df[['a', 'b']]\nclf = LogisticRegression().fit(features, df['c'])",
        ])
        let input = try #require(plan.modelInput)
        #expect(input.name == "features")
        #expect(input.providedBy == "train")
        #expect(plan.artifacts.map(\.name) == ["clf"])
        #expect(plan.functions.first { $0.name == "train" }?.returns == ["clf", "features"])
        #expect(input.run.lines == ["df = load_data()", "clf, features = train(df)"])
    }

    @Test(arguments: [
        ("res = sm.OLS(y, X).fit()", "X"),
        ("mod = sm.GLM(y, X, family=sm.families.Poisson())\nres = mod.fit()", "X"),
        ("res = smf.ols('b ~ a', data=df).fit()", "df"),
        ("res = smf.ols(formula='b ~ a', data=df).fit(disp=0)", "df"),
    ])
    func statsmodelsFitsTakeTheExogenousData(fit: String, expected: String) throws {
        let (plan, _) = ProjectSupport.plan(cells: [
            "import pandas as pd\nimport statsmodels.api as sm\nimport statsmodels.formula.api as smf",
            "## Load", "df = pd.read_csv('x.csv')\ny = df['b']\nX = sm.add_constant(df[['a']])",
            "## Fit", fit,
        ])
        #expect(plan.artifacts.first?.name == "res")
        #expect(plan.modelInput?.name == expected)
        #expect(plan.modelInput?.providedBy == "load_data")
        // statsmodels models are pickled: see `formulaFunctionsAreNamesOfTheInferenceModule`.
        #expect(plan.artifacts.first?.format == .pickle)
    }

    @Test func theDiscardedFitResultIsNotAnArtifact() throws {
        let (plan, _) = ProjectSupport.plan(cells: [
            Self.sklearn,
            "## Load", "df = pd.read_csv('x.csv')\nX = df[['a']]\ny = df['b']",
            "## Train", "model = LogisticRegression()\n_ = model.fit(X, y)",
        ])
        #expect(plan.artifacts.map(\.name) == ["model"])
        #expect(plan.modelInput?.name == "X")
    }

    @Test func theArtifactWithAKnownInputComesFirst() throws {
        let (plan, _) = ProjectSupport.plan(cells: [
            Self.sklearn + "\nfrom sklearn.preprocessing import StandardScaler",
            "## Load", "df = pd.read_csv('x.csv')\nX = df[['a']]\ny = df['b']",
            "## Train", "scaler = StandardScaler()\nscaler.fit(df[['a']])\nreg = LogisticRegression()\nreg.fit(X, y)",
        ])
        #expect(plan.artifacts.map(\.name) == ["reg", "scaler"])
        #expect(plan.modelInput?.name == "X")
    }

    static let crossValidation = [
        "import pandas as pd\nfrom sklearn.linear_model import LogisticRegression\nfrom sklearn.model_selection import cross_validate",
        "## Load", "df = pd.read_csv('x.csv')\ndata = df[['a']]\ntarget = df['b']",
        "## Model", "model = LogisticRegression()",
        "## Evaluate", "cv_results = cross_validate(model, data, target, cv=5)\nprint(cv_results['test_score'].mean())",
    ]

    /// A notebook that only cross-validates its model ships it fitted on the same data.
    @Test func aModelTheNotebookOnlyCrossValidatesIsFittedAndShipped() throws {
        let (plan, diagnostics) = ProjectSupport.plan(cells: Self.crossValidation)
        #expect(plan.artifacts.map(\.name) == ["model"])
        #expect(plan.artifacts.first?.producedBy == "build_model")
        #expect(plan.modelInput?.name == "data")
        #expect(plan.modelInput?.providedBy == "load_data")
        #expect(plan.trainMain.lines == [
            "data, target = load_data()", "model = build_model()", "evaluate(data, model, target)", "model.fit(data, target)",
            "ARTIFACTS_DIR.mkdir(parents=True, exist_ok=True)", "joblib.dump(model, ARTIFACTS_DIR / \"model.joblib\")",
        ])
        #expect(plan.inferenceMain.lines.last == "print(predict(model, data[:5]))")
        let note = try #require(diagnostics.first { $0.id == "project.cross-validated-model-fitted" })
        #expect(note.severity == .note)
        #expect(note.location?.cell == 6)
    }

    /// The estimator changes after it is cross-validated: which one to ship is not clear.
    @Test func aModelChangedAfterCrossValidationIsNotShipped() throws {
        let (plan, diagnostics) = ProjectSupport.plan(cells: Self.crossValidation + ["## Model", "model = LogisticRegression(C=2.0)"])
        #expect(plan.artifacts.isEmpty)
        #expect(plan.modelInput == nil)
        #expect(!diagnostics.contains { $0.id == "project.cross-validated-model-fitted" })
    }

    @Test func noInputWhenTheFitIsFedAnExpression() throws {
        let (plan, _) = ProjectSupport.plan(cells: [
            Self.sklearn,
            "## Load", "df = pd.read_csv('x.csv')",
            "## Train", "model = LogisticRegression()\nmodel.fit(df[['a']], df['b'])",
        ])
        #expect(plan.artifacts.map(\.name) == ["model"])
        #expect(plan.modelInput == nil)
        #expect(plan.inferenceMain.lines == ["model = load_model(ARTIFACTS_DIR / \"model.joblib\")"])
    }

    @Test func inferenceCodeIsPredictSampleBesideAGenericPredict() throws {
        let (plan, _) = ProjectSupport.plan(cells: [
            Self.sklearn,
            "## Load", "df = pd.read_csv('x.csv')\nX = df[['a']]\ny = df['b']",
            "## Train", "model = LogisticRegression()\nmodel.fit(X, y)",
            "## Predict", "new = pd.DataFrame({'a': [1.0]})\nprint(model.predict(new))",
        ])
        #expect(plan.functions.map(\.name) == ["load_data", "train", "predict_sample"])
        let inference = try #require(plan.moduleText(named: "inference"))
        let names = inference.blocks.compactMap { $0.firstMatch(of: #/^def (\w+)\(/#).map { String($0.output.1) } }
        // prepare_features: `X = df[['a']]` applied to raw records of x.csv.
        #expect(names == ["load_model", "predict", "prepare_features", "predict_sample", "main"])
        #expect(inference.blocks.contains("def predict(model, X):\n    \"\"\"Predict with a trained model.\"\"\"\n    return model.predict(X)"))
        // The cell ends by printing its prediction: that print is the output, nothing is returned.
        let sample = try #require(plan.functions.last)
        #expect(sample.returnStatement == nil)
        #expect(plan.inferenceMain.lines.suffix(1) == ["predict_sample(model)"])
    }

    @Test func predictSampleReturnsTheLastPredictionItAssigns() throws {
        let (plan, _) = ProjectSupport.plan(cells: [
            Self.sklearn,
            "## Load", "df = pd.read_csv('x.csv')\nX = df[['a']]\ny = df['b']",
            "## Train", "model = LogisticRegression()\nmodel.fit(X, y)",
            "## Predict", "new = pd.DataFrame({'a': [1.0]})\npreds = model.predict(new)\nlabels = ['yes' if p else 'no' for p in preds]\nprint(labels)",
        ])
        #expect(plan.functions.last?.returnStatement == "    return preds")
        #expect(plan.inferenceMain.lines.suffix(2) == ["result = predict_sample(model)", "print(result)"])
    }

    @Test func noGenericPredictWithoutAModelOrWhenTheNotebookDefinesOne() throws {
        let (plain, _) = ProjectSupport.plan(cells: ["import pandas as pd", "## Load", "df = pd.read_csv('x.csv')\nprint(len(df))"])
        #expect(plain.artifacts.isEmpty)
        #expect(plain.moduleText(named: "inference")?.blocks == [])
        let (own, _) = ProjectSupport.plan(cells: [
            Self.sklearn,
            "## Load", "df = pd.read_csv('x.csv')\nX = df[['a']]\ny = df['b']",
            "## Train", "model = LogisticRegression()\nmodel.fit(X, y)",
            "## Predict", "def predict(m, rows):\n    return m.predict(rows)",
            "print(predict(model, X))",
        ])
        let blocks = try #require(own.moduleText(named: "inference")?.blocks)
        #expect(blocks.filter { $0.hasPrefix("def predict(") }.count == 1)
        #expect(blocks.contains { $0.hasPrefix("def predict(m, rows):") })
    }

    /// statsmodels re-evaluates a formula when its model is unpickled, looking the functions it
    /// calls up in the loading frame's namespace: inference imports them and loads with pickle.
    @Test func formulaFunctionsAreNamesOfTheInferenceModule() throws {
        let (plan, _) = ProjectSupport.plan(cells: [
            "import pandas as pd\nimport statsmodels.formula.api as smf",
            "## Load", "df = pd.read_csv('x.csv')",
            "def double_it(x):\n    return 2 * x",
            "## Fit", "res = smf.ols('b ~ double_it(a)', data=df).fit()",
        ])
        #expect(plan.artifacts.map(\.format) == [.pickle])
        let inference = try #require(plan.moduleText(named: "inference"))
        let home = try #require(plan.modules.first { $0.definitions.contains { $0.name == "double_it" } }?.name)
        #expect(inference.imports.contains("from .\(home) import double_it"))
        #expect(inference.blocks.contains { $0.hasSuffix("FORMULA_FUNCTIONS = {\"double_it\": double_it}") })
        #expect(inference.blocks.contains("def load_model(path):\n    with open(path, \"rb\") as handle:\n        return pickle.load(handle)"))
    }

    /// The whole path in Python: train saves the formula model, inference loads it (the formula
    /// calls a notebook function) and predicts on the first rows of the fitted data frame.
    @Test(.enabled(if: ProjectSupport.pythonCanImport("pandas, statsmodels")))
    func formulaModelLoadsAndPredicts() throws {
        let (plan, _) = ProjectSupport.plan(cells: [
            "import numpy as np\nimport pandas as pd\nimport statsmodels.formula.api as smf",
            "## Load", "df = pd.DataFrame({'a': np.arange(20.0), 'b': np.arange(20.0) * 3 + 1})",
            "def double_it(x):\n    return 2 * x",
            "## Fit", "res = smf.ols('b ~ double_it(a)', data=df).fit()",
        ])
        let root = try ProjectPythonTests.temporaryDirectory()
        let elsewhere = try ProjectPythonTests.temporaryDirectory()
        defer { for url in [root, elsewhere] { try? FileManager.default.removeItem(at: url) } }
        try ProjectPythonTests.writeProject(plan, notebookDirectory: root.path, to: root)
        let environment = ["PYTHONPATH": root.appendingPathComponent("src").path]
        let train = try ProjectSupport.runPython(["-m", "\(plan.packageName).train"], directory: elsewhere.path, environment: environment)
        try #require(train.status == 0, "\(train.stderr)")
        let inference = try ProjectSupport.runPython(["-m", "\(plan.packageName).inference"], directory: elsewhere.path, environment: environment)
        try #require(inference.status == 0, "\(inference.stderr)")
        let values = ProjectEdgeCaseBehaviourTests.numbers(in: inference.stdout).compactMap(Double.init)
        for expected in [1.0, 4.0, 7.0, 10.0, 13.0] {
            #expect(values.contains { abs($0 - expected) < 1e-6 }, "\(inference.stdout)")
        }
        #expect(!values.contains { abs($0 - 16.0) < 1e-6 }, "only the first five rows: \(inference.stdout)")
    }

    @Test func churnFixtureInput() throws {
        let (plan, _) = try ProjectSupport.plan(file: "fixtures/demo/churn.ipynb")
        let input = try #require(plan.modelInput)
        #expect(input.name == "X_train")
        #expect(input.providedBy == "load_data")
        #expect(input.run.imports == ["from .data import load_data"])
        #expect(input.run.lines.count == 1 && input.run.lines[0].hasSuffix("= load_data()") && input.run.lines[0].contains("X_train"))
    }

    /// The corpus notebooks whose saved model has an input the planner can name, pinned (30 of
    /// 56; cross_validation_grouping and video_pipeline only cross-validate theirs). The others
    /// have no model the planner can name the input of: five edge cases fit nothing, soorgeon's
    /// exploratory notebook only plots, the neural-network notebooks train in loops or through
    /// `lib.train(params, data)`, and the tensor tutorials fit nothing.
    @Test func corpusModelInputs() throws {
        var found: [String: String] = [:]
        for notebook in ProjectCorpusRunTests.notebooks {
            let (plan, _) = try ProjectSupport.plan(file: notebook)
            if let input = plan.modelInput {
                found[URL(fileURLWithPath: notebook).deletingPathExtension().lastPathComponent] = input.name
                #expect(plan.functions.first { $0.name == input.providedBy }?.returns.contains(input.name) == true, "\(notebook)")
            }
        }
        #expect(found == Self.corpusInputs, "\(found.count) of \(ProjectCorpusRunTests.notebooks.count) notebooks have a model input")
    }

    static let corpusInputs: [String: String] = [
        "02_numerical_pipeline_introduction": "data",
        "06_decision_trees": "X",
        "11_random_forest": "X_train",
        "12_k_fold": "X_train",
        // The served model is the pipeline the notebook predicts with last (on raw text), not
        // the first model fitted on a CountVectorizer's counts.
        "14_naive_bayes_2_email_spam_filter": "X_train",
        "8_logistic_regression_multiclass": "X_train",
        "9_decision_tree_exercise": "X_train",
        "Clustering": "points",
        "Digit Classification": "x_train",
        "Explaining a simple OR function": "X",
        "Nearest Neighbors": "x_train",
        "PCA_heart_disease_prediction_exercise_solution": "X_train_pca",
        "Simple Linear Regression": "x",
        "cross_validation_grouping": "data",
        "discrete_choice_overview": "anes_exog",
        "end-to-end-heart-disease-classification": "X_train",
        "ensemble_adaboost": "data",
        "ensemble_bagging": "data_train",
        "glm": "X",
        "glm_formula": "dta",
        "linear_regression_in_sklearn": "data",
        "logistic_regression": "data_train",
        "messy_teaching": "X",
        "messy_teaching_headings": "X_train",
        "metrics_regression": "data_train",
        "ols": "X",
        "one_hot_encoding": "X",
        "supervised_word_embeddings": "X",
        "trees_classification": "data_train",
        "video_pipeline": "data",
    ]
}
