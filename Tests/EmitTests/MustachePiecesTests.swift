import Diagnostics
import Testing
@testable import Emit

/// Templates cut into pieces for speed render exactly as a whole, and errors keep their lines.
@Suite struct MustachePiecesTests {
    /// A long template with everything that must not be split: sections (nested, inverted),
    /// standalone tag lines, a comment over several lines, a triple mustache.
    static let long: String = (0..<40).map { index in
        """
        line \(index): {{name}} and {{{raw}}}
        {{#items}}
          - {{.}} of {{name}}
        {{/items}}
        {{^empty}}
        not empty \(index)
        {{/empty}}
        {{! a comment
            over two lines }}
        {{#nested}}{{#items}}[{{.}}]{{/items}}{{/nested}}

        """
    }.joined()

    static var context: [String: Any] { [
        "name": "pipeline", "raw": "<b>", "items": ["a", "b", "c"], "empty": false, "nested": true,
    ] }

    @Test func piecesRenderAsTheWholeTemplate() throws {
        let pieces = MustachePieces.cut(Self.long, size: 256)
        #expect(pieces.count > 10)
        #expect(pieces.map(\.text).joined() == Self.long)
        let whole = try MustacheText(Self.long, path: "long", pieceSize: .max).render(Self.context)
        #expect(whole.contains("line 39: pipeline and <b>\n  - a of pipeline\n"))
        #expect(try MustacheText(Self.long, path: "long", pieceSize: 256).render(Self.context) == whole)
        #expect(try MustacheText(Self.long, path: "long").render(Self.context) == whole)
    }

    @Test func cutsOnlyAfterANewlineOutsideTagsAndSections() {
        for piece in MustachePieces.cut(Self.long, size: 64).dropLast() {
            #expect(piece.text.hasSuffix("\n"))
            let opened = piece.text.components(separatedBy: "{{#").count + piece.text.components(separatedBy: "{{^").count
            #expect(opened - 2 == piece.text.components(separatedBy: "{{/").count - 1, "\(piece.text)")
            #expect(piece.text.components(separatedBy: "{{!").count == piece.text.components(separatedBy: "lines }}").count)
        }
        // Each piece knows the line it starts on.
        var line = 1
        for piece in MustachePieces.cut(Self.long, size: 64) {
            #expect(piece.firstLine == line)
            line += piece.text.filter { $0 == "\n" }.count
        }
    }

    @Test(arguments: ["{{=<% %>=}}", "{{<parent}}{{/parent}}", "{{$block}}x{{/block}}"])
    func delimiterAndBlockTagsAreNeverCut(tag: String) {
        let text = String(repeating: "some line of text\n", count: 200) + tag + "\n" + String(repeating: "more\n", count: 200)
        #expect(MustachePieces.cut(text, size: 64).count == 1)
    }

    @Test func anErrorInALaterPieceIsLocatedInTheWholeText() throws {
        var lines = (1...120).map { "line \($0) {{name}} with some text around it" }
        lines[99] = "{{#name}} opened on line 100"
        lines[109] = "{{/other}} closed on line 110"
        let error = try #require(throws: DiagnosticError.self) { try MustacheText(lines.joined(separator: "\n") + "\n", path: "t.txt") }
        #expect(error.diagnostic.id == "template.syntax")
        #expect(error.diagnostic.location?.line == 110)
    }
}
