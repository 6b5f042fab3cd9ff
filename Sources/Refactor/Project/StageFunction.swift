/// The function one pipeline stage becomes (`load_data`, `build_model`, `train`, `evaluate`,
/// `predict_sample`): the stage's statements in notebook order, exploration left out. A stage whose
/// cells alternate with another stage's has one function per run (`load_data_2`, …).
public struct StageFunction: Sendable, Equatable, Codable {
    /// The function name.
    public var name: String
    /// The stage.
    public var stage: Stage
    /// The module it lives in.
    public var module: String
    /// Names it reads that an earlier function computes, sorted; each with the function that
    /// provides it (and, in inference, whether it is loaded from an artifact instead).
    public var parameters: [FunctionParameter]
    /// Names later functions read from it, sorted (train also returns what it fits, so
    /// `main()` can save it).
    public var returns: [String]
    /// Config constants it reads (imported from `config`, never passed).
    public var configNames: [String]
    /// The cells its statements come from.
    public var cells: [Int]
    /// `def name(a, b):`.
    public var signature: String
    /// The body: the statements re-indented by four spaces (multi-line strings untouched),
    /// ending in a newline; `    pass` when nothing is left.
    public var body: String
    /// `    return a, b`, or `nil` when it returns nothing.
    public var returnStatement: String?
    /// How `main()` calls it: `a, b = name(x, y)` (or just `name(x, y)`).
    public var call: String
    /// Whether inference's function returns its prediction: the last expression a cell
    /// displayed (`return model.predict(x)`), else the last prediction it assigns
    /// (`return preds` after `preds = model.predict(new)`), else the last name it assigns
    /// unless its last statement prints (that print is then the output); `call` then
    /// assigns `result`.
    public var returnsValue: Bool

    /// Creates a stage function.
    public init(name: String, stage: Stage, module: String, parameters: [FunctionParameter], returns: [String], configNames: [String],
                cells: [Int], signature: String, body: String, returnStatement: String?, call: String, returnsValue: Bool = false) {
        self.name = name
        self.stage = stage
        self.module = module
        self.parameters = parameters
        self.returns = returns
        self.configNames = configNames
        self.cells = cells
        self.signature = signature
        self.body = body
        self.returnStatement = returnStatement
        self.call = call
        self.returnsValue = returnsValue
    }

    /// The parameter names, in order.
    public var parameterNames: [String] { parameters.map(\.name) }
}
