import Foundation
import Notebook
import Testing
@testable import Refactor

/// The plan rendered as plain Python (``ProjectPlan/pythonSource(ofModule:)``) checked by the
/// real interpreter: every module parses, and the churn demo's package runs data → model →
/// train → evaluate → inference with the same numbers as the notebook run top to bottom.
@Suite struct ProjectPythonTests {
    static let moduleNames = ["config", "common", "data", "model", "train", "inference"]

    static let pythonWorks = (try? ProjectSupport.runPython(["-c", "import ast"]).status) == 0
    static let hasMLStack = ProjectSupport.pythonCanImport("pandas, sklearn, joblib, matplotlib")

    /// Writes the package to `root/src/PKG/` and copies the data files that exist.
    static func writeProject(_ plan: ProjectPlan, notebookDirectory: String, to root: URL) throws {
        let package = root.appendingPathComponent("src/\(plan.packageName)")
        try FileManager.default.createDirectory(at: package, withIntermediateDirectories: true)
        try "".write(to: package.appendingPathComponent("__init__.py"), atomically: true, encoding: .utf8)
        for name in moduleNames {
            guard let source = plan.pythonSource(ofModule: name) else { continue }
            try source.write(to: package.appendingPathComponent("\(name).py"), atomically: true, encoding: .utf8)
        }
        let data = root.appendingPathComponent(plan.config.dataDirectory)
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        for file in plan.config.dataFiles where file.exists {
            try FileManager.default.copyItem(atPath: notebookDirectory + "/" + file.resolvedPath,
                                             toPath: data.appendingPathComponent(file.projectPath).path)
        }
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("nbship-project-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test(.enabled(if: pythonWorks), arguments: ProjectPlanGoldenTests.cases.map(\.notebook))
    func everyModuleParses(notebook: String) throws {
        let (plan, _) = try ProjectSupport.plan(file: notebook)
        let root = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        try Self.writeProject(plan, notebookDirectory: ProjectSupport.packageRoot + "/" + URL(fileURLWithPath: notebook).deletingLastPathComponent().relativePath, to: root)
        let files = Self.moduleNames.compactMap { name in plan.pythonSource(ofModule: name).map { _ in root.appendingPathComponent("src/\(plan.packageName)/\(name).py").path } }
        let check = "import ast, sys\nfor p in sys.argv[1:]:\n    ast.parse(open(p).read(), p)\nprint(len(sys.argv) - 1)"
        let result = try ProjectSupport.runPython(["-c", check] + files)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "\(files.count)\n")
    }

    @Test(.enabled(if: pythonWorks)) func stageFunctionsParseOnTheirOwn() throws {
        for notebook in ProjectPlanGoldenTests.cases.map(\.notebook) {
            let (plan, _) = try ProjectSupport.plan(file: notebook)
            for function in plan.functions {
                let result = try ProjectSupport.runPython(["-c", "import ast, sys; ast.parse(sys.stdin.read())"], stdin: plan.pythonSource(of: function))
                #expect(result.status == 0, "\(notebook) \(function.name): \(result.stderr)")
            }
        }
    }

    /// The notebook's code cells (lowered) run top to bottom in its folder, then the generated
    /// package's `train` and `inference` mains: the accuracy line and the prediction agree.
    @Test(.enabled(if: hasMLStack)) func churnPipelineMatchesTheNotebook() throws {
        let notebook = "fixtures/demo/churn.ipynb"
        let notebookDirectory = ProjectSupport.packageRoot + "/fixtures/demo"
        let (plan, _) = try ProjectSupport.plan(file: notebook)
        let root = try Self.temporaryDirectory()
        // NBSHIP_KEEP_PROJECT=1 keeps the generated package for inspection.
        defer { if ProcessInfo.processInfo.environment["NBSHIP_KEEP_PROJECT"] == nil { try? FileManager.default.removeItem(at: root) } }
        try Self.writeProject(plan, notebookDirectory: notebookDirectory, to: root)

        let reader = try NotebookReader().read(contentsOf: ProjectSupport.packageRoot + "/" + notebook)
        let analysis = NotebookAnalyser().analyse(reader.notebook, path: notebook)
        var script = analysis.codeCells.compactMap(\.python).joined(separator: "\n")
        script += "\nprint(model.predict(new_customer))\n"
        let original = try ProjectSupport.runPython(["-c", script], directory: notebookDirectory, environment: ["MPLBACKEND": "Agg"])
        try #require(original.status == 0, "\(original.stderr)")

        let elsewhere = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: elsewhere) }
        let environment = ["PYTHONPATH": root.appendingPathComponent("src").path, "MPLBACKEND": "Agg"]
        let train = try ProjectSupport.runPython(["-m", "\(plan.packageName).train"], directory: elsewhere.path, environment: environment)
        try #require(train.status == 0, "\(train.stderr)")
        let accuracy = { (text: String) in text.split(separator: "\n").filter { $0.hasPrefix("accuracy:") } }
        #expect(!accuracy(original.stdout).isEmpty)
        #expect(accuracy(train.stdout) == accuracy(original.stdout))
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("artifacts/model.joblib").path))

        let inference = try ProjectSupport.runPython(["-m", "\(plan.packageName).inference"], directory: elsewhere.path, environment: environment)
        try #require(inference.status == 0, "\(inference.stderr)")
        let prediction = original.stdout.split(separator: "\n").last.map(String.init)
        #expect(inference.stdout.split(separator: "\n").last.map(String.init) == prediction)
    }
}
