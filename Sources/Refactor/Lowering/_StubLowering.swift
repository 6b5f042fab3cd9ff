// TEMPORARY contract stub — replaced by the lower branch at merge.
public struct LoweredCell: Sendable, Equatable, Codable { public var python: String?; public var magics: [MagicFact]; public var issues: [LoweringIssue] }
public enum MagicFact: Sendable, Equatable, Codable { case pipInstall(specs: [String], line: Int) }
public struct LoweringIssue: Sendable, Equatable, Codable { public var line: Int; public var column: Int; public var id: String; public var message: String }
public enum Lowering { public static func lower(_ source: String) -> LoweredCell { LoweredCell(python: source, magics: [], issues: []) } }
