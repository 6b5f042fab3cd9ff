import Diagnostics
import Foundation
import Testing
@testable import Requirements

@Suite("curated import table")
struct ImportMapTests {
    struct SampleRow: Sendable, CustomTestStringConvertible {
        var line: Int
        var module: String
        var distribution: String
        var note: String
        var testDescription: String { "\(module) → \(distribution)" }
    }

    /// The sample file's text (empty when the corpus is missing; `sampleIsThere` then fails).
    static let sampleText: String = {
        let url = TestPaths.corpus.appendingPathComponent("import-map-sample.tsv")
        return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }()

    /// Every row of `../shared/corpus/import-map-sample.tsv`, its columns found by the header
    /// (`import`, `distribution`, `note`). `(stdlib)` and `(local)` in the distribution column
    /// mark imports that must never become requirements.
    static let sampleRows: [SampleRow] = {
        var lines = sampleText.split(separator: "\n", omittingEmptySubsequences: false).enumerated().filter { !$0.element.isEmpty }
        guard !lines.isEmpty else { return [] }
        let header = lines.removeFirst().element.split(separator: "\t").map(String.init)
        guard let moduleColumn = header.firstIndex(of: "import"), let distributionColumn = header.firstIndex(of: "distribution") else { return [] }
        let noteColumn = header.firstIndex(of: "note")
        return lines.map { offset, line in
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            func cell(_ index: Int?) -> String { index.flatMap { $0 < cells.count ? cells[$0] : nil } ?? "" }
            return SampleRow(line: offset + 1, module: cell(moduleColumn), distribution: cell(distributionColumn), note: cell(noteColumn))
        }
    }()

    @Test("the shared sample has its rows, each with an import and an expected answer")
    func sampleIsThere() {
        let dataLines = Self.sampleText.split(separator: "\n").count - 1
        #expect(Self.sampleRows.count >= 30)
        #expect(Self.sampleRows.count == dataLines)
        for row in Self.sampleRows {
            #expect(!row.module.isEmpty && !row.distribution.isEmpty, "line \(row.line) is incomplete")
            let special = row.distribution.hasPrefix("(")
            #expect(!special || ["(stdlib)", "(local)"].contains(row.distribution), "line \(row.line): unknown marker \(row.distribution)")
            #expect(special || DistributionName.isValid(row.distribution), "line \(row.line): \(row.distribution)")
        }
        #expect(Self.sampleRows.contains { $0.module == "sklearn" && $0.distribution == "scikit-learn" })
        #expect(Self.sampleRows.contains { $0.distribution == "(stdlib)" })
        #expect(Self.sampleRows.contains { $0.distribution == "(local)" })
    }

    @Test("every sample row resolves as the sample says", arguments: sampleRows)
    func sampleRow(row: SampleRow) throws {
        // An environment where every distribution in the sample is installed at 1.0, so that
        // the resolver's answer depends only on the table, the stdlib list and the folder.
        let names = Self.sampleRows.map(\.distribution).filter { !$0.hasPrefix("(") }
        let environment = FakeEnvironment(versions: Dictionary(uniqueKeysWithValues: Set(names.map(DistributionName.normalize)).map { ($0, "1.0") }))
        let result = Fixtures.resolver(environment).resolve(RequirementsInput(
            imports: [ImportedModule(row.module, at: Fixtures.cell(2))],
            pythonVersion: Fixtures.py311, notebookDirectory: TestPaths.notebookDirectory
        ))
        let resolution = try #require(result.imports.first?.resolution)
        switch row.distribution {
        case "(stdlib)":
            #expect(resolution == .standardLibrary)
            #expect(result.requirements.isEmpty)
        case "(local)":
            #expect(resolution == .local(LocalModule(importName: row.module, path: row.module + ".py")))
            #expect(result.requirements.isEmpty)
        default:
            let expected = DistributionName.normalize(row.distribution)
            #expect(resolution == .distribution(name: expected, via: .table))
            #expect(result.requirements.map(\.line) == ["\(expected)==1.0"])
            #expect(result.diagnostics.isEmpty)
            // The table's own row names the same distribution: the answer is curated, and an
            // environment that provides the module from elsewhere could not change it.
            let entry = try #require(Fixtures.importMap.entry(for: row.module))
            #expect(entry.distribution.map(DistributionName.normalize) == expected)
            let elsewhere = Fixtures.resolver(FakeEnvironment(versions: ["impostor": "9.9", expected: "2.0"], providers: [row.module: ["impostor"]]))
                .resolve(RequirementsInput(imports: [ImportedModule(row.module)], pythonVersion: Fixtures.py311))
            #expect(elsewhere.imports.first?.resolution == .distribution(name: expected, via: .table))
            #expect(elsewhere.requirements.map(\.line) == ["\(expected)==2.0"])
        }
    }

    @Test("the sample's import names that are dummies or unrelated projects on PyPI never become requirements",
          arguments: ["sklearn", "bs4", "skimage", "attr", "dateutil", "Bio", "slugify", "kafka", "websocket"])
    func dummyNamesNeverEmitted(module: String) throws {
        let row = try #require(Self.sampleRows.first { $0.module == module })
        let environment = FakeEnvironment(versions: [DistributionName.normalize(row.distribution): "1.0", DistributionName.normalize(module): "1.0"])
        let result = Fixtures.resolver(environment).resolve(RequirementsInput(imports: [ImportedModule(module)], pythonVersion: Fixtures.py311))
        #expect(result.requirements.map(\.name) == [DistributionName.normalize(row.distribution)])
        #expect(!result.requirements.map(\.name).contains(DistributionName.normalize(module)))
    }

    @Test("the longest dotted prefix wins", arguments: [
        ("google.cloud.storage", "google-cloud-storage"), ("google.cloud.storage.blob", "google-cloud-storage"),
        ("google.cloud.bigquery", "google-cloud-bigquery"), ("google.cloud.bigquery_storage", "google-cloud-bigquery-storage"),
        ("google.cloud.bigquery_storage_v1", "google-cloud-bigquery-storage"), ("google.protobuf.json_format", "protobuf"),
        ("mpl_toolkits.mplot3d", "matplotlib"), ("mpl_toolkits.basemap", "basemap"), ("sklearn.model_selection", "scikit-learn"),
        ("PIL.Image", "pillow"), ("azure.storage.blob", "azure-storage-blob"), ("ruamel.yaml.comments", "ruamel.yaml"),
        ("cv2", "opencv-python-headless"), ("yaml", "PyYAML"), ("attr", "attrs"), ("psycopg2.extras", "psycopg2-binary"),
    ])
    func longestPrefix(module: String, distribution: String) throws {
        let entry = Fixtures.importMap.entry(for: module)
        #expect(entry?.distribution == distribution)
    }

    @Test("prefixes match whole dotted parts, case-sensitively", arguments: ["sklearnx", "google", "google.cloud", "azure", "azure.storage", "PILLOW", "Sklearn", "torchx.nn"])
    func wholeParts(module: String) {
        let entry = Fixtures.importMap.entry(for: module)
        #expect(entry == nil)
    }

    @Test("the table covers data-science imports with several hundred rows")
    func coverage() {
        #expect(Fixtures.importMap.entries.count >= 400)
        for module in [
            "numpy", "pandas", "scipy", "sklearn", "statsmodels", "matplotlib", "seaborn", "plotly", "bokeh", "altair",
            "torch", "torchvision", "torchaudio", "tensorflow", "keras", "jax", "flax", "optax", "xgboost", "lightgbm",
            "catboost", "transformers", "datasets", "tokenizers", "sentence_transformers", "huggingface_hub", "nltk",
            "spacy", "gensim", "cv2", "PIL", "skimage", "imageio", "requests", "httpx", "bs4", "lxml", "sqlalchemy",
            "psycopg2", "pymysql", "boto3", "google.cloud.storage", "azure.storage.blob", "mlflow", "wandb", "optuna",
            "hyperopt", "shap", "lime", "pyarrow", "polars", "dask", "duckdb", "joblib", "tqdm", "click", "typer",
            "fastapi", "pydantic", "uvicorn", "flask", "graphviz", "networkx", "sympy", "mglearn", "mlxtend",
            "palmerpenguins", "imblearn", "patsy", "IPython", "zmq", "yaml", "dateutil", "attr", "Crypto", "Cryptodome",
        ] {
            #expect(Fixtures.importMap.entry(for: module)?.distribution != nil, "\(module) is in the table")
        }
    }

    @Test("no table row is shadowed by the standard library, except distutils (3.12+ only)")
    func noStdlibRows() {
        for entry in Fixtures.importMap.entries where entry.importPrefix != "distutils" {
            for version in PythonVersion.supported {
                #expect(!Fixtures.standardLibrary.contains(entry.importPrefix, in: version), "\(entry.importPrefix) in \(version)")
            }
        }
    }

    @Test("each group of the table file is sorted by import, case-insensitively")
    func groupsSorted() throws {
        let text = try String(contentsOf: EmbeddedTablesTests.resources.appendingPathComponent("import-map.tsv"), encoding: .utf8)
        var groups: [(title: String, imports: [String])] = []
        for line in text.split(separator: "\n") {
            if line.hasPrefix("# ---") {
                groups.append((String(line), []))
            } else if !line.hasPrefix("#"), !groups.isEmpty {
                groups[groups.count - 1].imports.append(String(line.split(separator: "\t")[0]))
            }
        }
        #expect(groups.count >= 20)
        #expect(groups.map(\.imports.count).reduce(0, +) == Fixtures.importMap.entries.count)
        for group in groups {
            let sorted = group.imports.sorted { ($0.lowercased(), $0) < ($1.lowercased(), $1) }
            let first = zip(group.imports, sorted).first { $0 != $1 }
            #expect(first == nil, "\(group.title): '\(first?.0 ?? "")' is out of order (expected '\(first?.1 ?? "")' there)")
        }
    }

    @Test("an invalid table is refused with its line")
    func invalidTable() {
        let text = "import\tdistribution\tnote\nnumpy\tnumpy\nfoo\tnot a name\n"
        #expect {
            try ImportMap(tsv: text, path: "t.tsv")
        } throws: { error in
            (error as? DiagnosticError)?.diagnostic.location?.line == 3
        }
        #expect(throws: DiagnosticError.self) { try ImportMap(tsv: "import\tdistribution\nx\tx\nx\ty\n") }
        #expect(throws: DiagnosticError.self) { try ImportMap(tsv: "import\tdistribution\nx\t\n") }
    }
}
