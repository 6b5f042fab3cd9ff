import Diagnostics
import Emit
import Foundation
import Notebook
import Refactor
import Requirements
import Verify

/// The **convert** pipeline: a notebook → the files of a tested, pinned, deployable project.
///
/// Plans the notebook (stages, dataflow), plans the package (``ProjectPlanner``), pins every
/// import (``RequirementsResolver``, split into runtime, exploration and test pins), then
/// renders the `convert` template with the result. Nothing is written: the caller writes
/// ``ConvertedProject/files`` and copies ``ConvertedProject/copies`` (atomically).
///
/// ```swift
/// let converter = Converter(resolver: try .bundled(environment: PythonEnvironment(interpreter: "python3")),
///                           template: try Template.load(directory: "templates/notebook-project"))
/// let project = try converter.convert(notebook, path: "churn.ipynb", notebookSHA256: digest,
///                                     options: ConvertOptions(pythonVersion: PythonVersion(3, 11)))
/// if !project.hasErrors { write(project.files) }
/// ```
public struct Converter: Sendable {
    /// Pins the imports.
    public var resolver: RequirementsResolver
    /// The `convert` template (`templates/notebook-project` or an instructor's copy).
    public var template: Template

    /// Creates a converter.
    /// - Parameters:
    ///   - resolver: The requirements resolver (its environment is the `--python` one).
    ///   - template: The template to render.
    public init(resolver: RequirementsResolver, template: Template) {
        self.resolver = resolver
        self.template = template
    }

    /// Converts a notebook.
    /// - Parameters:
    ///   - notebook: The notebook, read.
    ///   - path: Its path as the user gave it (diagnostics, the notebook's folder).
    ///   - notebookSHA256: The hex SHA-256 of its bytes (recorded in `pyproject.toml`).
    ///   - options: Package name, target Python, pins, base image, lock.
    /// - Returns: The project; check ``ConvertedProject/hasErrors`` before writing it.
    /// - Throws: `template.*` errors when the template does not render.
    public func convert(_ notebook: Notebook, path: String, notebookSHA256: String, options: ConvertOptions) throws(DiagnosticError) -> ConvertedProject {
        let notebookPlan = Planner().plan(notebook, path: path)
        let directory = Self.directory(of: path)
        let (plan, planDiagnostics) = ProjectPlanner().plan(notebookPlan, options: ProjectPlanOptions(
            packageName: options.packageName, notebookDirectory: directory, returnExplorationInputs: true))
        let (requirements, requirementDiagnostics) = RequirementsPlanner(resolver: resolver)
            .plan(notebook: notebookPlan, project: plan, options: options, notebookDirectory: directory)
        let recorded = try options.resultsFrom?.applied(to: notebookPlan) ?? notebookPlan
        let (results, resultDiagnostics) = ResultsPlanner().plan(recorded, project: plan, targetPython: options.pythonVersion.description)
        var diagnostics = notebookPlan.analysis.diagnostics + planDiagnostics + resultDiagnostics + requirementDiagnostics
        var copies: [FileCopy] = []
        for file in plan.config.dataFiles where file.exists {
            let size = file.size ?? 0
            if size > options.copyLimit {
                diagnostics.append(.warning(
                    "convert.data-not-copied",
                    "'\(file.resolvedPath)' is \(ProjectViewModel.size(size)), over the copy limit: it is referenced, not copied",
                    at: SourceLocation(path: path, line: 1, column: 1),
                    notes: ["copy it to \(plan.config.dataDirectory)/\(file.projectPath) or set \(plan.config.dataDirectoryVariable) before running the project"]))
                continue
            }
            copies.append(FileCopy(source: Self.join(directory, file.resolvedPath), path: plan.config.dataDirectory + "/" + file.projectPath, size: size))
        }
        for module in requirements.localModules {
            guard let local = module.path else { continue }
            let name = local.hasSuffix("/") ? String(local.dropLast()) : local
            copies.append(FileCopy(source: Self.join(directory, name), path: "src/" + (name.split(separator: "/").last.map(String.init) ?? name), size: 0))
        }
        let standardLibrary = resolver.standardLibrary
        let version = options.pythonVersion
        let locals = requirements.localModules.compactMap { $0.path == nil ? nil : $0.importName.split(separator: ".").first.map(String.init) }
        let importBlock = ImportBlock(firstParty: Set([plan.packageName] + locals)) { standardLibrary.contains($0, in: version) }
        let viewModel = ProjectViewModel(
            plan: plan, requirements: requirements, notebookName: String(path.split(separator: "/").last ?? Substring(path)),
            notebookSHA256: notebookSHA256, baseImage: options.baseImage ?? BaseImageChoice.defaultImage(for: options.pythonVersion),
            locked: options.lock, copies: copies, imports: importBlock, results: results, nbshipVersion: options.nbshipVersion)
        var files = try TemplateRenderer().render(template, viewModel: viewModel.build())
        files.append(GeneratedFile(path: "notebooks/explore.ipynb", contents: ExploreNotebook(plan: plan, notebook: notebookPlan, imports: importBlock).json()))
        files.sort { $0.path < $1.path }
        copies = Dictionary(copies.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first }).values.sorted { $0.path < $1.path }
        return ConvertedProject(plan: plan, requirements: requirements, files: files, copies: copies, diagnostics: diagnostics, results: results)
    }

    /// The folder a notebook path is in (`.` for a bare file name).
    static func directory(of path: String) -> String {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().relativePath
        return folder.isEmpty ? "." : folder
    }

    static func join(_ directory: String, _ path: String) -> String {
        directory == "." || path.hasPrefix("/") ? path : directory + "/" + path
    }
}
