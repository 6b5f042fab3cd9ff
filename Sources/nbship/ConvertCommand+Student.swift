import Convert
import Course
import Diagnostics
import Emit
import Foundation
import Notebook
import Requirements

extension NBShip.Convert {
    /// `nbship convert --student`: the solution project, the starter project and the student
    /// notebook, leak-checked, written atomically into one folder.
    func convertStudent(
        _ read: ReadResult, converter: Converter, options: ConvertOptions, digest: String, interpreter: String,
        environment: [String: String]
    ) throws(DiagnosticError) {
        guard let data = FileManager.default.contents(atPath: notebook) else {
            throw DiagnosticError(.error("notebook.io", "cannot read '\(notebook)'"))
        }
        var projects = try StudentConverter(converter: converter)
            .convert(Array(data), notebook: read.notebook, path: notebook, notebookSHA256: digest, options: options)
        projects.solution.diagnostics = read.warnings + projects.solution.diagnostics
        if projects.hasErrors {
            Terminal.report(projects.solution.diagnostics)
            Terminal.writeError("nothing written: fix the errors above\n")
            throw DiagnosticError(.error("convert.failed", "cannot convert '\(notebook)'"))
        }
        let destination = output ?? Self.defaultOutput(for: notebook)
        try refuseToReplaceInput(destination)
        if lock, !dryRun {
            guard let uv = ProjectLocker.findUV(interpreter: interpreter, environment: environment) else {
                throw DiagnosticError(.error("convert.lock-failed", "--lock needs uv, which was not found",
                                             notes: ["pip install uv, or set NBSHIP_UV=/path/to/uv"]))
            }
            let text = try ProjectLocker(uv: uv).lock(projects.solution.requirements.requirementsTxt, pythonVersion: options.pythonVersion)
            projects.addToBothProjects(GeneratedFile(path: "requirements.lock", contents: text))
        }
        let combined = projects.combined
        switch format {
        case .text:
            Terminal.report(combined.diagnostics)
            if dryRun {
                Terminal.write(ConvertReport.tree(combined, destination: destination))
                Terminal.write(ConvertReport.summary(projects.solution))
            }
        case .json:
            Terminal.write(ConvertReport.json(combined, destination: destination, written: !dryRun))
        }
        guard !dryRun else { return }
        try AtomicWriter.writeTree(projects.files, copies: projects.copies, to: destination, force: force)
        if format == .text {
            let stubbed = projects.starter?.changed ?? []
            let starter = stubbed.isEmpty ? "nothing removed" : "\(stubbed.count) with solutions removed: " + stubbed.joined(separator: ", ")
            Terminal.writeError("""
                wrote \(destination)/: \(StudentProjects.solutionFolder)/ (\(projects.solution.files.count) files), \
                \(StudentProjects.starterFolder)/ (\(starter)), \
                \(StudentProjects.studentNotebook) (\(projects.student.solutionCells.count) solution cell(s) stubbed)
                next: cd \(destination)/\(StudentProjects.solutionFolder) && python -m pytest

                """)
        }
    }
}
