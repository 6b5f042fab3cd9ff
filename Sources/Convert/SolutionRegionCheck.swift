import Course
import Diagnostics
import Foundation
import Notebook
import PythonSyntax

/// Checks, before converting, that each solution region of a code cell survives the move into
/// a function body: convert hoists imports to the top of a module and moves definitions whole,
/// so a region around an `import` or a whole `def`/`class` would lose its markers or stub a
/// module at import time. Each such statement is an error located in the notebook.
///
/// A cell that does not parse as plain Python (IPython magics) is left to the checks on the
/// generated project.
enum SolutionRegionCheck {
    /// The problems in the notebook's code cells.
    /// - Parameters:
    ///   - notebook: The notebook (whole-cell solutions already wrapped in markers).
    ///   - path: Its path, for locations.
    ///   - wrapped: The cells whose markers nbship added (their lines are one further down).
    /// - Returns: `course.import-in-solution` and `course.definition-in-solution` errors.
    static func problems(in notebook: Notebook, path: String, wrapped: Set<Int>) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for (index, cell) in notebook.cells.enumerated() where cell.kind == .code && cell.source.contains(Marker.beginSolution.rawValue) {
            guard let module = PythonAnalyzer.analyze(cell.source).module else { continue }
            let regions = regions(in: cell.source)
            for statement in module.body {
                let line = statement.range.start.line
                guard regions.contains(where: { $0.contains(line) }) else { continue }
                let shown = wrapped.contains(index) ? max(1, line - 1) : line
                let location = SourceLocation(path: path, cell: index, line: shown, column: statement.range.start.column)
                switch statement.kind {
                case .import, .importFrom:
                    found.append(.error(
                        "course.import-in-solution", "import inside a solution region: convert moves imports to the top of the module, out of the region",
                        at: location, notes: ["move the import above '\(Marker.beginSolution.rawValue)' (or into the notebook's import cell)"]))
                case .functionDef(let definition):
                    found.append(definitionProblem("def \(definition.name)", at: location))
                case .classDef(let definition):
                    found.append(definitionProblem("class \(definition.name)", at: location))
                default:
                    continue
                }
            }
        }
        return found
    }

    private static func definitionProblem(_ what: String, at location: SourceLocation) -> Diagnostic {
        .error(
            "course.definition-in-solution",
            "solution region around a whole definition ('\(what)'): the starter module would lose it and raise NotImplementedError on import",
            at: location,
            notes: ["keep the '\(what)' line outside the region and put the markers around the lines of its body students write"])
    }

    /// The 1-based line ranges of the block solution regions in a cell (markers included),
    /// and the lines holding an inline region.
    static func regions(in source: String) -> [ClosedRange<Int>] {
        var found: [ClosedRange<Int>] = []
        var open: Int?
        for (offset, line) in source.components(separatedBy: "\n").enumerated() {
            let number = offset + 1
            let begins = line.contains(Marker.beginSolution.rawValue)
            let ends = line.contains(Marker.endSolution.rawValue)
            if begins && ends {
                found.append(number...number)
            } else if begins {
                open = number
            } else if ends, let start = open {
                found.append(start...number)
                open = nil
            }
        }
        return found
    }
}
