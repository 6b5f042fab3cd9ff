import Diagnostics

/// Replaces nbgrader regions in one cell's source.
///
/// - `### BEGIN SOLUTION` … `### END SOLUTION` (marker lines included) becomes the stub
///   (`# YOUR CODE HERE` / `raise NotImplementedError()`, or `YOUR ANSWER HERE` in markdown)
///   at the indentation of the `BEGIN` line.
/// - The inline form, both markers on one line (`    return x * 2  ### BEGIN SOLUTION ### END SOLUTION`),
///   makes that whole line the solution: it is replaced by the stub at the line's indentation.
/// - `### BEGIN HIDDEN TESTS` … `### END HIDDEN TESTS` (marker lines included) is removed.
/// - A marker without its partner, or a region opened inside another, is a located error.
struct MarkerScanner {
    var path: String
    /// The cell index in a notebook, `nil` for a plain file.
    var cell: Int?
    var markdown: Bool

    private enum State {
        case visible
        case solution(line: Int, column: Int, indent: Substring)
        case hidden(line: Int, column: Int)
    }

    func rewrite(_ source: String) throws(DiagnosticError) -> CellRewrite {
        var result = CellRewrite(source: "", replacedSolution: false, removedHiddenTests: false, secrets: [], firstSolutionMarker: nil, visibleLines: [])
        var state = State.visible
        let lines = Self.lines(of: source)
        for (index, (body, ending)) in lines.enumerated() {
            let number = index + 1
            let markers = Marker.occurrences(in: body)
            let indent = body.prefix { $0 == " " || $0 == "\t" }
            func secret(_ text: Substring, _ origin: SecretLine.Origin) {
                let stripped = text.trimmingWhitespace()
                if !stripped.isEmpty {
                    result.secrets.append(SecretLine(text: stripped, cell: cell, file: cell == nil ? path : nil, line: number, origin: origin))
                }
            }
            func stub(indent: Substring, ending: Substring) {
                let stubLines = Stub.lines(markdown: markdown)
                for (position, line) in stubLines.enumerated() {
                    result.source += indent + line + (position == stubLines.count - 1 ? String(ending) : "\n")
                }
                result.replacedSolution = true
            }
            switch state {
            case .visible:
                guard let first = markers.first else {
                    result.source += body + ending
                    let stripped = body.trimmingWhitespace()
                    if !stripped.isEmpty { result.visibleLines.append(stripped) }
                    continue
                }
                switch first.marker {
                case .beginSolution:
                    if result.firstSolutionMarker == nil { result.firstSolutionMarker = (number, first.column + 1) }
                    if markers.count >= 2, markers[1].marker == .endSolution {
                        // Inline form: one line, one region.
                        try checkNothingAfter(markers, from: 2, line: number, opened: (number, first.column))
                        secret(Self.removingMarkers(body), .solution)
                        stub(indent: indent, ending: ending)
                    } else {
                        try checkNothingAfter(markers, from: 1, line: number, opened: (number, first.column))
                        secret(Self.removingMarkers(body), .solution)
                        state = .solution(line: number, column: first.column, indent: indent)
                    }
                case .beginHiddenTests:
                    if markers.count >= 2, markers[1].marker == .endHiddenTests {
                        try checkNothingAfter(markers, from: 2, line: number, opened: (number, first.column))
                        secret(Self.removingMarkers(body), .hiddenTests)
                        result.removedHiddenTests = true
                    } else {
                        try checkNothingAfter(markers, from: 1, line: number, opened: (number, first.column))
                        secret(Self.removingMarkers(body), .hiddenTests)
                        state = .hidden(line: number, column: first.column)
                    }
                case .endSolution, .endHiddenTests:
                    throw unmatchedEnd(first.marker, line: number, column: first.column)
                }
            case .solution(let openLine, let openColumn, let openIndent):
                guard let first = markers.first else {
                    secret(body, .solution)
                    continue
                }
                switch first.marker {
                case .endSolution:
                    try checkNothingAfter(markers, from: 1, line: number, opened: (openLine, openColumn))
                    secret(Self.removingMarkers(body), .solution)
                    stub(indent: openIndent, ending: ending)
                    state = .visible
                case .beginSolution, .beginHiddenTests:
                    throw nested(first.marker, line: number, column: first.column, inside: .beginSolution, openedAt: openLine)
                case .endHiddenTests:
                    throw mismatched(first.marker, line: number, column: first.column, open: .beginSolution, openedAt: openLine)
                }
            case .hidden(let openLine, let openColumn):
                guard let first = markers.first else {
                    secret(body, .hiddenTests)
                    continue
                }
                switch first.marker {
                case .endHiddenTests:
                    try checkNothingAfter(markers, from: 1, line: number, opened: (openLine, openColumn))
                    secret(Self.removingMarkers(body), .hiddenTests)
                    result.removedHiddenTests = true
                    state = .visible
                case .beginSolution, .beginHiddenTests:
                    throw nested(first.marker, line: number, column: first.column, inside: .beginHiddenTests, openedAt: openLine)
                case .endSolution:
                    throw mismatched(first.marker, line: number, column: first.column, open: .beginHiddenTests, openedAt: openLine)
                }
            }
        }
        switch state {
        case .visible:
            return result
        case .solution(let line, let column, _):
            throw unterminated(.beginSolution, line: line, column: column)
        case .hidden(let line, let column):
            throw unterminated(.beginHiddenTests, line: line, column: column)
        }
    }

    /// One marker line may hold at most one region; anything more is an error at the extra marker.
    private func checkNothingAfter(
        _ markers: [(marker: Marker, column: Int)], from index: Int, line: Int, opened: (Int, Int)
    ) throws(DiagnosticError) {
        guard index < markers.count else { return }
        let extra = markers[index]
        throw DiagnosticError(.error(
            "course.marker-misplaced", "'\(extra.marker.rawValue)' must be on its own line after this region's other marker",
            at: location(line, extra.column), notes: ["the region starts at line \(opened.0)"]))
    }

    private func location(_ line: Int, _ column: Int) -> SourceLocation {
        SourceLocation(path: path, cell: cell, line: line, column: column + 1)
    }

    private func unmatchedEnd(_ marker: Marker, line: Int, column: Int) -> DiagnosticError {
        let begin = marker == .endSolution ? Marker.beginSolution : .beginHiddenTests
        return DiagnosticError(.error(
            "course.unbalanced-marker", "'\(marker.rawValue)' without a matching '\(begin.rawValue)'",
            at: location(line, column)))
    }

    private func nested(_ marker: Marker, line: Int, column: Int, inside open: Marker, openedAt: Int) -> DiagnosticError {
        DiagnosticError(.error(
            "course.nested-marker", "'\(marker.rawValue)' inside the region opened by '\(open.rawValue)' at line \(openedAt)",
            at: location(line, column), notes: ["regions cannot nest; close the first one before opening another"]))
    }

    private func mismatched(_ marker: Marker, line: Int, column: Int, open: Marker, openedAt: Int) -> DiagnosticError {
        DiagnosticError(.error(
            "course.unbalanced-marker", "'\(marker.rawValue)' closes the region opened by '\(open.rawValue)' at line \(openedAt)",
            at: location(line, column)))
    }

    private func unterminated(_ marker: Marker, line: Int, column: Int) -> DiagnosticError {
        let end = marker == .beginSolution ? Marker.endSolution : .endHiddenTests
        return DiagnosticError(.error(
            "course.unbalanced-marker", "'\(marker.rawValue)' is never closed by '\(end.rawValue)' in this \(cell == nil ? "file" : "cell")",
            at: location(line, column)))
    }

    /// The line with every marker cut out (what remains may still be secret: `x = 1 ### BEGIN SOLUTION`).
    private static func removingMarkers(_ body: Substring) -> Substring {
        var text = String(body)
        for marker in Marker.allCases {
            text = text.replacing(marker.rawValue, with: "")
        }
        return Substring(text)
    }

    /// Splits source into lines, each with its terminator (`\n`, `\r\n` or none for the last).
    static func lines(of source: String) -> [(Substring, Substring)] {
        var result: [(Substring, Substring)] = []
        var rest = Substring(source)
        while !rest.isEmpty {
            if let newline = rest.firstIndex(where: { $0 == "\n" || $0 == "\r\n" }) {
                result.append((rest[..<newline], rest[newline...newline]))
                rest = rest[rest.index(after: newline)...]
            } else {
                result.append((rest, ""))
                rest = ""
            }
        }
        return result
    }
}
