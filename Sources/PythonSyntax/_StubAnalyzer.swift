// TEMPORARY contract stub — replaced by the python branch at merge.
public struct SyntaxIssue: Sendable, Equatable { public var line: Int; public var column: Int; public var message: String }
public struct PythonAnalysis: Sendable, Equatable { public var facts: CellFacts; public var diagnostics: [SyntaxIssue] }
public enum PythonAnalyzer {
    public static func analyze(_ source: String) -> PythonAnalysis { PythonAnalysis(facts: CellFacts(), diagnostics: []) }
}
