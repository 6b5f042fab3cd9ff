import Diagnostics
import PythonSyntax
import Refactor
import Requirements

/// Resolves a notebook's imports (and the generated code's) into ``ProjectRequirements``.
struct RequirementsPlanner {
    var resolver: RequirementsResolver

    /// Resolves and splits the pins.
    /// - Parameters:
    ///   - notebook: The notebook's plan (imports and install lines, located).
    ///   - project: The project plan (which imports the pipeline modules keep).
    ///   - options: Target Python version and `--require` pins.
    ///   - notebookDirectory: Where local modules live.
    /// - Returns: The split pins and the resolver's diagnostics.
    func plan(notebook: NotebookPlan, project: ProjectPlan, options: ConvertOptions, notebookDirectory: String) -> (ProjectRequirements, [Diagnostic]) {
        let path = notebook.analysis.path
        var imports: [ImportedModule] = []
        for cell in notebook.analysis.cells {
            guard let facts = cell.facts else { continue }
            for fact in facts.imports {
                let line = ImportLocator.line(of: fact.module, in: cell.python ?? "")
                imports.append(ImportedModule(fact.module, at: SourceLocation(path: path, cell: cell.index, line: line, column: 1)))
            }
        }
        let installs = notebook.requirements.map {
            StatedRequirement($0.spec, at: SourceLocation(path: path, cell: $0.cell, line: $0.line, column: 1))
        }
        var tooling = ToolingPins.serving + ToolingPins.dev
        if project.artifacts.contains(where: { $0.format == .joblib }) { tooling.append(ToolingPins.joblib) }
        let toolingModules = tooling.map { ImportedModule($0.module) }
        var input = RequirementsInput(
            imports: imports + toolingModules, installSpecs: installs,
            overrides: options.requires.map { StatedRequirement($0) },
            pythonVersion: options.pythonVersion, notebookDirectory: notebookDirectory)
        input.moduleSearchPaths = ModuleSearchPaths.directories(of: notebook)
        for path in options.locals {
            let trimmed = path.hasSuffix("/") ? String(path.dropLast()) : path
            let file = String(trimmed.split(separator: "/").last ?? Substring(trimmed))
            let name = file.hasSuffix(".py") ? String(file.dropLast(3)) : file
            input.explicitLocals[name] = file.hasSuffix(".py") ? trimmed : trimmed + "/"
        }
        var resolved = resolver.resolve(input)
        let missing = tooling.filter { entry in
            !resolved.requirements.contains { $0.imports.contains(entry.module) }
                && !options.requires.contains { $0.lowercased().hasPrefix(entry.module + "==") }
        }
        if !missing.isEmpty {
            input.overrides += missing.map { StatedRequirement($0.pin) }
            resolved = resolver.resolve(input)
        }
        let pipelineRoots = Set(project.modules.flatMap(\.imports).compactMap(Self.importedRoot))
        let servingRoots = Set(ToolingPins.serving.map(\.module) + [ToolingPins.joblib.module])
        let devRoots = Set(ToolingPins.dev.map(\.module))
        let notebookRoots = Set(imports.map(\.topLevel))
        var runtime: [PinnedRequirement] = []
        var explore: [PinnedRequirement] = []
        var dev: [PinnedRequirement] = []
        let required = Set(options.requires.compactMap { try? Requirement(parsing: $0).normalizedName })
        for pin in resolved.requirements {
            let roots = Set(pin.imports.map { String($0.split(separator: ".").first ?? "") })
            if roots.isEmpty || required.contains(pin.name) || !roots.isDisjoint(with: pipelineRoots) || !roots.isDisjoint(with: servingRoots) {
                runtime.append(pin)
            } else if !roots.isDisjoint(with: devRoots), roots.isDisjoint(with: notebookRoots) {
                dev.append(pin)
            } else {
                explore.append(pin)
            }
        }
        let split = ProjectRequirements(pythonVersion: options.pythonVersion, runtime: runtime, explore: explore, dev: dev,
                                        localModules: resolved.localModules)
        return (split, resolved.diagnostics)
    }

    /// The top-level module an import line names (`from sklearn.svm import SVC` → `sklearn`);
    /// `nil` for the package's own (`from .config import SEED`).
    static func importedRoot(_ line: String) -> String? {
        let words = line.split(separator: " ")
        guard words.count >= 2, words[0] == "import" || words[0] == "from" else { return nil }
        let module = words[1]
        guard !module.hasPrefix(".") else { return nil }
        return module.split(separator: ".").first.map(String.init)
    }
}
