import Diagnostics
import Testing
@testable import Requirements

@Suite("resolving requirements")
struct ResolverTests {
    static let environment = FakeEnvironment(
        versions: ["numpy": "1.26.4", "pandas": "2.2.0", "scikit-learn": "1.3.2", "pillow": "10.2.0", "seaborn": "0.12.2",
                   "opencv-python": "4.9.0.80", "torch": "2.1.0+cpu", "tqdm": "4.66.1", "acme-internal": "0.3.0", "protobuf": "4.25.1",
                   "rc-lib": "2.0rc1"],
        providers: ["acme_internal.core": ["acme-internal"], "google.cloud.firestore": ["google-cloud-core", "google-cloud-firestore"],
                    "cv2": ["opencv-python"]]
    )

    func resolve(
        _ imports: [ImportedModule], specs: [StatedRequirement] = [], overrides: [StatedRequirement] = [],
        python: PythonVersion = Fixtures.py311, directory: String? = nil, environment: FakeEnvironment = environment
    ) -> ResolvedRequirements {
        Fixtures.resolver(environment).resolve(RequirementsInput(
            imports: imports, installSpecs: specs, overrides: overrides, pythonVersion: python, notebookDirectory: directory
        ))
    }

    @Test("a typical notebook: stdlib out, table names in, installed versions pinned and sorted")
    func typical() {
        let result = resolve([
            ImportedModule("pandas"), ImportedModule("os"), ImportedModule("sklearn.model_selection"), ImportedModule("numpy"),
            ImportedModule("sklearn.linear_model"), ImportedModule("PIL.Image"), ImportedModule("json"), ImportedModule("numpy"),
        ])
        #expect(result.diagnostics.isEmpty)
        #expect(result.requirements.map(\.line) == ["numpy==1.26.4", "pandas==2.2.0", "pillow==10.2.0", "scikit-learn==1.3.2"])
        #expect(result.requirements.first { $0.name == "scikit-learn" }?.imports == ["sklearn.model_selection", "sklearn.linear_model"])
        #expect(result.requirements.allSatisfy { $0.source == .environment })
        #expect(result.imports.count == 7)
    }

    @Test("the environment is asked once, with every name at once; the table's own modules only for a missing one's note")
    func asksOnce() throws {
        let environment = FakeEnvironment(versions: ["numpy": "1.26.4", "pandas": "2.2.0", "seaborn": "0.13.2"])
        _ = resolve([ImportedModule("numpy"), ImportedModule("pandas"), ImportedModule("mystery")], specs: [StatedRequirement("seaborn")], environment: environment)
        #expect(environment.queries.count == 1)
        let query = try #require(environment.queries.first)
        #expect(query.distributions == ["numpy", "pandas", "seaborn"])
        #expect(query.modules == ["mystery"], "modules the table maps are not asked for: finding providers is the slow part")

        let missing = FakeEnvironment(versions: ["numpy": "1.26.4"])
        _ = resolve([ImportedModule("numpy"), ImportedModule("pandas")], specs: [StatedRequirement("seaborn")], environment: missing)
        #expect(missing.queries.count == 2, "a second question, for the note of the missing one")
        #expect(missing.queries.last?.modules == ["pandas"])
    }

    @Test("an unknown import is an error that names it and its cell and suggests --require")
    func unknownImport() throws {
        let result = resolve([ImportedModule("numpy"), ImportedModule("frobnicate.tools", at: Fixtures.cell(4, line: 2))])
        let error = try #require(result.diagnostics(withID: "requirements.unknown-import").first)
        #expect(error.severity == .error)
        #expect(error.message.contains("'frobnicate.tools'"))
        #expect(error.location?.cell == 4)
        #expect(error.notes.contains { $0.contains("--require NAME==VERSION") })
        #expect(DiagnosticRenderer(colour: false).render(error).hasPrefix("analysis.ipynb:cell_4:2:1: error: cannot tell which distribution provides 'frobnicate.tools'"))
        #expect(result.hasErrors)
        // Never guessed: no requirement named after the import.
        #expect(result.requirements.map(\.name) == ["numpy"])
    }

    @Test("an import only the environment knows is pinned from it, with a note")
    func fromEnvironment() throws {
        let result = resolve([ImportedModule("acme_internal.core", at: Fixtures.cell(1))])
        #expect(result.requirements.map(\.line) == ["acme-internal==0.3.0"])
        #expect(result.imports.first?.resolution == .distribution(name: "acme-internal", via: .environment))
        let note = try #require(result.diagnostics.first)
        #expect(note.id == "requirements.not-in-table")
        #expect(note.severity == .note)
        #expect(!result.hasErrors)
    }

    @Test("an import several installed distributions provide is an error")
    func ambiguous() throws {
        let result = resolve([ImportedModule("google.cloud.firestore")].map { ImportedModule($0.name, at: Fixtures.cell(0)) }, environment: FakeEnvironment(
            providers: ["google.cloud.firestore": ["google-cloud-core", "google-cloud-firestore"]]
        ))
        // google.cloud.firestore is in the table, so the table decides, not the environment.
        #expect(result.imports.first?.resolution == .distribution(name: "google-cloud-firestore", via: .table))
        let other = resolve([ImportedModule("google.cloud.unlisted")], environment: FakeEnvironment(
            providers: ["google.cloud.unlisted": ["google-cloud-a", "google-cloud-b"]]
        ))
        let error = try #require(other.diagnostics(withID: "requirements.ambiguous-import").first)
        #expect(error.message.contains("google-cloud-a, google-cloud-b"))
        #expect(other.requirements.isEmpty)
    }

    @Test("in the table but not installed and not pinned is an error naming the distribution")
    func notInstalled() throws {
        let result = resolve([ImportedModule("xgboost", at: Fixtures.cell(3))])
        let error = try #require(result.diagnostics(withID: "requirements.not-installed").first)
        #expect(error.message == "xgboost (imported as 'xgboost') is not installed in the python environment and has no pinned version")
        #expect(error.notes.first == "install it with 'pip install xgboost' in the --python environment, or pin it with --require xgboost==VERSION")
        #expect(error.location?.cell == 3)
        #expect(result.requirements.isEmpty)
    }

    @Test("an equivalent distribution's version is used when the table's is not installed")
    func equivalents() {
        let result = resolve([ImportedModule("cv2")])
        #expect(result.diagnostics.isEmpty)
        #expect(result.requirements.map(\.line) == ["opencv-python-headless==4.9.0.80"])
    }

    @Test("a stated drop-in replaces the table's distribution instead of adding a second one")
    func statedEquivalent() {
        let result = resolve([ImportedModule("cv2"), ImportedModule("psycopg2")], specs: [StatedRequirement("opencv-python==4.8.0.76"), StatedRequirement("psycopg2==2.9.9")])
        #expect(result.diagnostics.isEmpty)
        #expect(result.requirements.map(\.line) == ["opencv-python==4.8.0.76", "psycopg2==2.9.9"])
        #expect(result.imports.map(\.resolution) == [.distribution(name: "opencv-python", via: .stated), .distribution(name: "psycopg2", via: .stated)])
    }

    @Test("pins from the notebook win over the installed version")
    func notebookPinWins() {
        let result = resolve([ImportedModule("pandas"), ImportedModule("numpy")], specs: [StatedRequirement("pandas==2.1.4", at: Fixtures.cell(0))])
        #expect(result.diagnostics.isEmpty)
        #expect(result.requirements.map(\.line) == ["numpy==1.26.4", "pandas==2.1.4"])
        #expect(result.requirements.map(\.source) == [.environment, .notebook])
    }

    @Test("a pin for a distribution the environment lacks is enough")
    func pinWithoutInstall() {
        let result = resolve([ImportedModule("xgboost")], specs: [StatedRequirement("xgboost==2.0.3")])
        #expect(result.diagnostics.isEmpty)
        #expect(result.requirements.map(\.line) == ["xgboost==2.0.3"])
    }

    @Test("a range the installed version satisfies pins the installed version")
    func rangeSatisfied() {
        let result = resolve([ImportedModule("sklearn")], specs: [StatedRequirement("scikit-learn>=1.3"), StatedRequirement("scikit-learn<2")])
        #expect(result.diagnostics.isEmpty)
        #expect(result.requirements.map(\.line) == ["scikit-learn==1.3.2"])
        #expect(result.requirements.first?.source == .environment)
    }

    @Test("a range conflicting with the installed version is an error")
    func rangeConflict() throws {
        let result = resolve([ImportedModule("pandas")], specs: [StatedRequirement("pandas>=2.3,<3", at: Fixtures.cell(1, line: 2))])
        let error = try #require(result.diagnostics(withID: "requirements.version-conflict").first)
        #expect(error.message == "the installed pandas 2.2.0 does not satisfy 'pandas>=2.3,<3' from the notebook")
        #expect(error.location == Fixtures.cell(1, line: 2))
        #expect(result.requirements.isEmpty)
    }

    @Test("a range conflicting with the notebook's own pin is an error")
    func pinConflictsWithRange() {
        let result = resolve([ImportedModule("numpy")], specs: [StatedRequirement("numpy==1.24.0"), StatedRequirement("numpy>=1.25")])
        #expect(result.diagnostics(withID: "requirements.version-conflict").count == 1)
    }

    @Test("two different pins are an error; the same pin twice is not")
    func conflictingPins() {
        let twice = resolve([ImportedModule("numpy")], specs: [StatedRequirement("numpy==1.26.4"), StatedRequirement("numpy==1.26.4.0")])
        #expect(twice.diagnostics.isEmpty)
        #expect(twice.requirements.map(\.line) == ["numpy==1.26.4"])
        let different = resolve([ImportedModule("numpy")], specs: [StatedRequirement("numpy==1.26.4"), StatedRequirement("numpy==1.25.0")])
        #expect(different.diagnostics(withID: "requirements.conflicting-pins").count == 1)
        #expect(different.requirements.isEmpty)
    }

    @Test("installed pre-releases satisfy ranges as pip treats installed versions")
    func installedPrerelease() {
        let result = resolve([], specs: [StatedRequirement("rc-lib>=1.0")])
        #expect(result.requirements.map(\.line) == ["rc-lib==2.0rc1"])
    }

    @Test("--require overrides win over notebook pins and the environment, and resolve unknown imports by name")
    func overrides() {
        let result = resolve(
            [ImportedModule("pandas"), ImportedModule("my_private_lib")],
            specs: [StatedRequirement("pandas==2.1.4")],
            overrides: [StatedRequirement("pandas==2.0.3"), StatedRequirement("my-private-lib==1.2")]
        )
        #expect(result.diagnostics.isEmpty)
        #expect(result.requirements.map(\.line) == ["my-private-lib==1.2", "pandas==2.0.3"])
        #expect(result.requirements.map(\.source) == [.override, .override])
    }

    @Test("an override that is not one version is refused")
    func overrideNotPinned() throws {
        let result = resolve([ImportedModule("pandas")], overrides: [StatedRequirement("pandas>=2")])
        let error = try #require(result.diagnostics(withID: "requirements.override-not-pinned").first)
        #expect(error.notes == ["write it as --require pandas==VERSION"])
        // The installed version still serves.
        #expect(result.requirements.map(\.line) == ["pandas==2.2.0"])
    }

    @Test("install specs: extras kept, options skipped, invalid specs reported, stated-only names included")
    func installSpecs() throws {
        let result = resolve(
            [ImportedModule("torch")],
            specs: [StatedRequirement("-q"), StatedRequirement("--upgrade"), StatedRequirement("torch[cuda]"),
                    StatedRequirement("tqdm"), StatedRequirement("bad name!!", at: Fixtures.cell(0))]
        )
        #expect(result.requirements.map(\.line) == ["torch[cuda]==2.1.0+cpu", "tqdm==4.66.1"])
        let invalid = try #require(result.diagnostics(withID: "requirements.invalid-spec").first)
        #expect(invalid.location?.cell == 0)
    }

    @Test("installing an import name that is not the distribution's name is a warning", arguments: [
        ("sklearn", "scikit-learn"), ("attr", "attrs"), ("bs4", "beautifulsoup4"), ("yaml", "pyyaml"),
    ])
    func importNameInstalled(written: String, distribution: String) throws {
        let result = resolve([], specs: [StatedRequirement("\(written)==1.0", at: Fixtures.cell(0))])
        let warning = try #require(result.diagnostics(withID: "requirements.import-name-installed").first)
        #expect(warning.message == "'\(written)' is an import name; the distribution that provides it is '\(distribution)'")
        #expect(warning.severity == .warning)
        // What the notebook wrote is kept, never silently replaced.
        #expect(result.requirements.map(\.line) == ["\(DistributionName.normalize(written))==1.0"])
    }

    @Test("identity rows and distribution names are not flagged", arguments: ["numpy==1.26.4", "scikit-learn==1.3.2", "Pillow==10.2.0", "google-cloud-storage==2.14.0"])
    func realDistributionNames(spec: String) {
        let result = resolve([], specs: [StatedRequirement(spec)])
        #expect(result.diagnostics(withID: "requirements.import-name-installed").isEmpty)
    }

    @Test("URL and VCS specs are kept; an unpinned one is a warning")
    func urls() throws {
        let commit = "0123456789abcdef0123456789abcdef01234567"
        let pinned = resolve([ImportedModule("mylib")], specs: [StatedRequirement("git+https://github.com/org/mylib.git@\(commit)#egg=mylib")])
        #expect(pinned.diagnostics.isEmpty)
        #expect(pinned.requirements.map(\.line) == ["mylib @ git+https://github.com/org/mylib.git@\(commit)"])
        let floating = resolve([], specs: [StatedRequirement("mylib @ git+https://github.com/org/mylib.git@main")])
        #expect(floating.diagnostics.map(\.id) == ["requirements.unpinned-url"])
    }

    @Test("modules no index provides are errors quoting the table's note")
    func notInstallable() throws {
        let result = resolve([ImportedModule("google.colab.drive", at: Fixtures.cell(0))])
        let error = try #require(result.diagnostics(withID: "requirements.not-installable").first)
        #expect(error.notes == ["only exists inside Google Colab: keep it out of production code"])
        #expect(result.diagnostics.count == 1)
    }

    @Test("an environment that cannot be read is one error, and nothing is guessed")
    func environmentFailure() {
        let failing = FakeEnvironment(failure: DiagnosticError(.error("requirements.environment-failed", "cannot read installed versions: boom")))
        let result = resolve([ImportedModule("numpy")], environment: failing)
        #expect(result.diagnostics.map(\.id) == ["requirements.environment-failed"])
        #expect(result.requirements.isEmpty)
    }

    @Test("a different interpreter version is a warning")
    func pythonMismatch() {
        let result = resolve([ImportedModule("numpy")], python: PythonVersion(3, 12))
        #expect(result.diagnostics.map(\.id) == ["requirements.python-mismatch"])
        #expect(result.requirements.map(\.line) == ["numpy==1.26.4"])
    }

    @Test("local modules next to the notebook are local, never requirements", arguments: [
        ("helpers", "helpers.py"), ("helpers.sub", "helpers.py"), ("utils", "utils/"), ("utils.plotting", "utils/"),
    ])
    func localModules(module: String, path: String) {
        let result = resolve([ImportedModule(module)], directory: TestPaths.notebookDirectory)
        #expect(result.imports.first?.resolution == .local(LocalModule(importName: module, path: path)))
        #expect(result.localModules == [LocalModule(importName: module, path: path)])
        #expect(result.requirements.isEmpty)
        #expect(result.diagnostics.isEmpty)
    }

    @Test("relative imports are local")
    func relativeImports() {
        let result = resolve([ImportedModule(".helpers"), ImportedModule("..missing")], directory: TestPaths.notebookDirectory)
        #expect(result.localModules == [LocalModule(importName: "..missing", path: nil), LocalModule(importName: ".helpers", path: "helpers.py")])
        #expect(result.diagnostics.isEmpty)
    }

    @Test("a folder without __init__.py or a data file is not a local module")
    func notLocal() {
        let result = resolve([ImportedModule("nopkg"), ImportedModule("datafiles"), ImportedModule("numpy")], directory: TestPaths.notebookDirectory)
        #expect(result.localModules.isEmpty)
        #expect(result.diagnostics(withID: "requirements.unknown-import").count == 2)
        #expect(result.requirements.map(\.line) == ["numpy==1.26.4"])
    }

    @Test("a local file shadows the table, as sys.path[0] does in Jupyter")
    func localShadowsTable() {
        let result = resolve([ImportedModule("helpers")], directory: TestPaths.notebookDirectory)
        #expect(result.requirements.isEmpty)
        let elsewhere = resolve([ImportedModule("helpers")], directory: nil)
        #expect(elsewhere.diagnostics(withID: "requirements.unknown-import").count == 1)
    }
}
