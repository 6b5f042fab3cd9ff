import PythonSyntax

/// Which expression statements are exploration: plots, displays, and bare values a notebook
/// shows. Calls that may change state (`model.fit(X, y)`, `df.dropna(inplace=True)`) and
/// `print` (kept as the pipeline's log) stay in the pipeline.
enum ExplorationStatement {
    static let plotRoots: Set<String> = ["plt", "sns", "px", "go", "alt", "pylab", "plotly", "seaborn", "matplotlib", "mglearn"]
    static let plotNames: Set<String> = [
        "plot", "hist", "scatter", "boxplot", "violinplot", "heatmap", "imshow", "show", "figure", "subplots",
        "pairplot", "savefig", "bar", "barh", "plot_tree", "export_graphviz", "abline_plot", "plot_partregress_grid",
        "plot_fit", "qqplot", "plot_regress_exog", "kdeplot", "countplot", "displot", "histplot", "lineplot",
        "scatterplot", "jointplot", "catplot", "legend", "xlabel", "ylabel", "title", "tight_layout", "set_title",
    ]
    static let displayNames: Set<String> = [
        "display", "head", "tail", "describe", "info", "value_counts", "nunique", "unique", "corr", "HTML",
        "Markdown", "Image", "summary", "isnull", "isna", "memory_usage", "sample",
    ]

    /// Whether an expression statement's value is only shown.
    /// - Parameter expression: The statement's expression.
    /// - Returns: `true` for exploration.
    static func isExploration(_ expression: Expression) -> Bool {
        switch expression.kind {
        case .call(let function, _, _):
            guard let dotted = SyntaxWalk.dottedName(function) else { return false }
            let parts = dotted.split(separator: ".").map(String.init)
            let root = parts.first ?? dotted
            let last = parts.last ?? dotted
            if parts.count == 1 && last == "print" { return false }
            if plotRoots.contains(root) || plotNames.contains(last) || parts.dropLast().contains("plot") { return true }
            // `model.summary()` shows a fitted model; `df.sample(5)` shows rows: nothing is kept.
            return displayNames.contains(last)
        case .await, .yield, .yieldFrom, .named:
            return false
        default:
            return true
        }
    }

    /// Whether a statement calls into IPython (`get_ipython()`), which a plain module cannot.
    static func callsIPython(_ facts: CellFacts) -> Bool {
        facts.calls.contains { $0 == "get_ipython" || $0.hasPrefix("get_ipython.") } || facts.reads.contains("get_ipython")
    }

    /// Whether a value is a literal (numbers, strings, booleans, `None`, and lists, tuples,
    /// sets and dicts of literals), which can move to `config` unchanged.
    static func isLiteral(_ expression: Expression) -> Bool {
        switch expression.kind {
        case .constant: return true
        case .unary(let op, let operand):
            guard op == "-" || op == "+", case .constant(.number) = operand.kind else { return false }
            return true
        case .list(let elements, _), .tuple(let elements, _), .set(let elements):
            return elements.allSatisfy(isLiteral)
        case .dict(let keys, let values):
            return keys.allSatisfy { $0.map(isLiteral) ?? false } && values.allSatisfy(isLiteral)
        default: return false
        }
    }
}
