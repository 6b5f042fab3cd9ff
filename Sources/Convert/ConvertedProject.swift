import Diagnostics
import Emit
import Refactor
import Requirements
import Verify

/// What ``Converter`` makes of a notebook: the generated files and the files to copy, with
/// the plan and pins they came from. Nothing is written yet.
public struct ConvertedProject: Sendable {
    /// The project plan (modules, functions, config, artifacts).
    public var plan: ProjectPlan
    /// The pins, split by what needs them.
    public var requirements: ProjectRequirements
    /// The rendered files, sorted by path.
    public var files: [GeneratedFile]
    /// Files copied as they are (data, local modules), sorted by path.
    public var copies: [FileCopy]
    /// Notes, warnings and errors from planning and pinning, in notebook order.
    public var diagnostics: [Diagnostic]
    /// The notebook's recorded values and how the project's tests check them.
    public var results: NotebookResults

    /// Creates a converted project.
    public init(plan: ProjectPlan, requirements: ProjectRequirements, files: [GeneratedFile], copies: [FileCopy], diagnostics: [Diagnostic],
                results: NotebookResults = NotebookResults()) {
        self.plan = plan
        self.requirements = requirements
        self.files = files
        self.copies = copies
        self.diagnostics = diagnostics
        self.results = results
    }

    /// Whether any diagnostic is an error (then nothing should be written).
    public var hasErrors: Bool {
        diagnostics.contains { $0.severity == .error }
    }
}
