/// What one cell of Python does with names: the boundary type of the **analyse** stage.
///
/// `defines`, `reads`, `mutates` and `calls` are sorted and free of duplicates so output is
/// deterministic; `imports` keep source order.
public struct CellFacts: Sendable, Equatable, Codable {
    /// Every import anywhere in the cell, in source order.
    public var imports: [ImportFact]
    /// Names bound at module level (plus names declared `global` and assigned in functions).
    public var defines: [String]
    /// Global names loaded anywhere in the cell (module level, or as globals from nested scopes).
    /// The analyser reports all of them, builtins included; the notebook-level pass filters builtins.
    public var reads: [String]
    /// Names changed in place (`df['c'] = …`, `xs.append(…)`, `model.fit(…)`, `del d[k]`).
    public var mutates: [String]
    /// Dotted callee names (`pd.read_csv`, `model.fit`).
    public var calls: [String]

    /// Creates facts.
    public init(imports: [ImportFact] = [], defines: [String] = [], reads: [String] = [], mutates: [String] = [], calls: [String] = []) {
        self.imports = imports
        self.defines = defines
        self.reads = reads
        self.mutates = mutates
        self.calls = calls
    }
}
