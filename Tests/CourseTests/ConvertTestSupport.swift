import Foundation
import TestSupport
import Testing

/// Runs `nbship convert` (the real binary) for the course tests, with the test Python as
/// `--python`, and reads what it wrote.
enum ConvertTestSupport {
    /// The binary is built and the test Python has what the churn lab imports.
    static var ready: Bool {
        PackagePaths.builtBinary != nil && TestPython.canImport(["pandas", "sklearn", "joblib"])
    }

    /// The test Python can also pin what fixtures/demo/churn.ipynb imports (it plots).
    static var canConvertChurn: Bool {
        ready && TestPython.canImport(["matplotlib"])
    }

    /// The test Python can also run the generated projects' tests.
    static var canRunProjectTests: Bool {
        ready && TestPython.canImport(["pytest", "fastapi", "httpx"])
    }

    static let environment = ["NO_COLOR": "1", "PYTHONDONTWRITEBYTECODE": "1", "COLUMNS": "200"]

    /// `nbship convert ARGUMENTS --python TEST_PYTHON`.
    static func convert(_ arguments: [String], in directory: URL? = nil) throws -> ProcessRunner.Result {
        try NBShip.run(["convert"] + arguments + ["--python", TestPython.interpreter], in: directory, environment: environment)
    }

    /// A fresh folder holding a copy of the churn lab (notebook and data); the caller removes it.
    static func labCopy() throws -> URL {
        let directory = try PackagePaths.temporaryDirectory(prefix: "nbship-course")
        let lab = PackagePaths.fixture("course/churn-lab")
        for name in ["churn_lab.ipynb", "data"] {
            try FileManager.default.copyItem(at: lab.appendingPathComponent(name), to: directory.appendingPathComponent(name))
        }
        return directory
    }

    /// Rewrites the lab notebook's cells (a list of JSON objects) in place.
    static func editLab(in directory: URL, _ edit: (inout [[String: Any]]) -> Void) throws {
        let url = directory.appendingPathComponent("churn_lab.ipynb")
        var root = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        var cells = try #require(root["cells"] as? [[String: Any]])
        edit(&cells)
        root["cells"] = cells
        try JSONSerialization.data(withJSONObject: root, options: [.sortedKeys, .prettyPrinted]).write(to: url)
    }

    /// nbgrader metadata for a solution cell.
    static var solutionMetadata: [String: Any] {
        ["nbgrader": ["grade": false, "grade_id": "edited", "locked": false, "schema_version": 3, "solution": true, "task": false]]
    }

    /// Every file under a folder, by path relative to it.
    static func tree(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let base = folder.standardizedFileURL.path + "/"
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else { return [:] }
        for case let url as URL in walker where (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
            files[String(url.standardizedFileURL.path.dropFirst(base.count))] = try Data(contentsOf: url)
        }
        return files
    }

    /// The text of a file under a folder.
    static func text(_ folder: URL, _ path: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
    }

    /// `python -m pytest` in a project, with the short summary of failures and errors.
    static func pytest(in project: URL) throws -> ProcessRunner.Result {
        try ProcessRunner.run(
            TestPython.commandLine + ["-B", "-m", "pytest", "-q", "-rfE", "-p", "no:cacheprovider"], in: project, environment: environment)
    }
}
