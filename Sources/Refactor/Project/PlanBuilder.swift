import Diagnostics
import PythonSyntax

/// The mutable state of one ``ProjectPlanner/plan(_:options:)`` run, filled in stage by stage
/// (see the `PlanBuilder+…` files).
final class PlanBuilder {
    typealias Provider = ValueProvider
    typealias FunctionState = StageSegment
    typealias DefinitionState = DefinitionReads

    let plan: NotebookPlan
    let options: ProjectPlanOptions
    var stageOf: [Int: Stage] = [:]
    var sources: [CellSource] = []
    var pieces: [PlanPiece] = []
    var diagnostics: [Diagnostic] = []
    /// Whole exploration cells and split-off exploration statements, by cell.
    var explorationSources: [Int: [String]] = [:]
    var explorationInputs: [Int: [String: Int]] = [:]
    var configEntries: [ConfigEntry] = []
    var dataFiles: [DataFile] = []
    /// Edits per cell source (data path literals replaced by config names, `return` inserted).
    var edits: [Int: [CellSource.Edit]] = [:]
    /// Config names a piece reads because a literal in it was replaced by one.
    var usedConfigInPiece: [Int: Set<String>] = [:]
    /// Every name bound anywhere in the notebook, which stage function names must avoid.
    var boundNames: Set<String> = []
    /// One function per segment: a run of consecutive pipeline statements of one stage
    /// (exploration in between does not break a run). A stage whose cells are interleaved with
    /// another stage's gets several functions (`load_data`, `load_data_2`), called in notebook
    /// order, so every value is the one the notebook had at that point.
    var functions: [FunctionState] = []
    /// The segment of each function piece.
    var segmentOfPiece: [Int: Int] = [:]
    var definitions: [DefinitionState] = []
    /// Project names of definitions the notebook defines again (`objective_2`), by piece.
    var renamedDefinitions: [Int: String] = [:]
    /// Names a piece reads besides its facts' (globals passed to moved functions by keyword).
    var extraReads: [Int: Set<String>] = [:]
    /// Names a piece's facts read that it no longer reads (globals that became parameters).
    var hiddenReads: [Int: Set<String>] = [:]
    var starImports: [String] = []
    /// The key of each piece that became a `metrics` entry (``collectMetrics()``).
    var metricKeys: [Int: String] = [:]
    /// The def-use graph and the stage functions read off it (set by `walkDataflow`).
    var dataflow: StageDataflow?
    /// The slices from what the project must produce (set by `walkDataflow`).
    var slices: PipelineSlices?

    init(plan: NotebookPlan, options: ProjectPlanOptions) {
        self.plan = plan
        self.options = options
        for assignment in plan.assignments { stageOf[assignment.cell] = assignment.stage }
    }

    var path: String { plan.analysis.path }

    func location(cell: Int, line: Int = 1, column: Int = 1) -> SourceLocation {
        SourceLocation(path: path, cell: cell, line: line, column: column)
    }

    func location(of piece: PlanPiece) -> SourceLocation {
        location(cell: piece.cell, line: piece.statement.range.start.line, column: piece.statement.range.start.column)
    }

    /// Diagnostics in cell, line, column order (notebook-wide first), then by id.
    func sortedDiagnostics() -> [Diagnostic] {
        diagnostics.enumerated().sorted { lhs, rhs in
            let left = (lhs.element.location?.cell ?? -1, lhs.element.location?.line ?? 0, lhs.element.location?.column ?? 0, lhs.offset)
            let right = (rhs.element.location?.cell ?? -1, rhs.element.location?.line ?? 0, rhs.element.location?.column ?? 0, rhs.offset)
            return left < right
        }.map(\.element)
    }

    /// The module a stage's function lives in (`evaluate` is folded into `train`).
    static func moduleName(of stage: Stage) -> String {
        switch stage {
        case .setup, .data: "data"
        case .model: "model"
        case .train, .evaluate: "train"
        case .inference: "inference"
        case .explore: "explore"
        }
    }

    /// The function a stage becomes.
    static func functionName(of stage: Stage) -> String {
        switch stage {
        case .setup, .data: "load_data"
        case .model: "build_model"
        case .train: "train"
        case .evaluate: "evaluate"
        case .inference: "predict_sample"
        case .explore: "explore"
        }
    }

    /// The pipeline stages that become functions, in order.
    static let functionStages: [Stage] = [.data, .model, .train, .evaluate, .inference]
}
