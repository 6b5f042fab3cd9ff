/// Text after variable expansion: known pieces and variables whose value is not known.
public struct ExpandedText: Sendable, Hashable {
    /// One piece.
    public enum Piece: Sendable, Hashable {
        case literal(String)
        /// A variable with no value (declared without a default, or never declared).
        case unknown(String)
    }

    /// The pieces in order.
    public var pieces: [Piece]

    /// Creates expanded text.
    public init(_ pieces: [Piece] = []) {
        self.pieces = pieces
    }

    /// The names of the unknown variables.
    public var unknownNames: [String] {
        pieces.compactMap { if case .unknown(let name) = $0 { name } else { nil } }
    }

    /// The text when every piece is known.
    public var literal: String? {
        unknownNames.isEmpty ? withUnknownsEmpty : nil
    }

    /// The text with every unknown variable replaced by the empty string (what Docker and
    /// Compose substitute for an unset variable).
    public var withUnknownsEmpty: String {
        pieces.map { if case .literal(let text) = $0 { text } else { "" } }.joined()
    }

    /// The literal text after the last unknown variable.
    public var tailAfterLastUnknown: String {
        var tail = ""
        for piece in pieces.reversed() {
            guard case .literal(let text) = piece else { break }
            tail = text + tail
        }
        return tail
    }

    /// `true` when it might be non-empty (has an unknown or a non-empty literal).
    var mayBeNonEmpty: Bool {
        pieces.contains { if case .literal(let text) = $0 { !text.isEmpty } else { true } }
    }
}
