import PythonSyntax
import Testing
@testable import Refactor

/// The file paths a notebook builds from constants, and the data files found through them.
@Suite struct PathExpressionTests {
    /// Evaluates the last statement's value after recording the ones before it.
    static func evaluate(_ lines: [String]) -> String? {
        var paths = PathExpression()
        let analysis = PythonAnalyzer.analyze(lines.joined(separator: "\n"))
        guard let module = analysis.module, let last = module.body.last else { return nil }
        for (index, statement) in module.body.dropLast().enumerated() {
            paths.record(statement, defines: analysis.statements[index].facts.defines, piece: index)
        }
        guard case .expression(let value) = last.kind else { return nil }
        return paths.value(of: value)
    }

    @Test(arguments: [
        (["'data/x.csv'"], "data/x.csv"),
        (["import os", "os.path.join('data', 'x.csv')"], "data/x.csv"),
        (["import os", "DIR = 'data'", "os.path.join(DIR, 'raw', 'x.csv')"], "data/raw/x.csv"),
        (["from pathlib import Path", "Path('data') / 'x.csv'"], "data/x.csv"),
        (["from pathlib import Path", "d = Path().absolute().parents[1] / 'regression'", "str(d / 'r.train')"], "../../regression/r.train"),
        (["from pathlib import Path", "Path.cwd().parent / 'x.csv'"], "../x.csv"),
        (["name = 'pima'", "f'data/{name}.data'"], "data/pima.data"),
        (["import os", "os.path.join(os.path.dirname('a/b/c.txt'), 'd.csv')"], "a/b/d.csv"),
        (["path = 'data/a.csv'", "path = compute()", "path"], nil),
        (["import os", "os.path.join(os.environ['HOME'], 'x.csv')"], nil),
        (["f'data/{unknown}.csv'"], nil),
    ] as [([String], String?)])
    func evaluates(lines: [String], expected: String?) {
        #expect(Self.evaluate(lines) == expected, "\(lines)")
    }

    @Test func aPathHeldInAVariableIsADataFileAndItsLiteralBecomesConfig() throws {
        let (plan, _) = ProjectSupport.plan(cells: [
            "import pandas as pd", "## Load data",
            "path = 'data/pima.data'\ndf = pd.read_csv(path, header=None)\nX = df.drop(columns=[8])\ny = df[8]",
        ])
        let file = try #require(plan.config.dataFiles.first)
        #expect(file.notebookPath == "data/pima.data")
        let data = try #require(plan.module(named: "data")?.functions.first)
        #expect(data.body.contains("path = \(file.configName)"), "\(data.body)")
        #expect(!data.body.contains("'data/pima.data'"))
    }

    @Test func aComputedPathIsReplacedWhereItIsRead() throws {
        let (plan, _) = ProjectSupport.plan(cells: [
            "import os\nimport pandas as pd", "## Load data",
            "base = os.path.join('..', 'datasets')\ndf = pd.read_csv(os.path.join(base, 'penguins.csv'))\nX = df[['a']]\ny = df['b']",
        ])
        let file = try #require(plan.config.dataFiles.first)
        #expect(file.notebookPath == "../datasets/penguins.csv")
        #expect(file.projectPath == "penguins.csv")
        let data = try #require(plan.module(named: "data")?.functions.first)
        #expect(data.body.contains("pd.read_csv(\(file.configName))"), "\(data.body)")
    }
}
