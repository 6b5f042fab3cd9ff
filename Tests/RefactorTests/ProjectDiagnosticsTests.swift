import Diagnostics
import Testing
@testable import Refactor

/// What the plan cannot carry over faithfully is reported, never silently lost.
@Suite struct ProjectDiagnosticsTests {
    @Test func starImportsAreKeptWithAWarning() throws {
        let (plan, diagnostics) = try ProjectSupport.plan(file: "../shared/corpus/notebooks/edge-cases/edge_star_import.ipynb")
        let warning = try #require(diagnostics.first { $0.id == "project.star-import" })
        #expect(warning.severity == .warning)
        #expect(warning.location?.cell == 1)
        // The module whose code uses a name the star import may bind keeps the import.
        #expect(plan.module(named: "data")?.imports == ["from math import *"])
        #expect(plan.module(named: "data")?.functions.first?.body == "    x = sqrt(16)\n    print(x)\n")
    }

    @Test func aFunctionReadingAConfigGlobalImportsIt() throws {
        let (plan, diagnostics) = try ProjectSupport.plan(file: "../shared/corpus/notebooks/edge-cases/edge_global_in_function.ipynb")
        #expect(plan.config.entries.map(\.line) == ["THRESH = 2"])
        // `print(keep([1, 2, 3]))` is a log of the data stage, so `keep` lives in data.py.
        let model = try #require(plan.module(named: "data"))
        let keep = try #require(model.definitions.first)
        #expect(keep.name == "keep")
        #expect(keep.configNames == ["THRESH"])
        #expect(keep.stageGlobals.isEmpty)
        #expect(keep.source == "def keep(values):\n    return [v for v in values if v > THRESH]")
        #expect(model.imports == ["from .config import THRESH"])
        #expect(!diagnostics.contains { $0.id == "project.function-reads-stage-global" })
    }

    @Test func aFunctionReadingStageStateGetsItAsAKeywordParameterAtEveryCall() throws {
        let (plan, diagnostics) = ProjectSupport.plan(cells: [
            "import pandas as pd",
            "## Load", "df = pd.read_csv('x.csv')\nscale = df['a'].max()",
            "def norm(values):\n    return [v / scale for v in values]",
            "## Train", "out = norm(df['a'])\nagain = norm(\n    df['a'],\n)",
        ])
        #expect(!diagnostics.contains { $0.id == "project.function-reads-stage-global" })
        let note = try #require(diagnostics.first { $0.id == "project.stage-global-parameter" })
        #expect(note.location?.cell == 3)
        let norm = try #require(plan.modules.flatMap(\.definitions).first { $0.name == "norm" })
        #expect(norm.source.hasPrefix("def norm(values, *, scale):"))
        #expect(norm.stageGlobals.isEmpty)
        let train = try #require(plan.module(named: "train")?.functions.first)
        #expect(train.body.contains("out = norm(df['a'], scale=scale)"), "\(train.body)")
        #expect(train.body.contains("        df['a'], scale=scale\n    )"), "\(train.body)")
        #expect(train.parameterNames == ["df", "scale"])
    }

    @Test func callersThatAreMovedFunctionsPassTheGlobalsOn() throws {
        let (plan, _) = ProjectSupport.plan(cells: [
            "import pandas as pd",
            "## Load", "df = pd.read_csv('x.csv')\nscale = df['a'].max()",
            "def norm(v, *args, **options):\n    return v / scale\ndef both(a, b):\n    return norm(a) + norm(b)",
            "## Train", "out = both(1, 2)",
        ])
        let definitions = plan.modules.flatMap(\.definitions)
        let norm = try #require(definitions.first { $0.name == "norm" })
        #expect(norm.source.hasPrefix("def norm(v, *args, scale, **options):"), "\(norm.source)")
        let both = try #require(definitions.first { $0.name == "both" })
        #expect(both.source == "def both(a, b, *, scale):\n    return norm(a, scale=scale) + norm(b, scale=scale)")
        let train = try #require(plan.module(named: "train")?.functions.first)
        #expect(train.body.contains("out = both(1, 2, scale=scale)"))
    }

    @Test func aDefaultReadingStageStateKeepsTheDefInItsStage() throws {
        let (plan, diagnostics) = ProjectSupport.plan(cells: [
            "import pandas as pd\nfrom sklearn.linear_model import LinearRegression",
            "## Load", "df = pd.read_csv('x.csv')\nX_train = df[['a']]\ndef show(data=X_train):\n    return len(data)",
            "## Train", "model = LinearRegression().fit(X_train, df['b'])\nn = show()",
        ])
        #expect(diagnostics.contains { $0.id == "project.definition-kept-in-stage" })
        #expect(!plan.modules.flatMap(\.definitions).contains { $0.name == "show" })
        let load = try #require(plan.module(named: "data")?.functions.first)
        #expect(load.body.contains("def show(data=X_train):"))
        #expect(load.returns.contains("show"))
        let train = try #require(plan.module(named: "train")?.functions.first)
        #expect(train.parameterNames.contains("show"))
    }

    /// A function handed on as a value (`df.apply(norm)`, `interact(render, …)`) cannot be given
    /// the stage's globals at every call: its def stays a statement of its stage, where it reads
    /// them as that function's values, and is passed on like any other value.
    @Test func aFunctionPassedAsAValueStaysInItsStage() throws {
        let (plan, diagnostics) = ProjectSupport.plan(cells: [
            "import pandas as pd",
            "## Load", "df = pd.read_csv('x.csv')\nscale = df['a'].max()",
            "def norm(v):\n    return v / scale",
            "## Train", "out = df['a'].apply(norm)",
        ])
        #expect(!diagnostics.contains { $0.id == "project.function-reads-stage-global" })
        let note = try #require(diagnostics.first { $0.id == "project.definition-kept-in-stage" })
        #expect(note.location?.cell == 3)
        #expect(note.message.contains("handed on as a value"))
        #expect(!plan.modules.flatMap(\.definitions).contains { $0.name == "norm" })
        let load = try #require(plan.functions.first { $0.name == "load_data" })
        #expect(load.body.contains("    def norm(v):\n        return v / scale\n"))
        #expect(load.returns == ["df", "norm"])
        let train = try #require(plan.functions.first { $0.stage == .train })
        #expect(train.parameterNames == ["df", "norm"])
    }

    /// Kept in its stage, a function's name is a value of that stage: a moved function that
    /// calls it gets it as a keyword parameter like any other stage global.
    @Test func aCallerOfAFunctionKeptInItsStageIsGivenIt() throws {
        let (plan, _) = ProjectSupport.plan(cells: [
            "import pandas as pd",
            "## Load", "df = pd.read_csv('x.csv')\nscale = df['a'].max()",
            "def norm(v):\n    return v / scale",
            "def norm_all(frame):\n    return frame['a'].apply(norm)",
            "## Train", "out = norm_all(df)\nother = df['b'].apply(norm)",
        ])
        let caller = try #require(plan.modules.flatMap(\.definitions).first { $0.name == "norm_all" })
        #expect(caller.source.hasPrefix("def norm_all(frame, *, norm):"))
        #expect(caller.stageGlobals.isEmpty)
        let train = try #require(plan.functions.first { $0.stage == .train })
        #expect(train.body.contains("out = norm_all(df, norm=norm)"))
    }

    @Test func aPipelineUnderAnEvaluationHeadingStillTrainsAndSavesItsModel() throws {
        let (plan, diagnostics) = ProjectSupport.plan(cells: [
            "import pandas as pd\nfrom sklearn.linear_model import LogisticRegression\nfrom sklearn.metrics import accuracy_score",
            "## Model evaluation",
            "df = pd.read_csv('x.csv')\nX = df[['a']]\ny = df['b']\nclf = LogisticRegression()\nclf.fit(X, y)\nprint(accuracy_score(y, clf.predict(X)))",
        ])
        #expect(diagnostics.contains { $0.id == "project.evaluation-trains" })
        let train = try #require(plan.functions.first { $0.stage == .train })
        #expect(train.body.contains("clf.fit(X, y)"))
        #expect(plan.artifacts.first?.name == "clf")
    }

    @Test func aRedefinedFunctionGetsItsOwnNameAndLaterCallsUseIt() throws {
        let (plan, diagnostics) = ProjectSupport.plan(cells: [
            "import numpy as np",
            "## Load", "def objective(x):\n    return x * 2",
            "a = objective(1)",
            "def objective(x):\n    return {'loss': x}",
            "b = objective(2)\nc = np.sum([b['loss'], a])",
        ])
        #expect(diagnostics.contains { $0.id == "project.redefinition-renamed" })
        let definitions = plan.modules.flatMap(\.definitions)
        #expect(definitions.map(\.name).sorted() == ["objective", "objective_2"])
        #expect(definitions.first { $0.name == "objective_2" }?.source.hasPrefix("def objective_2(x):") == true)
        let body = plan.functions.map(\.body).joined()
        #expect(body.contains("a = objective(1)"))
        #expect(body.contains("b = objective_2(2)"), "\(body)")
    }

    @Test func aGlobalComputedFromImportsAloneIsLiftedToModuleLevel() throws {
        let (plan, diagnostics) = ProjectSupport.plan(cells: [
            "import numpy as np", "## Load data",
            "rng = np.random.RandomState(1)\ndef noisy(n):\n    return rng.randn(n)\nx = noisy(3)\ny = rng.randn(2)",
        ])
        #expect(!diagnostics.contains { $0.id == "project.function-reads-stage-global" })
        #expect(diagnostics.filter { $0.id == "project.global-lifted" }.map(\.location?.cell) == [2])
        let data = try #require(plan.module(named: "data"))
        #expect(data.definitions.map(\.name) == ["rng", "noisy"])
        #expect(data.definitions.map(\.kind) == [.global, .function])
        #expect(data.imports == ["import numpy as np"])
        #expect(data.functions.first?.body == "    x = noisy(3)\n    y = rng.randn(2)\n")
        #expect(data.functions.first?.parameters == [])
    }

    @Test func interleavedStagesBecomeOneFunctionPerRun() throws {
        let (plan, _) = ProjectSupport.plan(cells: [
            "import numpy as np\nfrom sklearn.linear_model import LinearRegression",
            "## Load", "X = np.ones((3, 2))\ny = np.ones(3)",
            "## Train", "m = LinearRegression()\nm.fit(X, y)",
            "## Load more", "X = np.zeros((3, 4))",
            "## Train again", "m2 = LinearRegression()\nm2.fit(X, y)",
        ])
        #expect(plan.functions.map(\.name) == ["load_data", "load_data_2", "train", "train_2"])
        // Each train function gets the X the notebook had at that point, and main runs them in notebook order.
        #expect(plan.trainMain.lines.prefix(4) == ["X, y = load_data()", "m = train(X, y)", "X = load_data_2()", "m2 = train_2(X, y)"])
        #expect(plan.functions.first { $0.name == "train_2" }?.parameters.map(\.providedBy) == ["load_data_2", "load_data"])
    }

    @Test func functionsCalledInsideFormulaStringsCountAsUsed() throws {
        let (plan, _) = ProjectSupport.plan(cells: [
            "import statsmodels.formula.api as smf\nimport pandas as pd",
            "def double_it(x):\n    return 2 * x",
            "## Load", "df = pd.read_csv('x.csv')",
            "## Train", "res = smf.ols('y ~ double_it(x) + not_double_it(x)', df).fit()",
        ])
        #expect(plan.module(named: "train")?.definitions.map(\.name) == ["double_it"])
        #expect(NotebookNames.calls("'a ~ x_double_it(b)'", "double_it").isEmpty)
        #expect(NotebookNames.calls("'a ~ np.log(b) + double_it(b)'", "double_it") == ["double_it"])
    }

    @Test func definitionsMoveToTheModuleThatUsesThemOrToCommon() throws {
        let (plan, _) = ProjectSupport.plan(cells: [
            "import pandas as pd\nfrom sklearn.linear_model import LinearRegression",
            "def clean(frame):\n    return frame.dropna()",
            "def only_train(frame):\n    return frame[['a']]",
            "## Load", "df = clean(pd.read_csv('x.csv'))",
            "## Train", "model = LinearRegression()\nmodel.fit(only_train(df), df['b'])",
            "## Predict", "p = model.predict(only_train(clean(df)))",
        ])
        #expect(plan.module(named: "common")?.definitions.map(\.name) == ["clean", "only_train"])
        #expect(plan.module(named: "data")?.imports.last == "from .common import clean")
        #expect(plan.module(named: "inference")?.imports.last == "from .common import clean, only_train")
    }

    @Test func importsAndDefinitionsInExplorationCellsServeThePipeline() throws {
        let (plan, diagnostics) = ProjectSupport.plan(cells: [
            "import pandas as pd", "## Load", "df = pd.read_csv('x.csv')",
            "import numpy as np\ndef double(v):\n    return v * 2\ndf.describe()",
            "## Train", "from sklearn.linear_model import LinearRegression\nmodel = LinearRegression()\nmodel.fit(np.log(df[['a']]), double(df['b']))",
        ])
        #expect(plan.exploration.map(\.cell) == [3])
        #expect(!diagnostics.contains { $0.id == "project.reads-exploration" })
        #expect(plan.module(named: "train")?.imports == ["import numpy as np", "from sklearn.linear_model import LinearRegression"])
        #expect(plan.module(named: "train")?.definitions.map(\.name) == ["double"])
    }

    @Test func pipelineReadingAnExplorationValueIsReported() throws {
        let (_, diagnostics) = ProjectSupport.plan(cells: [
            "import pandas as pd", "## Load", "df = pd.read_csv('x.csv')",
            "## Plot", "ax = df.plot()\ncols = list(df.columns)\nax",
            "## Train", "from sklearn.linear_model import LinearRegression\nmodel = LinearRegression()\nmodel.fit(df[cols[:1]], df['b'])",
        ], tags: [4: ["nbship:explore"]])
        let warning = try #require(diagnostics.first { $0.id == "project.reads-exploration" })
        #expect(warning.message == "the train stage reads 'cols', which only exploration (cell 4) computes")
    }

    @Test func magicsAndInstallsAreNotedAndNotInTheCode() throws {
        let (plan, diagnostics) = try ProjectSupport.plan(file: "fixtures/demo/churn.ipynb")
        #expect(diagnostics.map(\.id) == ["project.install-recorded", "project.magic-dropped"])
        #expect(plan.requirements.map(\.spec) == ["pandas==2.1.4", "scikit-learn==1.3.2", "matplotlib"])
        #expect(!plan.functions.contains { $0.body.contains("matplotlib") || $0.body.contains("pass") })
    }

    @Test func cellsThatAreNotPythonGoToExplorationWithAWarning() throws {
        let (plan, diagnostics) = ProjectSupport.plan(cells: [
            "import pandas as pd", "## Load", "%%bash\nls data", "df = pd.read_csv('x.csv')\nfiles = !ls",
        ])
        #expect(diagnostics.contains { $0.id == "project.cell-not-python" && $0.location?.cell == 2 })
        #expect(diagnostics.contains { $0.id == "project.ipython-call" && $0.location?.cell == 3 })
        #expect(plan.exploration.map(\.cell) == [2, 3])
        #expect(plan.functions.first?.body == "    df = pd.read_csv(X_PATH)\n")
    }

    @Test func dataFilesResolveAgainstTheNotebookFolder() throws {
        let (plan, _) = try ProjectSupport.plan(file: "fixtures/demo/churn.ipynb")
        let file = try #require(plan.config.dataFiles.first)
        #expect(file.configName == "DATA_PATH")
        #expect(file.resolvedPath == "data/churn.csv")
        #expect(file.projectPath == "churn.csv")
        #expect(file.exists)
        let size = try FileManagerSize.of(ProjectSupport.packageRoot + "/fixtures/demo/data/churn.csv")
        #expect(file.size == size)
        #expect(plan.config.entries.last?.line == "DATA_PATH = str(DATA_DIR / \"churn.csv\")")
    }

    @Test(arguments: [
        ("churn.ipynb", "churn"), ("My Churn-Model (v2).ipynb", "my_churn_model_v2"), ("2024 report.ipynb", "nb_2024_report"),
        ("pandas.ipynb", "pandas_project"), ("class.ipynb", "class_project"), ("___.ipynb", "notebook"),
    ])
    func packageNamesAreSafe(file: String, expected: String) {
        #expect(PackageName.make(from: "some/dir/" + file, avoiding: ["pandas"]) == expected)
        #expect(PackageName.distribution(of: expected) == expected.replacing("_", with: "-"))
    }
}

/// Runs ``PlanBuilder/namesCalledInStrings(_:among:)`` on one expression statement.
enum NotebookNames {
    static func calls(_ source: String, _ name: String) -> Set<String> {
        let statement = CellSource(cell: 0, python: source).analysis.module?.body.first
        return statement.map { PlanBuilder.namesCalledInStrings($0, among: [name]) } ?? []
    }
}
