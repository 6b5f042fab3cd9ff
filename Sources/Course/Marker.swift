/// The nbgrader markers nbship understands inside a cell's source.
public enum Marker: String, Sendable, CaseIterable, Codable {
    case beginSolution = "### BEGIN SOLUTION"
    case endSolution = "### END SOLUTION"
    case beginHiddenTests = "### BEGIN HIDDEN TESTS"
    case endHiddenTests = "### END HIDDEN TESTS"

    /// The markers on one line, each with its 0-based scalar offset in the line, in order.
    static func occurrences(in line: Substring) -> [(marker: Marker, column: Int)] {
        var found: [(Marker, Int)] = []
        for marker in Marker.allCases {
            var searchStart = line.startIndex
            while let range = line[searchStart...].firstRange(of: marker.rawValue) {
                found.append((marker, line.unicodeScalars.distance(from: line.startIndex, to: range.lowerBound)))
                searchStart = range.upperBound
            }
        }
        return found.sorted { $0.1 < $1.1 }
    }
}
