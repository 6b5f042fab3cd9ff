import Foundation

/// One line of text a cell printed, split into its words and its numbers, so that a line the
/// project prints can be compared with the line the notebook recorded: same `skeleton`, and
/// each number equal within the precision it was printed with.
///
/// The generated `tests/test_notebook_results.py` applies the same two regular expressions
/// (``numberPattern`` and ``scalarPattern``, which ICU and Python's `re` read alike), so the
/// skeleton computed here is the one the test computes for the project's output.
public struct OutputLine: Sendable, Equatable, Codable {
    /// The line as printed (without its newline).
    public var text: String
    /// The text with NumPy scalar wrappers removed (`np.float64(0.25)` → `0.25`), every
    /// number replaced by `{}`, runs of white space collapsed to one space, no space just inside
    /// brackets (NumPy pads `[ 5 11]` to the widest number), trimmed.
    public var skeleton: String
    /// The numbers, as written, in order.
    public var numbers: [String]

    /// A number: not inside a word (`x1`, `float64`) nor running into one (`3D`).
    public static let numberPattern = #"(?<![\w.])[-+]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?(?!\w)"#
    /// NumPy 2's scalar repr (`np.float64(0.25)`), whose group 1 is the value.
    public static let scalarPattern = #"\bnp\.[A-Za-z_]\w*\(([^()]*)\)"#

    private static let number = try? NSRegularExpression(pattern: numberPattern)
    private static let scalar = try? NSRegularExpression(pattern: scalarPattern)
    private static let space = try? NSRegularExpression(pattern: #"\s+"#)
    private static let afterOpening = try? NSRegularExpression(pattern: #"([\[({]) "#)
    private static let beforeClosing = try? NSRegularExpression(pattern: #" ([\])}])"#)

    /// Splits a line.
    /// - Parameter text: The line, without its newline.
    public init(_ text: String) {
        self.text = text
        let unwrapped = Self.replacing(Self.scalar, in: text, with: "$1")
        let whole = NSRange(unwrapped.startIndex..., in: unwrapped)
        numbers = (Self.number?.matches(in: unwrapped, range: whole) ?? []).compactMap { match in
            Range(match.range, in: unwrapped).map { String(unwrapped[$0]) }
        }
        let holes = Self.replacing(Self.number, in: unwrapped, with: "{}")
        let spaced = Self.replacing(Self.space, in: holes, with: " ")
        skeleton = Self.replacing(Self.beforeClosing, in: Self.replacing(Self.afterOpening, in: spaced, with: "$1"), with: "$1")
            .trimmingCharacters(in: .whitespaces)
    }

    /// Whether the line holds a number.
    public var hasNumbers: Bool { !numbers.isEmpty }

    private static func replacing(_ expression: NSRegularExpression?, in text: String, with template: String) -> String {
        guard let expression else { return text }
        return expression.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: template)
    }
}
