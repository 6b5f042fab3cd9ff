import Course
import Diagnostics
import Emit

/// What `nbship convert --student` makes of a solution notebook (nbgrader markers): the
/// solution project, the starter project students get, and the student notebook. Nothing is
/// written yet; ``files`` and ``copies`` are the whole output folder.
///
/// ```
/// DIR/solution/   the converted project of the solution notebook (markers kept as comments)
/// DIR/starter/    the same project with every solution region stubbed and hidden tests removed
/// DIR/student.ipynb
/// ```
public struct StudentProjects: Sendable {
    /// The output folder's subfolder holding the solution project.
    public static let solutionFolder = "solution"
    /// The output folder's subfolder holding the starter project.
    public static let starterFolder = "starter"
    /// The student notebook's name in the output folder.
    public static let studentNotebook = "student.ipynb"

    /// The converted solution notebook; check ``hasErrors`` before writing.
    public var solution: ConvertedProject
    /// The starter project (`nil` when the solution project has errors).
    public var starter: StarterProject?
    /// The student version of the solution notebook.
    public var student: StudentNotebook

    /// Creates the result.
    public init(solution: ConvertedProject, starter: StarterProject?, student: StudentNotebook) {
        self.solution = solution
        self.starter = starter
        self.student = student
    }

    /// Whether the solution project has errors (then nothing should be written).
    public var hasErrors: Bool {
        solution.hasErrors || starter == nil
    }

    /// Every file of the output folder, sorted by path: `solution/…`, `starter/…`, `student.ipynb`.
    public var files: [GeneratedFile] {
        let solutionFiles = solution.files.map { Self.moved($0, into: Self.solutionFolder) }
        let starterFiles = (starter?.files ?? []).map { Self.moved($0, into: Self.starterFolder) }
        let notebook = GeneratedFile(path: Self.studentNotebook, contents: student.text)
        return (solutionFiles + starterFiles + [notebook]).sorted { $0.path < $1.path }
    }

    /// The files copied as they are (data, local modules) into both projects, sorted by path.
    public var copies: [FileCopy] {
        let folders = starter == nil ? [Self.solutionFolder] : [Self.solutionFolder, Self.starterFolder]
        return folders.flatMap { folder in
            solution.copies.map { FileCopy(source: $0.source, path: folder + "/" + $0.path, size: $0.size) }
        }.sorted { $0.path < $1.path }
    }

    /// The whole output folder as one project (for reports: the tree, the JSON summary), with
    /// the solution's diagnostics (as with ``Converter``, the reader's warnings are the caller's).
    public var combined: ConvertedProject {
        ConvertedProject(plan: solution.plan, requirements: solution.requirements, files: files, copies: copies,
                         diagnostics: solution.diagnostics)
    }

    /// Adds a file to both projects (`requirements.lock`, which has nothing to hide).
    /// - Parameter file: The file, its path relative to a project.
    public mutating func addToBothProjects(_ file: GeneratedFile) {
        solution.files.append(file)
        solution.files.sort { $0.path < $1.path }
        starter?.files.append(file)
        starter?.files.sort { $0.path < $1.path }
    }

    static func moved(_ file: GeneratedFile, into folder: String) -> GeneratedFile {
        GeneratedFile(path: folder + "/" + file.path, contents: file.contents, executable: file.executable)
    }
}
