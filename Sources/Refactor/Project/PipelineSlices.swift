import PythonSyntax

/// The third pass of the **plan** stage: backward slices of the ``DefUseGraph`` from what the
/// project must produce.
///
/// - The **served model**: the object of the last fit-like call of the pipeline
///   (`model.fit(X, y)`, `res = sm.OLS(y, X).fit()`, `gbm = lgb.train(…)`) whose fitted
///   version a later statement predicts with or saves (`clf.predict(emails)`,
///   `joblib.dump(clf, …)`); without one, the last fit.
/// - The **model input**: the version of the fit's first argument that reaches the fit.
/// - The **reported metrics**: pipeline statements that call a metric (`accuracy_score(…)`,
///   `model.score(…)`, `mean_squared_error(…)`).
///
/// Each slice is the set of statements whose definitions the target depends on, through
/// every use and every in-place change. Call names only say what a fit, a prediction or a
/// metric is; which version of which object is served, and what it needs, is the graph's.
struct PipelineSlices: Equatable, Sendable {
    /// A fitted object: its name and the definition the fit makes.
    struct Fit: Equatable, Sendable {
        var name: String
        var definition: Int
        /// The statement of the fit.
        var statement: Int
    }

    /// The served model's fit, if the pipeline fits anything.
    private(set) var servedModel: Fit?
    /// The definition of the served fit's first argument that reaches the fit (a plain name only).
    private(set) var modelInput: Int?
    /// Statements that compute a metric, in order.
    private(set) var metrics: [Int] = []
    /// The statements the served model depends on (its fit included).
    private(set) var modelSlice: Set<Int> = []
    /// The statements the model input depends on.
    private(set) var inputSlice: Set<Int> = []
    /// The statements the metrics depend on (themselves included).
    private(set) var metricSlice: Set<Int> = []

    static let fitMethods: Set<String> = ["fit", "partial_fit", "fit_generator"]
    static let predictMethods: Set<String> = ["predict", "predict_proba", "predict_log_proba", "decision_function", "forecast",
                                              "get_prediction", "score", "save", "save_model"]
    static let saveFunctions: Set<String> = ["dump", "save", "save_model", "to_pickle"]

    /// Runs the pass.
    /// - Parameters:
    ///   - graph: The def-use graph.
    ///   - statements: The syntax of each of the graph's statements, and whether it is pipeline code.
    init(graph: DefUseGraph, statements: [(syntax: Statement, isPipeline: Bool)]) {
        var fits: [Fit] = []
        for (index, statement) in statements.enumerated() where statement.isPipeline {
            for name in Self.fittedNames(statement.syntax, graph: graph, at: index) {
                guard let definition = graph.definitions(madeBy: index).first(where: { graph.definitions[$0].name == name }) else { continue }
                fits.append(Fit(name: name, definition: definition, statement: index))
            }
            if Self.computesMetric(statement.syntax) { metrics.append(index) }
        }
        servedModel = fits.last { fit in
            statements.indices.contains { later in
                later > fit.statement && Self.predictsOrSaves(statements[later].syntax).contains(fit.name)
                    && graph.uses(of: later).contains { use in
                        use.name == fit.name && use.definition.map { graph.history(of: $0).contains(fit.definition) } == true
                    }
            }
        } ?? fits.last
        if let served = servedModel {
            modelSlice = graph.backwardSlice(from: [served.definition])
            if let input = Self.firstArgument(ofFitIn: statements[served.statement].syntax, fitting: served.name) {
                modelInput = graph.uses(of: served.statement).first { $0.name == input }?.definition
            }
            if let modelInput { inputSlice = graph.backwardSlice(from: [modelInput]) }
        }
        metricSlice = graph.backwardSlice(fromStatements: metrics)
    }

    /// Names a statement fits: receivers of `.fit(…)`-like calls, the target of `x = ….fit(…)`,
    /// and the target of `x = lib.train(…)` on an imported library.
    static func fittedNames(_ statement: Statement, graph: DefUseGraph, at index: Int) -> [String] {
        var names: [String] = []
        if case .assign(let targets, let value) = statement.kind, targets.count == 1, case .name(let target, _) = targets[0].kind,
           case .call(let function, _, _) = value.kind, case .attribute(let receiver, let method, _) = function.kind {
            var library = false
            if method == "train", case .name(let module, _) = receiver.kind,
               let definition = graph.uses(of: index).first(where: { $0.name == module })?.definition {
                library = graph.definitions[definition].kind == .import
            }
            if (fitMethods.contains(method) || library) && target != "_" { names.append(target) }
        }
        SyntaxWalk.expressions(in: statement) { expression in
            guard case .call(let function, _, _) = expression.kind, case .attribute(let receiver, let method, _) = function.kind,
                  fitMethods.contains(method), case .name(let name, _) = receiver.kind, !names.contains(name) else { return }
            names.append(name)
        }
        return names
    }

    /// Names a statement predicts with or saves.
    static func predictsOrSaves(_ statement: Statement) -> Set<String> {
        var names: Set<String> = []
        SyntaxWalk.expressions(in: statement) { expression in
            guard case .call(let function, let arguments, _) = expression.kind else { return }
            if case .attribute(let receiver, let method, _) = function.kind, predictMethods.contains(method), case .name(let name, _) = receiver.kind {
                names.insert(name)
            }
            if let callee = SyntaxWalk.dottedName(function), saveFunctions.contains(String(callee.split(separator: ".").last ?? "")),
               let first = arguments.first, case .name(let name, _) = first.kind {
                names.insert(name)
            }
        }
        return names
    }

    /// Whether a statement calls a metric: `…_score(…)`, `…_error(…)`, `…_loss(…)`, `.score(…)`,
    /// `classification_report(…)`, `confusion_matrix(…)`.
    static func computesMetric(_ statement: Statement) -> Bool {
        var found = false
        SyntaxWalk.expressions(in: statement) { expression in
            guard case .call(let function, _, _) = expression.kind, let callee = SyntaxWalk.dottedName(function) ?? {
                if case .attribute(_, let method, _) = function.kind { return method }
                return nil
            }() else { return }
            let last = String(callee.split(separator: ".").last ?? "")
            if last == "score" || last.hasSuffix("_score") || last.hasSuffix("_error") || last.hasSuffix("_loss")
                || ["classification_report", "confusion_matrix"].contains(last) {
                found = true
            }
        }
        return found
    }

    /// The plain name passed first to the statement's fit of `name`.
    static func firstArgument(ofFitIn statement: Statement, fitting name: String) -> String? {
        var found: String?
        SyntaxWalk.expressions(in: statement) { expression in
            guard found == nil, case .call(let function, let arguments, _) = expression.kind,
                  case .attribute(_, let method, _) = function.kind, fitMethods.contains(method),
                  let first = arguments.first, case .name(let input, _) = first.kind, input != "_" else { return }
            found = input
        }
        return found
    }
}
