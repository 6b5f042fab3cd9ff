/// A name changed in place (its base object), remembered with its scope so only names that
/// resolve global are reported.
struct MutationEvent {
    var scope: Int
    var name: String
    var statement: Int
}
