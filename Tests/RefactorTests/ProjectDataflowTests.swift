import Testing
@testable import Refactor

/// Which names become a stage function's parameters and return values.
@Suite struct ProjectDataflowTests {
    struct Case: Sendable, CustomStringConvertible {
        var description: String
        var cells: [String]
        var function: String
        var parameters: [String]
        var returns: [String]
    }

    static let cases: [Case] = [
        Case(description: "values crossing into train are parameters of train and returns of load_data",
             cells: ["import pandas as pd\nfrom sklearn.linear_model import LinearRegression",
                     "## Load", "df = pd.read_csv('x.csv')\nX = df[['a']]\ny = df['b']\nunused = 3",
                     "## Train", "model = LinearRegression()\nmodel.fit(X, y)"],
             function: "load_data", parameters: [], returns: ["X", "y"]),
        Case(description: "train takes only what it reads, sorted",
             cells: ["import pandas as pd\nfrom sklearn.linear_model import LinearRegression",
                     "## Load", "df = pd.read_csv('x.csv')\nX = df[['a']]\ny = df['b']",
                     "## Train", "model = LinearRegression()\nmodel.fit(X, y)"],
             // Train always returns what it fits, so main() can save it.
             function: "train", parameters: ["X", "y"], returns: ["model"]),
        Case(description: "an in-place change makes the changing stage the provider",
             cells: ["import pandas as pd\nfrom sklearn.linear_model import LinearRegression",
                     "## Load", "df = pd.read_csv('x.csv')",
                     "## Train", "df.dropna(inplace=True)\nmodel = LinearRegression()\nmodel.fit(df[['a']], df['b'])",
                     "## Predict", "out = model.predict(df[['a']])"],
             function: "train", parameters: ["df"], returns: ["df", "model"]),
        Case(description: "inference reads the changed df from train, not from load_data",
             cells: ["import pandas as pd\nfrom sklearn.linear_model import LinearRegression",
                     "## Load", "df = pd.read_csv('x.csv')",
                     "## Train", "df.dropna(inplace=True)\nmodel = LinearRegression()\nmodel.fit(df[['a']], df['b'])",
                     "## Predict", "out = model.predict(df[['a']])"],
             function: "predict_sample", parameters: ["df", "model"], returns: []),
        Case(description: "an augmented assignment reads the name it updates",
             cells: ["import pandas as pd\nfrom sklearn.linear_model import LinearRegression",
                     "## Load", "df = pd.read_csv('x.csv')\ncount = len(df)",
                     "## Train", "count += 1\nmodel = LinearRegression()\nmodel.fit(df[['a']], df['b'])",
                     "## Predict", "out = model.predict(df[['a']]) * count"],
             function: "train", parameters: ["count", "df"], returns: ["count", "model"]),
        Case(description: "config constants are imported, not passed",
             cells: ["import pandas as pd\nfrom sklearn.model_selection import train_test_split",
                     "SEED = 42\nTEST_SIZE = 0.2",
                     "## Load", "df = pd.read_csv('x.csv')\na, b = train_test_split(df, test_size=TEST_SIZE, random_state=SEED)"],
             function: "load_data", parameters: [], returns: []),
        Case(description: "the closest earlier definition wins",
             cells: ["import pandas as pd\nfrom sklearn.linear_model import LinearRegression",
                     "## Load", "df = pd.read_csv('x.csv')\nlimit = 5",
                     "## Train", "limit = 7\nmodel = LinearRegression()\nmodel.fit(df[['a']], df['b'])",
                     "## Predict", "out = model.predict(df[['a']][:limit])"],
             function: "predict_sample", parameters: ["df", "limit", "model"], returns: []),
        Case(description: "display statements of a pipeline cell read nothing into the function",
             cells: ["import pandas as pd\nimport matplotlib.pyplot as plt\nfrom sklearn.linear_model import LinearRegression",
                     "## Load", "df = pd.read_csv('x.csv')",
                     "## Train", "model = LinearRegression()\nmodel.fit(df[['a']], df['b'])\nplt.plot(df['a'], model.predict(df[['a']]))\nmodel"],
             function: "train", parameters: ["df"], returns: ["model"]),
    ]

    @Test(arguments: cases)
    func parametersAndReturns(_ example: Case) throws {
        let (plan, _) = ProjectSupport.plan(cells: example.cells)
        let function = try #require(plan.functions.first { $0.name == example.function }, "functions: \(plan.functions.map(\.name))")
        #expect(function.parameterNames == example.parameters)
        #expect(function.returns == example.returns)
    }

    @Test func configReadsAreImportsOfTheModule() throws {
        let (plan, _) = ProjectSupport.plan(cells: Self.cases[5].cells)
        let data = try #require(plan.module(named: "data"))
        #expect(data.functions.first?.configNames == ["SEED", "TEST_SIZE", "X_PATH"])
        #expect(data.functions.first?.parameters == [])
        #expect(data.imports.contains("from .config import SEED, TEST_SIZE, X_PATH"))
        #expect(plan.config.entries.map(\.line) == ["SEED = 42", "TEST_SIZE = 0.2", "X_PATH = str(DATA_DIR / \"x.csv\")"])
    }

    @Test func eachModuleImportsOnlyWhatItUses() throws {
        let (plan, _) = ProjectSupport.plan(cells: Self.cases[7].cells)
        #expect(plan.module(named: "data")?.imports == ["import pandas as pd", "from .config import X_PATH"])
        // The plot was split off to exploration, so train does not import matplotlib.
        #expect(plan.module(named: "train")?.imports == ["from sklearn.linear_model import LinearRegression"])
        #expect(plan.exploration.map(\.source) == ["plt.plot(df['a'], model.predict(df[['a']]))\nmodel"])
    }

    @Test func theTrainedModelIsTheArtifact() throws {
        let (plan, _) = ProjectSupport.plan(cells: Self.cases[2].cells)
        #expect(plan.artifacts.map(\.name) == ["model"])
        #expect(plan.artifacts.first?.path == "artifacts/model.joblib")
        #expect(plan.artifacts.first?.producedBy == "train")
        let predict = try #require(plan.functions.first { $0.name == "predict_sample" })
        #expect(predict.parameters.map(\.fromArtifact) == [false, true])
        // df comes from train and is data, not a model: inference recomputes it (data, then
        // train), then loads the model, so it uses the saved one rather than the one train
        // fits again.
        #expect(plan.inferenceMain.lines == ["df = load_data()", "df, model = train(df)", "model = load_model(ARTIFACTS_DIR / \"model.joblib\")",
                                             "result = predict_sample(df, model)", "print(result)"])
    }

    /// ensemble_adaboost: inference first reads the tree fitted first (recomputed), then the
    /// tree fitted again (the artifact), under the same name: each call sees its own.
    @Test func anArtifactIsLoadedWhenInferenceFirstReadsIt() throws {
        let (plan, _) = ProjectSupport.plan(cells: [
            "import numpy as np\nimport pandas as pd\nfrom sklearn.tree import DecisionTreeClassifier",
            "## Load", "df = pd.read_csv('x.csv')\ndata = df[['a']]\ntarget = df['b']",
            "## Train", "tree = DecisionTreeClassifier(max_depth=1)\ntree.fit(data, target)",
            "## Predict", "wrong = np.flatnonzero(target != tree.predict(data))",
            "## Train again", "tree = DecisionTreeClassifier(max_depth=2)\ntree.fit(data, target)",
            "## Predict again", "still = np.flatnonzero(target != tree.predict(data))\nprint(len(np.intersect1d(wrong, still)))",
        ])
        #expect(plan.artifacts.map(\.producedBy) == ["train_2"])
        #expect(plan.inferenceMain.lines == [
            "data, target = load_data()", "tree = train(data, target)", "wrong = predict_sample(data, target, tree)",
            "tree = load_model(ARTIFACTS_DIR / \"tree.joblib\")", "predict_sample_2(data, target, tree, wrong)",
        ])
    }

    @Test func aSeedInTheImportsCellStartsThePipeline() throws {
        let (plan, _) = ProjectSupport.plan(cells: [
            "import numpy as np\nnp.random.seed(9876789)",
            "## Data", "e = np.random.normal(size=10)\nprint(e.sum())",
        ])
        #expect(plan.functions.map(\.name) == ["load_data"])
        #expect(plan.functions.first?.body == "    np.random.seed(9876789)\n    e = np.random.normal(size=10)\n    print(e.sum())\n")
    }

    @Test func explorationInputsCanBeReturned() throws {
        let cells = ["import pandas as pd", "## Load", "df = pd.read_csv('x.csv')\ndf['c'] = 1", "df.describe()"]
        let (minimal, _) = ProjectSupport.plan(cells: cells)
        #expect(minimal.functions.first?.returns == [])
        #expect(minimal.exploration.first?.inputs.map(\.name) == ["df"])
        let notebook = ProjectSupport.notebook(cells: cells)
        let (exposed, _) = ProjectPlanner().plan(Planner().plan(notebook, path: "nb.ipynb"), options: .init(returnExplorationInputs: true))
        #expect(exposed.functions.first?.returns == ["df"])
    }

    @Test func stageFunctionNamesAvoidNotebookNames() throws {
        let (plan, _) = ProjectSupport.plan(cells: [
            "import pandas as pd\nfrom sklearn.linear_model import LinearRegression",
            "## Load", "train = pd.read_csv('train.csv')",
            "## Train", "model = LinearRegression()\nmodel.fit(train[['a']], train['b'])",
        ])
        #expect(plan.functions.map(\.name) == ["load_data", "train_stage"])
        #expect(plan.trainMain.lines.prefix(2) == ["train = load_data()", "model = train_stage(train)"])
    }
}
