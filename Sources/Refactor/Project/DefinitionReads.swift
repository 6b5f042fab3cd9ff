/// What one moved definition (a `def`, a `class` or a lifted global) reads at module level.
struct DefinitionReads: Equatable, Sendable {
    /// Its project name.
    var name: String
    /// Its piece.
    var piece: Int
    var configNames: Set<String> = []
    /// Other moved definitions it refers to.
    var definitions: Set<String> = []
    var imports: Set<String> = []
    /// Globals a stage computes that it reads (left undefined, and reported).
    var stageGlobals: Set<String> = []
    var usesStarImports = false
}
