import PythonSyntax

/// What a code cell's calls and definitions say about its stage, gathered once per cell.
///
/// Each list holds the evidence found (call names), so a decision can say what it rests on.
struct CodeSignals: Sendable, Equatable {
    var loads: [String] = []
    var prepares: [String] = []
    var constructs: [String] = []
    var fits: [String] = []
    var metrics: [String] = []
    var predicts: [String] = []
    var plots: [String] = []
    var displays: [String] = []
    /// Calls that seed a random generator (`np.random.seed(0)`): setup the pipeline needs.
    var seeds: [String] = []
    var onlyImports = false
    var onlyConstants = false
    /// Package installs (`!pip install …`) in the cell.
    var installs: [String] = []
    /// The cell is nothing but IPython constructs (magics, shell, help): what they are.
    var onlyIPython: [String] = []
    /// Functions and classes the cell defines when that is all it does (apart from imports
    /// and constants): shared definitions, which live with the model code.
    var onlyDefinitions: [String] = []

    private static let loaderNames: Set<String> = [
        "open", "loadtxt", "genfromtxt", "fromfile", "get_rdataset", "load_dataset", "load_iris",
        "make_classification", "make_regression", "make_blobs", "make_moons", "make_circles",
        "read_sql_query", "from_csv",
    ]
    private static let preparerNames: Set<String> = [
        "train_test_split", "get_dummies", "dropna", "fillna", "drop", "drop_duplicates", "merge",
        "concat", "astype", "replace", "select_dtypes", "pivot", "pivot_table", "melt", "add_constant",
        "fit_transform", "to_datetime", "cut", "qcut", "reshape", "rename", "set_index", "reset_index",
        "sort_values", "interpolate", "clip", "dmatrices", "dmatrix", "shuffle", "sample", "query",
        "assign", "where", "isin", "map", "apply",
    ]
    private static let seedNames: Set<String> = ["seed", "manual_seed", "manual_seed_all", "set_seed", "set_random_seed"]
    private static let fitNames: Set<String> = ["fit", "partial_fit", "fit_generator", "backward"]
    private static let metricNames: Set<String> = [
        "score", "evaluate", "summary", "confusion_matrix", "classification_report", "cross_val_score",
        "cross_validate", "cross_val_predict", "learning_curve", "validation_curve", "conf_int", "t_test",
        "f_test", "wald_test", "anova_lm", "from_estimator", "from_predictions", "permutation_importance",
        "compare_f_test", "compare_lr_test", "summary2",
    ]
    private static let predictNames: Set<String> = [
        "predict", "predict_proba", "predict_log_proba", "decision_function", "forecast", "get_prediction",
    ]
    private static let plotRoots: Set<String> = ["plt", "sns", "px", "go", "alt", "pylab", "plotly", "seaborn", "matplotlib", "mglearn"]
    private static let plotNames: Set<String> = [
        "plot", "hist", "scatter", "boxplot", "violinplot", "heatmap", "imshow", "show", "figure",
        "subplots", "pairplot", "savefig", "bar", "barh", "plot_tree", "export_graphviz", "Source",
        "abline_plot", "plot_partregress_grid", "plot_fit", "qqplot", "plot_regress_exog", "kdeplot",
        "countplot", "displot", "histplot", "lineplot", "scatterplot", "jointplot", "catplot",
    ]
    private static let displayNames: Set<String> = [
        "display", "print", "head", "tail", "describe", "info", "value_counts", "nunique", "unique",
        "corr", "HTML", "Markdown", "Image",
    ]
    private static let modelPackages = [
        "sklearn", "xgboost", "lightgbm", "catboost", "statsmodels", "torch.nn", "tensorflow", "keras",
        "mlxtend", "sktime", "prophet", "pmdarima", "lifelines", "imblearn.pipeline",
    ]
    private static let notModelModules = [
        "sklearn.metrics", "sklearn.datasets", "sklearn.model_selection.train_test_split",
        "sklearn.model_selection.cross", "sklearn.model_selection.KFold", "sklearn.model_selection.StratifiedKFold",
        "sklearn.model_selection.GroupKFold", "sklearn.model_selection.ShuffleSplit", "sklearn.model_selection.LeaveOneGroupOut",
        "sklearn.preprocessing", "sklearn.impute", "sklearn.feature_extraction", "sklearn.feature_selection",
        "sklearn.utils", "sklearn.inspection", "sklearn.tree.plot_tree", "sklearn.tree.export",
        "statsmodels.datasets", "statsmodels.graphics", "statsmodels.stats", "statsmodels.tools",
        "sklearn.set_config", "sklearn.config_context", "sklearn.model_selection.learning_curve",
        "sklearn.model_selection.validation_curve",
    ]
    private static let formulaConstructors: Set<String> = ["ols", "wls", "gls", "glm", "logit", "probit", "mnlogit", "poisson", "negativebinomial", "quantreg", "mixedlm", "gee"]
    private static let modelBaseClasses = ["Module", "BaseEstimator", "Model", "ClassifierMixin", "RegressorMixin", "TransformerMixin", "LightningModule", "Layer"]

    /// Reads the signals of one analysed code cell.
    init(cell: AnalysedCell, imports: ImportIndex) {
        guard let facts = cell.facts else { return }
        let lowered = cell.lowered
        installs = (lowered?.installs ?? []).flatMap { $0.packages.map(\.raw) }
        if facts == CellFacts(), let magics = lowered?.magics, !magics.isEmpty {
            onlyIPython = magics.map(\.kind)
        }
        let python = cell.python ?? ""
        let dottedLasts = Set(facts.calls.map { String($0.split(separator: ".").last ?? Substring($0)) })
        let methods = Self.methodCalls(in: python).filter { !dottedLasts.contains($0) }
        var seen: Set<String> = []
        for call in facts.calls + methods.map({ "." + $0 }) {
            guard seen.insert(call).inserted else { continue }
            let last = String(call.split(separator: ".").last ?? Substring(call))
            let origin = imports.resolve(call.hasPrefix(".") ? String(call.dropFirst()) : call)
            let root = String(call.split(separator: ".").first ?? "")
            if Self.seedNames.contains(last) {
                seeds.append(call)
            } else if last.hasPrefix("read_") || last.hasPrefix("load_") || last.hasPrefix("fetch_") || Self.loaderNames.contains(last)
                || (origin.contains(".datasets.") && last.hasPrefix("load")) {
                loads.append(call)
            } else if Self.fitNames.contains(last) || origin.hasSuffix("xgboost.train") || origin.hasSuffix("lightgbm.train") {
                fits.append(call)
            } else if Self.metricNames.contains(last) || last.hasSuffix("_score") || last.hasSuffix("_error")
                        || last.hasSuffix("Display") || origin.hasPrefix("sklearn.metrics") {
                metrics.append(call)
            } else if Self.predictNames.contains(last) {
                predicts.append(call)
            } else if Self.plotRoots.contains(root) || Self.plotNames.contains(last) || origin.hasPrefix("matplotlib") {
                plots.append(call)
            } else if Self.isModelConstructor(origin: origin, last: last) {
                constructs.append(call)
            } else if Self.preparerNames.contains(last) || origin.hasPrefix("sklearn.preprocessing") || origin.hasPrefix("sklearn.impute") {
                prepares.append(call)
            } else if Self.displayNames.contains(last) {
                displays.append(call)
            }
        }
        if let base = Self.modelClass(in: python) {
            constructs.append("class(\(base))")
        }
        // The byte scans (without the last character, which a canonically equivalent
        // search could match inside a precomposed character) skip Foundation's slower search.
        if (Self.containsBytes(python, "for epoc") && python.contains("for epoch"))
            || (Self.containsBytes(python, ".zero_grad") && python.contains(".zero_grad(")) {
            fits.append("training loop")
        }
        let imported = cell.importedNames
        let nonImportDefines = Set(facts.defines).subtracting(imported)
        onlyImports = !facts.imports.isEmpty && nonImportDefines.isEmpty && facts.calls.isEmpty
        let definitions = Self.definedFunctionsAndClasses(in: python)
        let onlyDefines = !definitions.isEmpty && facts.mutates.isEmpty
            && Self.topLevelStatementsAreDefinitionsOrConstants(python)
        if onlyDefines { onlyDefinitions = definitions }
        onlyConstants = !onlyDefines && definitions.isEmpty && !nonImportDefines.isEmpty && facts.calls.isEmpty
            && facts.reads.allSatisfy(imported.contains) && facts.mutates.isEmpty
        if displays.isEmpty, Self.endsWithBareExpression(python) {
            displays.append("bare expression")
        }
    }

    private static func isModelConstructor(origin: String, last: String) -> Bool {
        guard modelPackages.contains(where: { origin.hasPrefix($0) }),
              !notModelModules.contains(where: { origin.hasPrefix($0) }) else { return false }
        if let first = last.first, first.isUppercase { return true }
        return formulaConstructors.contains(last) || last == "make_pipeline" || last == "Sequential"
    }

    /// Method names called on any receiver (`….fit(`), which dotted call names miss when the
    /// receiver is itself a call (`sm.OLS(y, X).fit()`).
    static func methodCalls(in python: String) -> [String] {
        let bytes = Array(python.utf8)
        var names: [String] = []
        var index = 0
        func isIdentifier(_ byte: UInt8, first: Bool) -> Bool {
            (byte >= 97 && byte <= 122) || (byte >= 65 && byte <= 90) || byte == 95 || byte >= 0x80
                || (!first && byte >= 48 && byte <= 57)
        }
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "."), index + 1 < bytes.count, isIdentifier(bytes[index + 1], first: true) else {
                index += 1
                continue
            }
            let start = index + 1
            var end = start
            while end < bytes.count && isIdentifier(bytes[end], first: false) { end += 1 }
            var next = end
            while next < bytes.count && (bytes[next] == 32 || bytes[next] == 9) { next += 1 }
            if next < bytes.count && bytes[next] == UInt8(ascii: "(") {
                names.append(String(decoding: bytes[start..<end], as: UTF8.self))
            }
            index = end
        }
        return names
    }

    /// The base of a class that subclasses a model base (`nn.Module`, `BaseEstimator`, …).
    static func modelClass(in python: String) -> String? {
        guard containsBytes(python, "class ") else { return nil }
        let classLines = python.split(separator: "\n").filter { $0.drop(while: { $0 == " " || $0 == "\t" }).hasPrefix("class ") }
        for match in classLines.compactMap({ $0.firstMatch(of: #/^\s*class\s+\w+\s*\(([^)]*)\)/#) }) {
            let bases = match.output.1
            if let base = modelBaseClasses.first(where: { bases.contains($0) }) {
                return String(base)
            }
        }
        return nil
    }

    /// Names of the functions and classes defined at the top level (`def f`, `async def f`,
    /// `class C`), in order.
    static func definedFunctionsAndClasses(in python: String) -> [String] {
        python.split(separator: "\n").compactMap { line -> String? in
            for keyword in ["def ", "async def ", "class "] where line.hasPrefix(keyword) {
                let name = line.dropFirst(keyword.count).prefix { $0 == "_" || $0.isLetter || $0.isNumber }
                return name.isEmpty ? nil : String(name)
            }
            return nil
        }
    }

    /// Whether every top-level line is a definition, a decorator, an import, a constant
    /// (`NAME = literal`-like, no call), a comment, or part of an indented body.
    static func topLevelStatementsAreDefinitionsOrConstants(_ python: String) -> Bool {
        python.split(separator: "\n").allSatisfy { line in
            guard let first = line.first, !first.isWhitespace, first != "#" else { return true }
            let allowed = ["def ", "async def ", "class ", "@", "import ", "from ", ")", "]", "}"]
            if allowed.contains(where: { line.hasPrefix($0) }) { return true }
            return line.contains("=") && !line.contains("(")
        }
    }

    /// Whether the UTF-8 of `text` holds that of `needle`, an ASCII needle whose characters
    /// no other text is canonically equivalent to (as a whole character).
    static func containsBytes(_ text: String, _ needle: StaticString) -> Bool {
        let pattern = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
        guard let first = pattern.first else { return true }
        return text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard bytes.count >= pattern.count else { return false }
            var index = 0
            while index <= bytes.count - pattern.count {
                if bytes[index] == first && bytes[index..<(index + pattern.count)].elementsEqual(pattern) { return true }
                index += 1
            }
            return false
        } ?? true
    }

    /// Whether the last statement is an expression at the top level, which a notebook displays.
    static func endsWithBareExpression(_ python: String) -> Bool {
        let last = lastLine(of: python) {
            let trimmed = $0.drop(while: { $0 == " " || $0 == "\t" })
            return !trimmed.isEmpty && !trimmed.hasPrefix("#")
        }
        guard let last, let first = last.first, !first.isWhitespace,
              !last.hasSuffix(":"), !last.hasSuffix("\\") else { return false }
        if last.hasPrefix(")") || last.hasPrefix("]") || last.hasPrefix("}") { return false }
        let keywords = ["import ", "from ", "def ", "class ", "return", "pass", "del ", "assert ", "raise", "global ",
                        "if ", "for ", "while ", "with ", "try", "print(", "@"]
        if keywords.contains(where: { last.hasPrefix($0) }) { return false }
        return !looksLikeAssignment(last) && !last.contains("+=") && !last.contains("-=")
    }

    /// The last of `text.split(separator: "\n")` that satisfies `predicate`, found from the end
    /// so that only the trailing lines are looked at.
    static func lastLine(of text: String, where predicate: (Substring) -> Bool) -> Substring? {
        var end = text.endIndex
        while end > text.startIndex {
            let start = text[..<end].lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex
            let line = text[start..<end]
            if !line.isEmpty && predicate(line) { return line }
            if start == text.startIndex { return nil }
            end = text.index(before: start)
        }
        return nil
    }

    /// Whether `line` matches `^[^=(\[{]*[^=!<>]=[^=]` (an `=` that is not `==`, `!=`, `<=`
    /// or `>=`, before any bracket), checked by hand on Characters: a regex literal here is
    /// compiled on every call and dominated `nbship plan` on large notebooks.
    static func looksLikeAssignment(_ line: Substring) -> Bool {
        let chars = Array(line)
        var index = 0
        while index + 2 < chars.count {
            let char = chars[index]
            if char != "=" && char != "!" && char != "<" && char != ">" && chars[index + 1] == "=" && chars[index + 2] != "=" {
                return true
            }
            // The prefix before the candidate may not hold `=`, `(`, `[` or `{`.
            if char == "=" || char == "(" || char == "[" || char == "{" { return false }
            index += 1
        }
        return false
    }

    /// Whether any pipeline evidence was found.
    var hasPipelineEvidence: Bool {
        !(loads.isEmpty && prepares.isEmpty && constructs.isEmpty && fits.isEmpty && metrics.isEmpty && predicts.isEmpty)
    }

    /// Whether the cell only prints (no plot, no other display, no pipeline call): a log of
    /// the values the pipeline computes, which goes where its heading or neighbour puts it,
    /// so the pipeline prints what the notebook printed.
    var isLog: Bool {
        displays == ["print"] && plots.isEmpty && !hasPipelineEvidence
    }

    /// The decision the code alone supports, most downstream first: fitting outweighs
    /// metrics, which outweigh prediction, construction, loading and exploring. A cell that
    /// only prints (``isLog``) has no evidence of its own.
    func assignment(cell: Int) -> StageAssignment? {
        func make(_ stage: Stage, _ what: String, _ evidence: [String]) -> StageAssignment {
            let list = evidence.prefix(3).joined(separator: ", ")
            return StageAssignment(cell: cell, stage: stage, evidence: .code, reason: "\(what) \(list)")
        }
        if !fits.isEmpty { return make(.train, "fits a model:", fits) }
        if !metrics.isEmpty { return make(.evaluate, "computes metrics:", metrics) }
        if !predicts.isEmpty { return make(.inference, "predicts:", predicts) }
        if !constructs.isEmpty { return make(.model, "builds a model:", constructs) }
        if !loads.isEmpty { return make(.data, "loads data:", loads) }
        if !prepares.isEmpty { return make(.data, "prepares data:", prepares) }
        if !plots.isEmpty { return make(.explore, "plots:", plots) }
        // `np.random.seed(…)` ends the imports cell as a bare call, but it is no display.
        if !seeds.isEmpty { return make(.setup, "seeds random numbers:", seeds) }
        if isLog { return nil }
        if !displays.isEmpty { return make(.explore, "displays:", displays) }
        if onlyImports { return StageAssignment(cell: cell, stage: .setup, evidence: .code, reason: "imports only") }
        if !installs.isEmpty { return make(.setup, "installs packages:", installs) }
        if !onlyDefinitions.isEmpty { return make(.model, "defines functions and classes:", onlyDefinitions) }
        if !onlyIPython.isEmpty {
            return StageAssignment(cell: cell, stage: .setup, evidence: .code,
                                   reason: "IPython only (\(Set(onlyIPython).sorted().joined(separator: ", "))): nothing for the pipeline")
        }
        if onlyConstants { return StageAssignment(cell: cell, stage: .setup, evidence: .code, reason: "defines constants only") }
        return nil
    }
}
