import ArgumentParser
import Course
import Diagnostics
import Foundation

extension NBShip {
    /// `nbship student`: the student version of a solution notebook.
    struct Student: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "student",
            abstract: "Write the student version of a solution notebook (nbgrader markers).",
            discussion: """
                In code cells, each '### BEGIN SOLUTION' … '### END SOLUTION' region becomes \
                '# YOUR CODE HERE' and 'raise NotImplementedError()' at the region's indentation \
                (a line holding both markers is a one-line region), and '### BEGIN HIDDEN TESTS' … \
                '### END HIDDEN TESTS' regions are removed. Markdown answers (regions, or cells \
                whose metadata.nbgrader.solution is true) become 'YOUR ANSWER HERE'. Outputs and \
                execution counts are cleared; everything else is kept, written the way Jupyter \
                writes notebooks.

                The result is leak-checked: a line from a solution region that still appears in \
                the student notebook is an error, and nothing is written.

                Exit status: 0 written, 2 bad input (unbalanced or nested markers, a leak, an \
                existing output without --force).
                """
        )

        @Argument(help: "The solution notebook (.ipynb).")
        var solution: String

        @Option(name: .shortAndLong, help: "Where to write the student notebook.")
        var output: String

        @Flag(help: "Replace the output if it exists.")
        var force = false

        func validate() throws {
            if URL(fileURLWithPath: solution).standardizedFileURL == URL(fileURLWithPath: output).standardizedFileURL {
                throw ValidationError("the output must not be the solution notebook itself")
            }
        }

        func run() throws {
            do {
                try write()
            } catch {
                Terminal.report([error.diagnostic])
                throw ExitCode(2)
            }
        }

        private func write() throws(DiagnosticError) {
            guard FileManager.default.fileExists(atPath: solution) else {
                throw DiagnosticError(.error("notebook.io", "cannot open '\(solution)': no such file or directory"))
            }
            guard let data = FileManager.default.contents(atPath: solution) else {
                throw DiagnosticError(.error("notebook.io", "cannot read '\(solution)'"))
            }
            let student = try StudentVersion().make(from: Array(data), path: solution)
            Terminal.report(student.warnings)
            try AtomicWriter.writeFile(student.text, to: output, force: force)
            Terminal.writeError(
                "wrote \(output): \(student.solutionCells.count) solution cell(s) stubbed, "
                    + "hidden tests removed from \(student.hiddenTestCells.count) cell(s)\n")
        }
    }
}
