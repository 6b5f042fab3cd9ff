import Diagnostics

/// The **plan** stage: classified cells (``NotebookPlan``) → ``ProjectPlan``.
///
/// Each top-level statement of a code cell is given a place: an import of the module that
/// uses it, a `config` constant, a function or class moved whole (or a global that functions
/// read, lifted to module level), a line of a stage function, or the exploration notebook
/// (plots, displays, bare values, and whole exploration cells). Values that cross functions
/// become return values and parameters (closest earlier definition; an in-place change and
/// `x += 1` count as a definition, and the latter as a read); literal constants and the data
/// files the notebook reads become configuration; the trained model becomes an artifact.
///
/// Each stage becomes one function (`load_data`, `build_model`, `train`, `evaluate`,
/// `predict_sample`) when its statements are contiguous in the notebook (exploration in between
/// does not count); a stage whose cells alternate with another's gets one function per run
/// (`load_data_2`), and `main()` calls them in notebook order. `evaluate` lives in
/// `train.py`. The same notebook always gives the same plan.
///
/// The dataflow is a chain of pure passes, each with its own value type:
/// statements → ``DefUseGraph`` (every read linked to the definition that reaches it; an
/// in-place change is a definition) → ``StageDataflow`` (segments, each stage function's
/// parameters exactly the values it reads from other stages, its returns exactly what later
/// ones read) → ``PipelineSlices`` (the served model, its input and the metrics, with what
/// each depends on) → the modules of the ``ProjectPlan``. Placing statements, configuration,
/// data files and renames still happens on the builder before the graph is built.
///
/// ```swift
/// let plan = Planner().plan(notebook, path: "churn.ipynb")
/// let (project, diagnostics) = ProjectPlanner().plan(plan, options: .init(notebookDirectory: "."))
/// project.module(named: "train")?.functions.first?.signature  // "def train(X_train, y_train):"
/// ```
public struct ProjectPlanner: Sendable {
    /// Creates a planner.
    public init() {}

    /// Plans the project a notebook becomes.
    /// - Parameters:
    ///   - plan: The notebook's plan (lowered, analysed and classified cells).
    ///   - options: The package name and the notebook's folder.
    /// - Returns: The project plan and what could not be carried over faithfully
    ///   (`project.*` diagnostics, in cell order).
    public func plan(_ plan: NotebookPlan, options: ProjectPlanOptions = ProjectPlanOptions()) -> (ProjectPlan, [Diagnostic]) {
        let builder = PlanBuilder(plan: plan, options: options)
        builder.collectPieces()
        builder.chooseConfig()
        builder.liftSharedGlobals()
        builder.findDataFiles()
        builder.versionRedefinitions()
        builder.parameteriseStageGlobals()
        builder.walkDataflow()
        let project = builder.assemble()
        return (project, builder.sortedDiagnostics())
    }
}
