import ArgumentParser
import Convert
import Diagnostics
import Emit
import Foundation
import Image
import Lint
import Notebook
import Refactor
import Verify
import Requirements

extension NBShip {
    /// `nbship convert`: writes the project a notebook becomes.
    struct Convert: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "convert",
            abstract: "Turn a notebook into a tested, pinned, deployable Python project.",
            discussion: """
                Plans the notebook like `nbship plan`, then writes a package whose data, model, \
                train and inference stages are functions with real signatures (values that cross \
                stages become parameters and return values), config.py with the literals and data \
                paths, a FastAPI app (serve.py), pytest tests, notebooks/explore.ipynb with the \
                exploration cells, exact pins (requirements.txt, pyproject.toml), a Dockerfile and \
                a README. The data files the notebook reads are copied into data/.

                Versions come from `!pip install name==v` lines, then from the packages installed \
                for --python (default: $VIRTUAL_ENV's python, else python3). An import nbship \
                cannot map to a distribution is an error; pin it with --require NAME==VERSION.

                The project is written atomically: into a temporary folder that is renamed into \
                place, so a failure leaves nothing behind. An existing non-empty folder is \
                refused unless --force. The same notebook and options give the same bytes.

                With --student the notebook is an instructor's solution with nbgrader markers: \
                DIR/solution/ is its project, DIR/starter/ the same project with each solution \
                region replaced by 'raise NotImplementedError()' (its tests fail until students \
                fill them in) and DIR/student.ipynb the student notebook. A solution line found \
                in the starter project or the student notebook is an error.

                Exit status: 0 written (or planned, with --dry-run); 2 when the notebook cannot \
                be read, a requirement cannot be pinned, a solution would leak (--student), or \
                the output cannot be written.
                """
        )

        @Argument(help: "The notebook (.ipynb) to convert.")
        var notebook: String

        @Option(name: [.short, .customLong("output")], help: "The project folder (default: the notebook's name, in the current folder).")
        var output: String?

        @Option(name: .customLong("name"), help: "The Python package name (default: from the notebook's file name).")
        var packageName: String?

        @Option(help: "The interpreter whose installed packages give the versions (default: $VIRTUAL_ENV's python, else python3).")
        var python: String?

        @Option(name: .customLong("require"), help: ArgumentHelp("Pin a distribution: NAME==VERSION (repeatable); wins over everything else.", valueName: "spec"))
        var requires: [String] = []

        @Option(name: .customLong("local"), help: ArgumentHelp("A module file or package folder of your own that the notebook imports (repeatable); copied into the project's src/.", valueName: "path"))
        var locals: [String] = []

        @Option(help: ArgumentHelp("The Dockerfile's base image, pinned by tag (and digest), e.g. python:3.11.11-slim-bookworm@sha256:….", valueName: "image"))
        var base: String?

        @Option(name: .customLong("results-from"), help: ArgumentHelp("Another run of the same notebook (executed in the project's environment) whose outputs become the checks of tests/test_notebook_results.py, instead of the notebook's own.", valueName: "run.ipynb"))
        var resultsFrom: String?

        @Option(help: "A folder of templates holding a 'convert' template to render instead of the bundled one.")
        var templates: String?

        @Flag(help: "Treat the notebook as a solution with nbgrader markers: write solution/, starter/ and student.ipynb.")
        var student = false

        @Flag(help: "Also write requirements.lock with hashes (uv pip compile; needs the package index; uv is $NBSHIP_UV, else beside --python, else on PATH).")
        var lock = false

        @Flag(help: "Replace the contents of an existing non-empty output folder.")
        var force = false

        @Flag(help: "Print the files and the plan without writing anything.")
        var dryRun = false

        @Option(help: "Output format of the report: text or json.")
        var format: OutputFormat = .text

        @Flag(help: "Say on standard error how the interpreter and its installed packages were read (from disk, or by starting python, and why).")
        var verbose = false

        func run() throws {
            do {
                try convert()
            } catch {
                Terminal.report([error.diagnostic])
                throw ExitCode(2)
            }
        }

        private func convert() throws(DiagnosticError) {
            if let base { try Self.checkBase(base) }
            let read = try NotebookInput.read(notebook)
            let digest = try notebookDigest()
            let environment = ProcessInfo.processInfo.environment
            // --python, else $VIRTUAL_ENV's python, else python3; a missing or stale choice is
            // an error that says where it came from.
            let interpreter = try PythonInterpreter.selected(option: python, environment: environment).check(environment: environment)
            let template = try loadTemplate()
            let pythonEnvironment = interpreter.environment()
            if verbose {
                Terminal.writeError("python: \(interpreter.summary)\n")
                Terminal.writeError("python: \(pythonEnvironment.reading(environment: environment)?.summary ?? "interpreter not found")\n")
            }
            let converter = Converter(resolver: try .bundled(environment: pythonEnvironment), template: template)
            var options = ConvertOptions(packageName: packageName, pythonVersion: interpreter.version, requires: requires, baseImage: base, lock: lock)
            options.locals = try checkedLocals()
            if let resultsFrom {
                options.resultsFrom = RecordedRun(path: resultsFrom, notebook: try NotebookInput.read(resultsFrom).notebook)
            }
            options.nbshipVersion = NBShipVersion.current
            if student {
                return try convertStudent(read, converter: converter, options: options, digest: digest, interpreter: interpreter, environment: environment)
            }
            var project = try converter.convert(read.notebook, path: notebook, notebookSHA256: digest, options: options)
            project.diagnostics = read.warnings + project.diagnostics
            let destination = output ?? Self.defaultOutput(for: notebook)
            if project.hasErrors {
                Terminal.report(project.diagnostics)
                Terminal.writeError("nothing written: fix the errors above\n")
                throw DiagnosticError(.error("convert.failed", "cannot convert '\(notebook)'"))
            }
            try refuseToReplaceInput(destination)
            if lock, !dryRun {
                let text = try lockRequirements(project.requirements.requirementsTxt, interpreter: interpreter, environment: environment)
                project.files.append(GeneratedFile(path: "requirements.lock", contents: text))
                project.files.sort { $0.path < $1.path }
            }
            switch format {
            case .text:
                Terminal.report(project.diagnostics)
                if dryRun {
                    Terminal.write(ConvertReport.tree(project, destination: destination))
                    Terminal.write(ConvertReport.summary(project))
                }
            case .json:
                Terminal.write(ConvertReport.json(project, destination: destination, written: !dryRun))
            }
            guard !dryRun else { return }
            try AtomicWriter.writeTree(project.files, copies: project.copies, to: destination, force: force)
            if format == .text {
                Terminal.writeError(ConvertReport.written(project, destination: destination, python: interpreter.interpreter.command))
            }
        }

        /// The `--local` paths, absolute; each must be a `.py` file or a folder with `__init__.py`.
        private func checkedLocals() throws(DiagnosticError) -> [String] {
            let cwd = FileManager.default.currentDirectoryPath
            return try locals.map { (path: String) throws(DiagnosticError) -> String in
                let absolute = URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: cwd, isDirectory: true)).standardizedFileURL.path
                var isDirectory: ObjCBool = false
                let exists = FileManager.default.fileExists(atPath: absolute, isDirectory: &isDirectory)
                let module = exists && !isDirectory.boolValue && absolute.hasSuffix(".py")
                let package = exists && isDirectory.boolValue && FileManager.default.fileExists(atPath: absolute + "/__init__.py")
                guard module || package else {
                    throw DiagnosticError(.error("convert.bad-local", "--local \(path): not a .py file or a folder with __init__.py",
                                                 at: SourceLocation(path: path, line: 1, column: 1)))
                }
                return absolute
            }
        }

        private func loadTemplate() throws(DiagnosticError) -> Template {
            let catalog = TemplateCatalog(searchPath: .standard(
                explicit: templates, environment: ProcessInfo.processInfo.environment,
                executable: CommandLine.arguments.first.flatMap(Executable.path)))
            guard let entry = catalog.entries.first(where: { $0.kind == .convert }) else {
                throw DiagnosticError(.error(
                    "template.not-found", "no 'convert' template found",
                    notes: ["a convert template is a folder whose template.toml says kind = \"convert\" (copy templates/notebook-project)",
                            "searched: " + catalog.searchedDescription]))
            }
            return try entry.load()
        }

        /// Refuses an output folder that holds the notebook (replacing it would delete the input).
        func refuseToReplaceInput(_ destination: String) throws(DiagnosticError) {
            let input = URL(fileURLWithPath: notebook).standardizedFileURL.resolvingSymlinksInPath().path
            let folder = URL(fileURLWithPath: destination).standardizedFileURL.resolvingSymlinksInPath().path
            if input.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/") {
                throw DiagnosticError(.error("output.contains-input", "the output folder '\(destination)' holds the notebook itself",
                                             notes: ["write the project somewhere else with -o DIR"]))
            }
        }

        /// The notebook's SHA-256 in hex (recorded in pyproject.toml for image labels).
        private func notebookDigest() throws(DiagnosticError) -> String {
            do {
                return try FileDigest.of(file: notebook).digest.hex
            } catch let error as DiagnosticError {
                throw error
            } catch {
                throw DiagnosticError(.error("convert.io", "cannot read '\(notebook)': \(error.localizedDescription.lowercased())"))
            }
        }

        /// A `--base` that floats (no tag, `latest`) or does not parse is refused: the
        /// generated Dockerfile must pass `nbship lint`.
        static func checkBase(_ base: String) throws(DiagnosticError) {
            let reference: ImageReference
            do {
                reference = try ImageReference.parse(base)
            } catch {
                throw DiagnosticError(.error("convert.invalid-base", "--base '\(base)' is not an image reference: \(error.description)"))
            }
            if reference.isPinnedByDigest { return }
            if reference.tag == nil || reference.tag?.lowercased() == "latest" {
                throw DiagnosticError(.error("convert.floating-base", "--base '\(base)' floats: name a version tag (and a digest)",
                                             notes: ["for example --base python:3.11.11-slim-bookworm"]))
            }
        }

        /// `fixtures/demo/churn.ipynb` → `churn` (in the current folder).
        static func defaultOutput(for notebook: String) -> String {
            let name = URL(fileURLWithPath: notebook).deletingPathExtension().lastPathComponent
            return name.isEmpty ? "project" : name
        }
    }
}
