import Course
import Diagnostics
import Emit
import Foundation
import Notebook
import PythonSyntax

/// The **convert --student** pipeline: a solution notebook with nbgrader markers → a solution
/// project, a starter project and a student notebook (see ``StudentProjects``).
///
/// 1. The student notebook is made first (``StudentVersion``): it validates the markers and
///    collects every secret line (solution and hidden-tests regions, whole solution cells).
/// 2. The solution notebook is converted as usual. Markers are comments, so they travel with
///    the code into the generated functions; a code cell that `metadata.nbgrader` marks as a
///    solution without markers is wrapped in markers first, so it is stubbed as a whole.
/// 3. The starter project is the solution project with the markers applied
///    (``StarterProject``): each region becomes `# YOUR CODE HERE` / `raise NotImplementedError()`
///    at its indentation inside the function it landed in, hidden tests go, and
///    `notebooks/explore.ipynb` gets its student version. Both projects have the same modules,
///    signatures and tests, so the starter's tests fail with `NotImplementedError` exactly
///    where the solution's pass.
/// 4. Checks: no stub may run at import time (the starter's modules must import cleanly), and
///    no secret line of the notebook may appear anywhere in the starter project — convert
///    moves imports and top-level settings out of their cells, which would carry a solution
///    line out of its region.
public struct StudentConverter: Sendable {
    /// Converts each notebook.
    public var converter: Converter

    /// Creates the pipeline.
    /// - Parameter converter: The converter of the solution notebook.
    public init(converter: Converter) {
        self.converter = converter
    }

    /// Converts a solution notebook.
    /// - Parameters:
    ///   - bytes: The notebook file's contents (the student version keeps everything it holds).
    ///   - notebook: The same notebook, read.
    ///   - path: Its path as the user gave it.
    ///   - notebookSHA256: The hex SHA-256 of `bytes`.
    ///   - options: The conversion options.
    /// - Returns: The projects; check ``StudentProjects/hasErrors`` (the solution's diagnostics
    ///   say why) before writing.
    /// - Throws: The errors of ``StudentVersion`` and ``StarterProject`` (markers, leaks);
    ///   `course.import-in-solution` and `course.definition-in-solution` (located in the
    ///   notebook: a region convert would break apart); `template.*` errors;
    ///   `course.starter-syntax` and `course.stub-at-import` (a starter module that would not
    ///   parse, or would raise when imported); `course.leak` (a line of a solution region in a
    ///   starter file).
    public func convert(_ bytes: [UInt8], notebook: Notebook, path: String, notebookSHA256: String,
                        options: ConvertOptions) throws(DiagnosticError) -> StudentProjects {
        let student = try StudentVersion().make(from: bytes, path: path)
        let (marked, wrapped) = Self.wrappingWholeSolutionCells(notebook, solutionCells: student.solutionCells)
        if let problem = Self.combined(SolutionRegionCheck.problems(in: marked, path: path, wrapped: wrapped)) {
            throw problem
        }
        var solution = try converter.convert(marked, path: path, notebookSHA256: notebookSHA256, options: options)
        solution.diagnostics = solution.diagnostics.map { Self.unshifted($0, wrapped: wrapped) }
        if student.solutionCells.isEmpty {
            solution.diagnostics.append(.warning(
                "course.no-solution", "the notebook has no solution region: the starter project is the solution project",
                at: SourceLocation(path: path, line: 1, column: 1),
                notes: ["mark what students write with '\(Marker.beginSolution.rawValue)' / '\(Marker.endSolution.rawValue)', "
                        + "or set metadata.nbgrader.solution on a cell"]))
        }
        guard !solution.hasErrors else {
            return StudentProjects(solution: solution, starter: nil, student: student)
        }
        let starter: StarterProject
        do {
            starter = try StarterProject.make(from: solution.files)
        } catch {
            throw Self.explained(error, notebook: path)
        }
        let stubs = Self.unparsableStarterFiles(starter, solution: solution) + Self.importTimeStubs(starter, solution: solution, student: student, notebook: path)
        if let problem = Self.combined(stubs) {
            throw problem
        }
        let check = LeakCheck(secrets: student.secrets, visible: student.visibleLines)
        let starterFiles = starter.files.map { StudentProjects.moved($0, into: StudentProjects.starterFolder) }
        if var leak = LeakCheck.error(for: check.leaks(in: starterFiles)) {
            leak.diagnostic.notes.append(Self.leakHint(for: leak.diagnostic))
            throw leak
        }
        return StudentProjects(solution: solution, starter: starter, student: student)
    }

    /// The first problem, with the others' locations in a note.
    static func combined(_ problems: [Diagnostic]) -> DiagnosticError? {
        guard var first = problems.first else { return nil }
        if problems.count > 1 {
            first.notes.append("\(problems.count - 1) more: " + problems.dropFirst().compactMap { $0.location?.rendered }.joined(separator: ", "))
        }
        return DiagnosticError(first)
    }

    /// Starter modules that no longer parse although their solution does: a region whose
    /// markers convert placed in different blocks.
    static func unparsableStarterFiles(_ starter: StarterProject, solution: ConvertedProject) -> [Diagnostic] {
        starter.files.filter { $0.path.hasSuffix(".py") && starter.changed.contains($0.path) }.compactMap { file in
            let after = PythonAnalyzer.analyze(file.contents)
            guard after.module == nil, let original = solution.files.first(where: { $0.path == file.path }),
                  PythonAnalyzer.analyze(original.contents).module != nil else { return nil }
            let line = after.diagnostics.first?.line ?? 1
            return .error(
                "course.starter-syntax", "the starter module does not parse once its solution regions are stubbed",
                at: SourceLocation(path: StudentProjects.starterFolder + "/" + file.path, line: line, column: 1),
                notes: ["keep each solution region inside one block of one cell, around whole statements"])
        }
    }

    /// What to do about a leak in the starter project: a setting convert lifted into config.py
    /// left its region; any other file repeats the line (a template, another cell).
    static func leakHint(for leak: Diagnostic) -> String {
        if leak.location?.path.hasSuffix("/config.py") == true {
            return "convert moves the notebook's settings into config.py, out of any region: keep settings outside solution regions"
        }
        return "remove the line from what students get, or move it out of the solution region if students may see it"
    }

    /// Wraps each solution code cell that has no markers (a whole-cell solution) in
    /// `### BEGIN SOLUTION` / `### END SOLUTION`, after a leading cell magic.
    /// - Returns: The notebook and the wrapped cells (their lines moved down by one).
    static func wrappingWholeSolutionCells(_ notebook: Notebook, solutionCells: [Int]) -> (Notebook, Set<Int>) {
        var marked = notebook
        var wrapped: Set<Int> = []
        for index in solutionCells where index < marked.cells.count {
            let source = marked.cells[index].source
            guard marked.cells[index].kind == .code, !source.contains(Marker.beginSolution.rawValue),
                  !source.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { continue }
            var lines = source.components(separatedBy: "\n")
            if lines.last == "" { lines.removeLast() }
            let at = lines.first?.hasPrefix("%%") == true ? 1 : 0
            lines.insert(Marker.beginSolution.rawValue, at: at)
            lines.append(Marker.endSolution.rawValue)
            marked.cells[index].source = lines.joined(separator: "\n") + (source.hasSuffix("\n") ? "\n" : "")
            wrapped.insert(index)
        }
        return (marked, wrapped)
    }

    /// A diagnostic in a wrapped cell, moved back to the line the user wrote.
    static func unshifted(_ diagnostic: Diagnostic, wrapped: Set<Int>) -> Diagnostic {
        guard var location = diagnostic.location, let cell = location.cell, wrapped.contains(cell), location.line > 1 else {
            return diagnostic
        }
        location.line -= 1
        var moved = diagnostic
        moved.location = location
        return moved
    }

    /// A marker or leak error from the generated files, placed in the tree it concerns.
    static func explained(_ error: DiagnosticError, notebook: String) -> DiagnosticError {
        var diagnostic = error.diagnostic
        let leak = diagnostic.id == "course.leak"
        if var location = diagnostic.location, location.cell == nil || location.path.hasSuffix(".ipynb") {
            location.path = (leak ? StudentProjects.starterFolder : StudentProjects.solutionFolder) + "/" + location.path
            diagnostic.location = location
        }
        diagnostic.notes.append(leak ? leakHint(for: diagnostic)
            : "in the project converted from '\(notebook)': keep each solution region inside one cell, around whole statements")
        return DiagnosticError(diagnostic)
    }

    /// Stubs that would raise when their starter module is imported, located at the region in
    /// the notebook when its first line can be found there, else in the starter file.
    static func importTimeStubs(_ starter: StarterProject, solution: ConvertedProject, student: StudentNotebook, notebook: String) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for file in starter.files where file.path.hasSuffix(".py") && starter.changed.contains(file.path) {
            let lines = file.contents.components(separatedBy: "\n")
            func stripped(_ line: Int) -> String {
                line >= 1 && line <= lines.count ? lines[line - 1].trimmingCharacters(in: .whitespaces) : ""
            }
            let stubs = lines.indices.map { $0 + 1 }.filter { stripped($0) == Stub.code[1] && stripped($0 - 1) == Stub.code[0] }
            let atImport = Set(ImportTimeStubs.raiseLines(in: file.contents))
            let solutionLines = (solution.files.first { $0.path == file.path }?.contents ?? "").components(separatedBy: "\n")
            let regionStarts = solutionLines.indices.filter { solutionLines[$0].contains(Marker.beginSolution.rawValue) }.map { $0 + 1 }
            for (region, line) in stubs.enumerated() where atImport.contains(line) {
                var location = SourceLocation(
                    path: StudentProjects.starterFolder + "/" + file.path, line: line,
                    column: lines[line - 1].prefix { $0 == " " || $0 == "\t" }.count + 1)
                if region < regionStarts.count,
                   let first = starter.secrets.first(where: { $0.file == file.path && $0.origin == .solution && $0.line >= regionStarts[region] }),
                   let origin = student.secrets.first(where: { $0.text == first.text && $0.origin == .solution }), let cell = origin.cell {
                    location = SourceLocation(path: notebook, cell: cell, line: origin.line, column: 1)
                }
                found.append(.error(
                    "course.stub-at-import", "this solution region runs when '\(file.path)' is imported: the starter module would raise NotImplementedError on import",
                    at: location,
                    notes: ["put the region inside a function body (keep 'def …:' and 'class …:' lines outside it), so the starter's modules import cleanly"]))
            }
        }
        return found
    }
}
