/// The kind of evidence a stage decision rests on, strongest first.
public enum Evidence: String, Sendable, Hashable, Codable {
    /// A cell tag: `nbship:<stage>`, Kale's `block:`/`step:`/`skip`, papermill's `parameters`.
    case tag
    /// The markdown heading the cell sits under.
    case heading
    /// What the code does: calls, imports, definitions.
    case code
    /// Where the cell's values go (or come from).
    case dataflow
    /// No evidence of its own: follows its neighbour.
    case position
}
