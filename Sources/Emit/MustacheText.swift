import Diagnostics
import Mustache

/// Logic-free rendering of one template text with Mustache, HTML escaping off (templates
/// produce code, not HTML: `{{x}}` and `{{{x}}}` are the same).
///
/// `convert` feeds it a fully resolved view model (dictionaries, arrays, strings, booleans);
/// template folders feed it their variables.
public struct MustacheText: Sendable {
    /// The parsed pieces (``MustachePieces``); none for a text without a tag (`{{`), which
    /// renders as itself (most file names, and static files).
    private let templates: [MustacheTemplate]
    /// The template's source, as given.
    public let source: String
    /// Where the text came from, for diagnostics.
    public let path: String

    private static let pragma = "{{% CONTENT_TYPE: TEXT}}\n"

    /// Parses a template.
    /// - Parameters:
    ///   - source: The template text.
    ///   - path: Its file (or a name), for diagnostics.
    /// - Throws: `template.syntax`, located at the spot the parser stopped.
    public init(_ source: String, path: String) throws(DiagnosticError) {
        try self.init(source, path: path, pieceSize: 1024)
    }

    /// Parses a template in pieces of at least `pieceSize` bytes (``MustachePieces``; `Int.max`:
    /// one piece).
    init(_ source: String, path: String, pieceSize: Int) throws(DiagnosticError) {
        self.source = source
        self.path = path
        guard Self.hasTag(source) else {
            templates = []
            return
        }
        var templates: [MustacheTemplate] = []
        var firstLine = 1
        do {
            for piece in MustachePieces.cut(source, size: pieceSize) {
                firstLine = piece.firstLine
                templates.append(try MustacheTemplate(string: Self.pragma + piece.text))
            }
            self.templates = templates
        } catch let error as MustacheTemplate.ParserError {
            // The pragma takes the first line of the parsed text.
            let line = max(1, firstLine - 1 + error.context.lineNumber - 1)
            let column = max(1, error.context.columnNumber)
            throw DiagnosticError(.error(
                "template.syntax", "invalid template: \(Self.describe(error.error))",
                at: SourceLocation(path: path, line: line, column: column)))
        } catch {
            throw DiagnosticError(.error("template.syntax", "invalid template", at: SourceLocation(path: path, line: 1, column: 1)))
        }
    }

    /// Renders the template.
    /// - Parameter context: The view model: `[String: Any]` of strings, booleans, arrays and
    ///   nested dictionaries.
    /// - Returns: The text.
    public func render(_ context: [String: Any]) -> String {
        templates.isEmpty ? source : templates.map { $0.render(context) }.joined()
    }

    /// Whether `text` holds `{{` (every Mustache tag, a set-delimiter tag included, starts so).
    private static func hasTag(_ text: String) -> Bool {
        var previousWasBrace = false
        for byte in text.utf8 {
            if byte == UInt8(ascii: "{") {
                if previousWasBrace { return true }
                previousWasBrace = true
            } else {
                previousWasBrace = false
            }
        }
        return false
    }

    /// The names the template refers to (the part before the first `.`), each with the
    /// 1-based line and column of its tag and how many sections enclose it (0 at the top
    /// level), in order. Comments, partials and pragmas are skipped; scanning stops at a
    /// set-delimiter tag.
    public var referencedNames: [(name: String, line: Int, column: Int, depth: Int)] {
        var found: [(String, Int, Int, Int)] = []
        var depth = 0
        let scalars = Array(source.unicodeScalars)
        var index = 0
        var line = 1
        var lineStart = 0
        while index + 1 < scalars.count {
            if scalars[index] == "\n" {
                line += 1
                lineStart = index + 1
                index += 1
                continue
            }
            guard scalars[index] == "{", scalars[index + 1] == "{" else { index += 1; continue }
            let tagStart = index
            var cursor = index + 2
            if cursor < scalars.count, scalars[cursor] == "{" { cursor += 1 }
            let sigil = cursor < scalars.count ? scalars[cursor] : " "
            if "!>%=<$".unicodeScalars.contains(sigil) {
                if sigil == "=" { break }
                index = cursor
                continue
            }
            if "#^/&".unicodeScalars.contains(sigil) { cursor += 1 }
            if sigil == "/" { depth = max(0, depth - 1) }
            while cursor < scalars.count, scalars[cursor] == " " { cursor += 1 }
            var name = ""
            while cursor < scalars.count, scalars[cursor] != "}", scalars[cursor] != " ", scalars[cursor] != "(" {
                name.unicodeScalars.append(scalars[cursor])
                cursor += 1
            }
            let root = name.split(separator: ".", maxSplits: 1).first.map(String.init) ?? name
            if !root.isEmpty {
                found.append((root, line, tagStart - lineStart + 1, depth))
            }
            if sigil == "#" || sigil == "^" { depth += 1 }
            index = cursor
        }
        return found
    }

    private static func describe(_ error: any Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "\(error)".lowercased() }
        return switch error {
        case .sectionCloseNameIncorrect: "a section is closed with a different name than it was opened with"
        case .unfinishedName: "a tag is not closed"
        case .expectedSectionEnd: "a section is never closed"
        case .invalidSetDelimiter: "invalid set-delimiter tag"
        case .invalidConfigVariableSyntax: "invalid pragma"
        case .unrecognisedConfigVariable: "unknown pragma"
        default: "\(error)".lowercased()
        }
    }
}
