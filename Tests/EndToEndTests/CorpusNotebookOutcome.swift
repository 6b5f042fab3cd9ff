/// One corpus notebook's trip through `nbship convert` and the generated project's own checks.
struct CorpusNotebookOutcome: Sendable, Equatable {
    /// The notebook's path below `corpus/notebooks`.
    var notebook: String
    /// The generated package's name (from `convert --format json`), when it converted.
    var package: String?
    var convert: CorpusStep = .skipped
    /// `python -m PKG.train` from another working directory.
    var train: CorpusStep = .skipped
    /// `python -m PKG.inference` from another working directory, after train.
    var inference: CorpusStep = .skipped
    /// `python -m pytest -q` in the project, after train.
    var pytest: CorpusStep = .skipped
    /// `ruff check --isolated` over the whole project.
    var ruff: CorpusStep = .skipped
    /// hadolint at any severity on the Dockerfile.
    var hadolint: CorpusStep = .skipped
    /// `scripts/unbound-globals.py` (CPython's `symtable`) over `src/PKG/*.py`.
    var unboundGlobals: CorpusStep = .skipped
    /// ruff findings on lines the notebook's author wrote (reported, not failed).
    var notebookCodeFindings: [String] = []
    /// The notebook whose outputs became the checks: the reference run `*.executed_*.ipynb`
    /// (`convert --results-from`), or the notebook itself when it has none (issue 11).
    var resultsFrom: String = ""
    /// Recorded values that became checks in `tests/test_notebook_results.py` (all, by range).
    var checks: Int = 0
    var rangeChecks: Int = 0
    /// Whether the converted notebook has saved outputs.
    var hasOutputs = false
    /// Whether pytest reported a failure in tests/test_notebook_results.py (or did not finish).
    var resultsFailed = false
    /// `verify.unseeded-random` warnings convert gave.
    var unseededDraws: Int = 0
    /// Wall time of all the steps.
    var seconds: Double = 0

    /// Converted, trained, inference ran and its tests passed: what the ≥ 90 % rate counts.
    var pipelineOK: Bool { convert.isOK && train.isOK && inference.isOK && pytest.isOK }

    /// Converted, and both linters reported nothing on the project.
    var lintClean: Bool { convert.isOK && ruff.isOK && hadolint.isOK }

    /// Converted, and no generated module reads a global that nothing binds.
    var globalsBound: Bool { convert.isOK && unboundGlobals.isOK }

    /// Every step in table order, with its column name.
    var steps: [(String, CorpusStep)] {
        [("convert", convert), ("train", train), ("inference", inference), ("pytest", pytest),
         ("ruff", ruff), ("hadolint", hadolint), ("symtable", unboundGlobals)]
    }

    /// The first pipeline step's reason, else the first linter's: the table's last column.
    var lastError: String {
        guard let (name, step) = steps.first(where: { $0.1.reason != nil }), let reason = step.reason else { return "" }
        return "\(name): \(reason)"
    }

    /// The same outcome with `text` replaced in every step's reason.
    func replacingInReasons(_ text: String, with replacement: String) -> CorpusNotebookOutcome {
        var copy = self
        copy.convert = convert.replacing(text, with: replacement)
        copy.train = train.replacing(text, with: replacement)
        copy.inference = inference.replacing(text, with: replacement)
        copy.pytest = pytest.replacing(text, with: replacement)
        copy.ruff = ruff.replacing(text, with: replacement)
        copy.hadolint = hadolint.replacing(text, with: replacement)
        copy.unboundGlobals = unboundGlobals.replacing(text, with: replacement)
        return copy
    }
}
