import ArgumentParser
import Foundation
import Diagnostics
import Notebook
import Refactor

extension NBShip {
    /// `nbship plan`: shows how nbship reads a notebook and every decision it makes.
    struct Plan: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "plan",
            abstract: "Show the stage of every cell, why, and what crosses stage boundaries.",
            discussion: """
                Reads the notebook, lowers IPython syntax (magics, !shell, help), analyses the \
                Python of every cell (imports, names defined and read, in-place changes, calls), \
                and sorts the cells into stages: setup, data, model, train, evaluate, inference \
                and explore. Evidence is weighed in order: cell tags (nbship:<stage>, Kale's \
                block:/step:/skip, papermill's parameters), markdown headings, what the code \
                does, and where its values go.

                The text report is for people; --format json is stable for tools (see README). \
                --format mermaid and --format dot draw the project convert would write: its \
                stage functions, the values that cross between them, the data files and the \
                artifacts (`nbship plan nb.ipynb --format dot | dot -Tsvg > pipeline.svg`). \
                Diagnostics (syntax errors, cells that are not Python, hidden state, secrets in \
                code) are part of the report.

                Exit status: 0 when the notebook could be read (whatever the report says), \
                2 when it could not (invalid JSON, not a Python notebook, no cells).
                """
        )

        @Argument(help: "The notebook (.ipynb) to plan.")
        var notebook: String

        @Option(help: "Output format: text, json, mermaid or dot.")
        var format: PlanFormat = .text

        func run() throws {
            let read: ReadResult
            do {
                read = try NotebookInput.read(notebook)
            } catch {
                Terminal.report([error.diagnostic])
                throw ExitCode(2)
            }
            var plan = Planner().plan(read.notebook, path: notebook)
            plan.analysis.diagnostics = read.warnings + plan.analysis.diagnostics
            switch format {
            case .text:
                Terminal.write(PlanText.render(plan, colour: Terminal.colourAllowed(fd: 1)))
            case .json:
                Terminal.write(try PlanJSON.encode(plan))
            case .mermaid, .dot:
                let folder = (notebook as NSString).deletingLastPathComponent
                let (project, _) = ProjectPlanner().plan(plan, options: ProjectPlanOptions(notebookDirectory: folder.isEmpty ? "." : folder))
                let diagram = PipelineDiagram(project)
                Terminal.write(format == .mermaid ? diagram.mermaid : diagram.dot)
            }
        }
    }
}
