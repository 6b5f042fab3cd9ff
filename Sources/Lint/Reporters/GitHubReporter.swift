import Diagnostics

/// GitHub Actions workflow commands (`::error file=…,line=…,col=…,title=…::message`), which
/// the runner turns into annotations. Data escapes `%`, `\r`, `\n`; property values also `:`
/// and `,`.
public struct GitHubReporter: LintReporter {
    /// Creates a GitHub reporter.
    public init() {}

    public func render(_ report: LintReport) -> String {
        (report.problems + report.findings + report.fixes.map(\.diagnostic)).map(command).joined()
    }

    func command(_ diagnostic: Diagnostic) -> String {
        let level = switch diagnostic.severity {
        case .error: "error"
        case .warning: "warning"
        case .note: "notice"
        }
        var properties: [String] = []
        var message = diagnostic.message
        if let location = diagnostic.location {
            properties.append("file=" + Self.escapeProperty(location.path))
            if let cell = location.cell {
                message = "cell \(cell), line \(location.line), column \(location.column): " + message
            } else {
                properties.append("line=\(location.line)")
                properties.append("col=\(location.column)")
            }
        }
        properties.append("title=" + Self.escapeProperty(diagnostic.id))
        if !diagnostic.notes.isEmpty { message += "\n" + diagnostic.notes.joined(separator: "\n") }
        return "::\(level) \(properties.joined(separator: ","))::\(Self.escapeData(message))\n"
    }

    /// Escapes a command's message.
    /// - Parameter text: The message.
    /// - Returns: `%`, `\r`, `\n` percent-encoded.
    public static func escapeData(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": result += "%25"
            case "\r": result += "%0D"
            case "\n": result += "%0A"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Escapes a property value.
    /// - Parameter text: The value.
    /// - Returns: `%`, `\r`, `\n`, `:`, `,` percent-encoded.
    public static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(":", with: "%3A").replacingOccurrences(",", with: "%2C")
    }
}

extension String {
    func replacingOccurrences(_ target: Character, with replacement: String) -> String {
        var result = ""
        for character in self {
            if character == target { result += replacement } else { result.append(character) }
        }
        return result
    }
}
