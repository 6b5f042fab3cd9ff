/// Renders diagnostics as `path:line:col: severity: message [id]`, the format compilers use,
/// so editors and CI annotators can jump to the spot.
///
/// Notes follow on their own lines as `note: …`. Colour (ANSI) only when asked for, which
/// the CLI does only on a TTY.
public struct DiagnosticRenderer: Sendable {
    /// Whether to add ANSI colour to the severity.
    public var colour: Bool

    /// Creates a renderer.
    /// - Parameter colour: `true` to colour the severity (use only on a terminal).
    public init(colour: Bool) {
        self.colour = colour
    }

    /// Renders one diagnostic, including its notes, without a trailing newline.
    /// - Parameter diagnostic: The diagnostic to render.
    /// - Returns: One or more lines of text.
    public func render(_ diagnostic: Diagnostic) -> String {
        var head = ""
        if let location = diagnostic.location {
            head += location.rendered + ": "
        }
        head += paint(diagnostic.severity) + ": " + diagnostic.message + " [" + diagnostic.id + "]"
        var lines = [head]
        for note in diagnostic.notes {
            lines.append("  " + paint(.note) + ": " + note)
        }
        return lines.joined(separator: "\n")
    }

    private func paint(_ severity: Severity) -> String {
        guard colour else { return severity.rawValue }
        let code: String
        switch severity {
        case .error: code = "1;31"
        case .warning: code = "1;35"
        case .note: code = "1;36"
        }
        return "\u{1B}[\(code)m\(severity.rawValue)\u{1B}[0m"
    }
}
