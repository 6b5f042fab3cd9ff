import Requirements
import Verify

/// Choices for ``Converter``: everything `nbship convert` takes besides the notebook.
public struct ConvertOptions: Sendable, Equatable {
    /// The import package name; `nil` derives it from the notebook's file name.
    public var packageName: String?
    /// The Python version the project targets (the `--python` interpreter's).
    public var pythonVersion: PythonVersion
    /// `--require NAME==VERSION` values: exact pins that win over everything else.
    public var requires: [String]
    /// The base image for the Dockerfile; `nil` picks the pinned slim image of
    /// ``pythonVersion`` (see ``BaseImageChoice``).
    public var baseImage: String?
    /// Whether a `requirements.lock` is written (the Dockerfile then installs it with
    /// `--require-hashes`).
    public var lock: Bool
    /// Data files larger than this are referenced, not copied (bytes).
    public var copyLimit: Int
    /// `--local PATH` values: modules (`helpers.py`) or packages (`utils/`) the notebook imports,
    /// copied into the project, as absolute paths or relative to the working directory.
    public var locals: [String] = []
    /// `--results-from RUN.ipynb`: another run of the notebook whose outputs are the values the
    /// project's tests check (`nil`: the notebook's own outputs).
    public var resultsFrom: RecordedRun?
    /// The nbship release the generated CI workflow builds to run `nbship lint`.
    public var nbshipVersion = "0.1.0"

    /// Creates options.
    /// - Parameters:
    ///   - packageName: An explicit package name.
    ///   - pythonVersion: The target Python version.
    ///   - requires: `--require` pins.
    ///   - baseImage: An explicit base image reference.
    ///   - lock: Whether a lock file is written.
    ///   - copyLimit: The largest data file copied, in bytes (default 50 MiB).
    public init(packageName: String? = nil, pythonVersion: PythonVersion, requires: [String] = [], baseImage: String? = nil,
                lock: Bool = false, copyLimit: Int = 50 << 20) {
        self.packageName = packageName
        self.pythonVersion = pythonVersion
        self.requires = requires
        self.baseImage = baseImage
        self.lock = lock
        self.copyLimit = copyLimit
    }
}
