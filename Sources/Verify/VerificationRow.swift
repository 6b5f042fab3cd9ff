import Foundation

/// One check `nbship verify` ran: the line a notebook cell recorded, what the project printed
/// in its place, and the verdict. Written by `tests/test_notebook_results.py` as one JSON
/// object per line when `NBSHIP_VERIFY_REPORT` names a file.
public struct VerificationRow: Sendable, Equatable, Codable {
    /// `cell_12`.
    public var cell: String
    /// The recorded line.
    public var recorded: String
    /// The project's line, `nil` when it printed none like it.
    public var reproduced: String?
    /// `same`, `differs`, `in range`, `out of range` or `missing`.
    public var verdict: String

    /// Creates a row.
    public init(cell: String, recorded: String, reproduced: String?, verdict: String) {
        self.cell = cell
        self.recorded = recorded
        self.reproduced = reproduced
        self.verdict = verdict
    }

    /// Whether the project reproduced the value.
    public var passed: Bool { verdict == "same" || verdict == "in range" }

    /// The rows of a report file's text; lines that are not a row are skipped.
    public static func rows(_ text: String) -> [VerificationRow] {
        let decoder = JSONDecoder()
        return text.split(separator: "\n").compactMap { line in
            try? decoder.decode(VerificationRow.self, from: Data(line.utf8))
        }
    }

    /// A table for people: cell, recorded value, reproduced value, verdict, with the
    /// columns padded (values longer than 60 characters cut with `…`).
    public static func table(_ rows: [VerificationRow]) -> String {
        let header = ["cell", "recorded", "reproduced", "verdict"]
        let cells = rows.map { [$0.cell, clip($0.recorded), clip($0.reproduced ?? "—"), $0.verdict] }
        var widths = header.map(\.count)
        for row in cells {
            for (index, value) in row.enumerated() { widths[index] = max(widths[index], value.count) }
        }
        func line(_ values: [String]) -> String {
            values.enumerated().map { index, value in
                index == values.count - 1 ? value : value.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }
        return ([line(header)] + cells.map(line)).joined(separator: "\n") + "\n"
    }

    private static func clip(_ text: String) -> String {
        text.count <= 60 ? text : String(text.prefix(59)) + "…"
    }
}
