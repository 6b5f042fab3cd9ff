import Foundation
import Testing
import TestSupport

/// `nbship convert` as a user runs it: the real binary, the real file system.
@Suite struct ConvertCommandTests {
    static let demo = "fixtures/demo/churn.ipynb"
    /// The interpreter whose packages give the versions (the test venv has the ML stack).
    static let python = TestPython.interpreter

    static func convert(_ arguments: [String]) throws -> ProcessRunner.Result {
        try NBShip.run(["convert"] + arguments + ["--python", python])
    }

    static func tree(_ root: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else { return files }
        for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            files[String(url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1))] = try? Data(contentsOf: url)
        }
        return files
    }

    @Test func writesTheProjectAndTheSameBytesTwice() throws {
        let root = try PackagePaths.temporaryDirectory(prefix: "nbship-convert")
        defer { try? FileManager.default.removeItem(at: root) }
        let first = try Self.convert([Self.demo, "-o", root.appendingPathComponent("a").path])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.contains("wrote \(root.appendingPathComponent("a").path)/"))
        let second = try Self.convert([Self.demo, "-o", root.appendingPathComponent("b").path])
        #expect(second.status == 0, "\(second.stderr)")
        let a = Self.tree(root.appendingPathComponent("a"))
        let b = Self.tree(root.appendingPathComponent("b"))
        #expect(a.keys.sorted() == b.keys.sorted())
        #expect(a == b, "two conversions of the same notebook differ")
        for expected in ["pyproject.toml", "requirements.txt", "Dockerfile", ".dockerignore", ".gitignore", "README.md",
                         "src/churn/__init__.py", "src/churn/config.py", "src/churn/data.py", "src/churn/model.py",
                         "src/churn/train.py", "src/churn/inference.py", "src/churn/serve.py", "tests/test_data.py",
                         "tests/test_model.py", "tests/test_pipeline.py", "tests/test_serve.py", "notebooks/explore.ipynb",
                         "data/churn.csv"] {
            #expect(a[expected] != nil, "missing \(expected)")
        }
        let original = try Data(contentsOf: PackagePaths.root.appendingPathComponent("fixtures/demo/data/churn.csv"))
        #expect(a["data/churn.csv"] == original, "the data file is copied byte for byte")
    }

    @Test func refusesANonEmptyFolderUnlessForced() throws {
        let root = try PackagePaths.temporaryDirectory(prefix: "nbship-convert")
        defer { try? FileManager.default.removeItem(at: root) }
        let keep = root.appendingPathComponent("notes.txt")
        try "mine\n".write(to: keep, atomically: true, encoding: .utf8)
        let refused = try Self.convert([Self.demo, "-o", root.path])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("is not empty [output.exists]"), "\(refused.stderr)")
        #expect(try String(contentsOf: keep, encoding: .utf8) == "mine\n")
        #expect(Self.tree(root).keys.sorted() == ["notes.txt"], "nothing written beside the user's file")
        let forced = try Self.convert([Self.demo, "-o", root.path, "--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(Self.tree(root)["src/churn/train.py"] != nil)
        #expect(Self.tree(root)["notes.txt"] == nil, "--force replaces the folder's contents")
    }

    @Test func dryRunWritesNothingAndShowsTheTree() throws {
        let root = try PackagePaths.temporaryDirectory(prefix: "nbship-convert")
        defer { try? FileManager.default.removeItem(at: root) }
        let target = root.appendingPathComponent("out")
        let text = try Self.convert([Self.demo, "-o", target.path, "--dry-run"])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("    train.py"), "\(text.stdout)")
        #expect(text.stdout.contains("train.py  def train(X_train, y_train)") || text.stdout.contains("train(X_train, y_train)"))
        #expect(!FileManager.default.fileExists(atPath: target.path))
        let json = try Self.convert([Self.demo, "-o", target.path, "--dry-run", "--format", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["written"] as? Bool == false)
        #expect(object["package"] as? String == "churn")
        let files = try #require(object["files"] as? [[String: Any]])
        #expect(files.contains { $0["path"] as? String == "src/churn/serve.py" })
        #expect(!FileManager.default.fileExists(atPath: target.path))
    }

    @Test func badNotebookExitsTwoLocatedAndWritesNothing() throws {
        let root = try PackagePaths.temporaryDirectory(prefix: "nbship-convert")
        defer { try? FileManager.default.removeItem(at: root) }
        let notebook = root.appendingPathComponent("broken.ipynb")
        try "{\"cells\": [\n  {\"cell_type\": \"code\",, }\n]}\n".write(to: notebook, atomically: true, encoding: .utf8)
        let result = try Self.convert([notebook.path, "-o", root.appendingPathComponent("out").path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("broken.ipynb:2:"), "\(result.stderr)")
        #expect(result.stderr.contains("[notebook.invalid-json]"))
        #expect(Self.tree(root).keys.sorted() == ["broken.ipynb"])
    }

    @Test func anUnknownImportIsAnErrorThatSuggestsRequire() throws {
        let root = try PackagePaths.temporaryDirectory(prefix: "nbship-convert")
        defer { try? FileManager.default.removeItem(at: root) }
        let notebook = root.appendingPathComponent("odd.ipynb")
        let cells = #"[{"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": null, "source": ["import pandas as pd\n", "import zzqx_internal_tools\n", "df = pd.DataFrame({'a': [1]})\n"]}]"#
        try #"{"nbformat": 4, "nbformat_minor": 5, "metadata": {"kernelspec": {"name": "python3", "language": "python", "display_name": "Python 3"}}, "cells": \#(cells)}"#
            .write(to: notebook, atomically: true, encoding: .utf8)
        let result = try Self.convert([notebook.path, "-o", root.appendingPathComponent("out").path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("odd.ipynb:cell_0:2:1: error:"), "\(result.stderr)")
        #expect(result.stderr.contains("zzqx_internal_tools"))
        #expect(result.stderr.contains("--require"))
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("out").path))
        let pinned = try Self.convert([notebook.path, "-o", root.appendingPathComponent("out").path, "--require", "zzqx-internal-tools==1.2.3"])
        #expect(pinned.status == 0, "\(pinned.stderr)")
        let requirements = try String(contentsOf: root.appendingPathComponent("out/requirements.txt"), encoding: .utf8)
        #expect(requirements.contains("zzqx-internal-tools==1.2.3"), "\(requirements)")
    }

    @Test func anOwnModuleElsewhereIsCopiedWithLocal() throws {
        let root = try PackagePaths.temporaryDirectory(prefix: "nbship-convert")
        defer { try? FileManager.default.removeItem(at: root) }
        let notebook = root.appendingPathComponent("nb/odd.ipynb")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("nb"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("lib/zzqx_tools"), withIntermediateDirectories: true)
        try "def twice(x):\n    return 2 * x\n".write(to: root.appendingPathComponent("lib/zzqx_tools/__init__.py"), atomically: true, encoding: .utf8)
        let cells = #"[{"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": null, "source": ["import pandas as pd\n", "from zzqx_tools import twice\n", "df = pd.DataFrame({'a': twice(1)}, index=[0])\n"]}]"#
        try #"{"nbformat": 4, "nbformat_minor": 5, "metadata": {"kernelspec": {"name": "python3", "language": "python", "display_name": "Python 3"}}, "cells": \#(cells)}"#
            .write(to: notebook, atomically: true, encoding: .utf8)
        let out = root.appendingPathComponent("out")
        let unknown = try Self.convert([notebook.path, "-o", out.path])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("--local PATH"), "\(unknown.stderr)")
        let missing = try Self.convert([notebook.path, "-o", out.path, "--local", root.appendingPathComponent("lib/nope.py").path])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("nope.py:1:1: error: --local"), "\(missing.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
        let local = try Self.convert([notebook.path, "-o", out.path, "--local", root.appendingPathComponent("lib/zzqx_tools").path])
        #expect(local.status == 0, "\(local.stderr)")
        let copied = try String(contentsOf: out.appendingPathComponent("src/zzqx_tools/__init__.py"), encoding: .utf8)
        #expect(copied.contains("def twice"))
        let requirements = try String(contentsOf: out.appendingPathComponent("requirements.txt"), encoding: .utf8)
        #expect(!requirements.contains("zzqx"))
    }

    @Test func refusesToWriteOverTheNotebooksOwnFolder() throws {
        let root = try PackagePaths.temporaryDirectory(prefix: "nbship-convert")
        defer { try? FileManager.default.removeItem(at: root) }
        let notebook = root.appendingPathComponent("churn.ipynb")
        try FileManager.default.copyItem(at: PackagePaths.root.appendingPathComponent(Self.demo), to: notebook)
        let result = try Self.convert([notebook.path, "-o", root.path, "--force"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("[output.contains-input]"), "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: notebook.path), "the notebook survives")
    }

    @Test func defaultOutputIsNamedAfterTheNotebook() throws {
        let root = try PackagePaths.temporaryDirectory(prefix: "nbship-convert")
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try ProcessRunner.run(PackagePaths.binary, arguments: ["convert", PackagePaths.root.appendingPathComponent(Self.demo).path, "--python", Self.python], in: root)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("churn/src/churn/train.py").path))
    }
}

/// `--base` must not float: the Dockerfile convert writes has to lint clean.
@Suite struct ConvertBaseTests {
    @Test(arguments: ["python", "python:latest", "python:LATEST", "localhost:5000/python", "Not A Reference"])
    func aFloatingOrInvalidBaseIsRefused(base: String) throws {
        let root = try PackagePaths.temporaryDirectory(prefix: "nbship-convert")
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try ConvertCommandTests.convert([ConvertCommandTests.demo, "-o", root.appendingPathComponent("out").path, "--base", base])
        #expect(result.status == 2)
        #expect(result.stderr.contains("[convert.floating-base]") || result.stderr.contains("[convert.invalid-base]"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("out").path))
    }

    /// A helper module the notebook finds through `sys.path.insert(0, "..")` is copied into the
    /// project like one beside it, not reported as an unknown distribution.
    @Test func aModuleFoundThroughSysPathIsLocal() throws {
        let project = try ConvertSupport.convert("fixtures/local-module/notebooks/sys_path_helper.ipynb")
        #expect(!project.hasErrors, "\(project.diagnostics.map(\.message))")
        #expect(project.requirements.localModules.map(\.importName) == ["helpers"])
        let copy = try #require(project.copies.first { $0.path == "src/helpers.py" })
        #expect(copy.source.hasSuffix("local-module/notebooks/../helpers.py"))
    }
}
