/// The **plan** stage's output: the generated Python package, fully resolved so a template
/// without logic can render it (every signature, call and import line is already written out).
///
/// Built by ``ProjectPlanner/plan(_:options:)`` from a ``NotebookPlan``.
public struct ProjectPlan: Sendable, Equatable, Codable {
    /// The notebook's path, as the user gave it.
    public var notebook: String
    /// The import package name (`churn_model`), PEP 8 and PEP 503 safe.
    public var packageName: String
    /// The distribution name for `pyproject.toml` (`churn-model`).
    public var distributionName: String
    /// Configuration: the literals lifted from the notebook and the data files it reads.
    public var config: ProjectConfig
    /// The modules besides `config`, in pipeline order: `common` (only when needed), `data`,
    /// `model`, `train` (which also holds `evaluate`) and `inference`. Every one is listed,
    /// even when the notebook has no code for it (`isEmpty` then says so).
    public var modules: [ProjectModule]
    /// What `train.main()` runs: data → model → train → evaluate, then the artifacts saved.
    public var trainMain: PipelineRun
    /// What `inference.main()` runs: the artifacts loaded, the inputs computed, `predict_sample`
    /// called; without inference code, `predict(model, X[:5])` on the model input computed from
    /// scratch (``modelInput``).
    public var inferenceMain: PipelineRun
    /// Values train saves and inference loads (the trained model first).
    public var artifacts: [ModelArtifact]
    /// The exploration code, kept for `notebooks/explore.ipynb`.
    public var exploration: [ExplorationCell]
    /// Requirements the notebook states (`!pip install …`).
    public var requirements: [RequirementHint]
    /// What the saved model is fitted on, when the planner can tell (`nil` otherwise).
    public var modelInput: ModelInput?
    /// How a raw record of the data file becomes the model's input (`prepare_features`), when
    /// the notebook's feature code can be replayed on rows (`nil` otherwise).
    public var featurePreparation: FeaturePreparation?
    /// The scores evaluation cells displayed, kept in `metrics` and saved to
    /// `artifacts/metrics.json` by `train.main()`.
    public var metrics: [PlanMetric]

    /// Creates a plan.
    public init(notebook: String, packageName: String, distributionName: String, config: ProjectConfig, modules: [ProjectModule],
                trainMain: PipelineRun, inferenceMain: PipelineRun, artifacts: [ModelArtifact], exploration: [ExplorationCell],
                requirements: [RequirementHint], modelInput: ModelInput? = nil, featurePreparation: FeaturePreparation? = nil,
                metrics: [PlanMetric] = []) {
        self.notebook = notebook
        self.packageName = packageName
        self.distributionName = distributionName
        self.config = config
        self.modules = modules
        self.trainMain = trainMain
        self.inferenceMain = inferenceMain
        self.artifacts = artifacts
        self.exploration = exploration
        self.requirements = requirements
        self.modelInput = modelInput
        self.featurePreparation = featurePreparation
        self.metrics = metrics
    }

    /// The module with a name (`data`, `train`, …), if the plan has it.
    /// - Parameter name: The module name.
    /// - Returns: The module.
    public func module(named name: String) -> ProjectModule? {
        modules.first { $0.name == name }
    }

    /// Every stage function, in pipeline order.
    public var functions: [StageFunction] {
        modules.flatMap(\.functions)
    }
}
