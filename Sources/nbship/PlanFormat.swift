import ArgumentParser

/// How `nbship plan` prints: the report (text, json) or the pipeline as a picture.
enum PlanFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
    /// A Mermaid flowchart of the project's stages, the values between them and the artifacts.
    case mermaid
    /// The same as a Graphviz graph.
    case dot
}
