/// A problem found in the user's input, as a value.
///
/// Libraries never print: they return or collect diagnostics, and the command-line layer
/// renders them with ``DiagnosticRenderer``. The `id` is stable across releases so users
/// can grep for it and tools can key on it (`notebook.invalid-json`, `python.syntax`).
public struct Diagnostic: Sendable, Hashable, Codable {
    /// A stable, dotted, lower-case identifier, e.g. `notebook.invalid-json`.
    public var id: String
    /// How serious it is.
    public var severity: Severity
    /// A lower-case message without a final period.
    public var message: String
    /// Where it is, when it has a place.
    public var location: SourceLocation?
    /// Further explanation, each rendered on its own line as `note:`.
    public var notes: [String]

    /// Creates a diagnostic.
    /// - Parameters:
    ///   - id: A stable identifier, e.g. `notebook.invalid-json`.
    ///   - severity: How serious it is.
    ///   - message: Lower-case, no final period.
    ///   - location: Where it is, if anywhere.
    ///   - notes: Extra lines of explanation.
    public init(
        id: String, severity: Severity, message: String,
        location: SourceLocation? = nil, notes: [String] = []
    ) {
        self.id = id
        self.severity = severity
        self.message = message
        self.location = location
        self.notes = notes
    }

    /// An error diagnostic.
    public static func error(_ id: String, _ message: String, at location: SourceLocation? = nil, notes: [String] = []) -> Diagnostic {
        Diagnostic(id: id, severity: .error, message: message, location: location, notes: notes)
    }

    /// A warning diagnostic.
    public static func warning(_ id: String, _ message: String, at location: SourceLocation? = nil, notes: [String] = []) -> Diagnostic {
        Diagnostic(id: id, severity: .warning, message: message, location: location, notes: notes)
    }

    /// A note diagnostic.
    public static func note(_ id: String, _ message: String, at location: SourceLocation? = nil, notes: [String] = []) -> Diagnostic {
        Diagnostic(id: id, severity: .note, message: message, location: location, notes: notes)
    }
}
