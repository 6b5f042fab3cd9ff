/// One stage function while it is planned: a run of consecutive pipeline statements of one
/// stage (exploration in between does not break a run), what it reads and what it hands on.
struct StageSegment: Equatable, Sendable {
    var stage: Stage
    /// Parameter name → the segment that provides it.
    var parameters: [String: Int] = [:]
    /// Names later segments (or `main()`) read from it.
    var returns: Set<String> = []
    var configNames: Set<String> = []
    /// Moved definitions it calls.
    var definitions: Set<String> = []
    /// Import lines it needs.
    var imports: Set<String> = []
    var cells: [Int] = []
    var usesStarImports = false
}
