/// Where the value of a name that a statement reads comes from, as the planner places code:
/// the answer ``StageDataflow`` gives for each use of the ``DefUseGraph``.
enum ValueProvider: Equatable, Sendable {
    /// A stage function, by segment.
    case function(Int)
    /// A `config` constant.
    case config
    /// A function, class or global moved whole to module level, by its project name.
    case definition(String)
    /// An import, with the import lines that bind the name.
    case imported([String])
    /// Only the exploration notebook computes it (the cell).
    case exploration(Int)
}
