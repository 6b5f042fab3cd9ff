#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import Diagnostics
import Emit
import Foundation

extension NBShip {
    /// `nbship new`: renders a project template into a new folder.
    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "new",
            abstract: "Create a project from a template.",
            discussion: """
                Renders TEMPLATE (a name from `nbship templates`, or a path to a template folder) \
                into DIR. Variables come from --set NAME=VALUE, then the template's defaults; a \
                variable with neither is asked for when stdin is a terminal, and is an error \
                otherwise. The answers are recorded in DIR/.nbship-answers.toml; render the \
                project again from them with --answers DIR/.nbship-answers.toml.

                DIR must not exist or be empty, unless --force. The project is written into a \
                temporary folder first and renamed into place, so a failure leaves nothing behind.

                Exit status: 0 written, 2 bad input (unknown template, missing or invalid \
                variables, a non-empty DIR without --force).
                """
        )

        @Argument(help: "The template: a name, or a path to a template folder.")
        var template: String

        @Argument(help: "The folder to create.")
        var directory: String

        @Option(name: .customLong("set"), help: ArgumentHelp("Set a variable.", valueName: "name=value"))
        var assignments: [String] = []

        @Option(help: "A folder of templates to use instead of the bundled ones.")
        var templates: String?

        @Option(help: ArgumentHelp("Start from the answers recorded in a project (its .nbship-answers.toml); --set overrides them.", valueName: "file"))
        var answers: String?

        @Flag(help: "Replace the contents of a non-empty DIR.")
        var force = false

        func validate() throws {
            for assignment in assignments where !assignment.contains("=") || assignment.hasPrefix("=") {
                throw ValidationError("--set takes NAME=VALUE, got '\(assignment)'")
            }
        }

        func run() throws {
            do {
                try generate()
            } catch {
                Terminal.report([error.diagnostic])
                throw ExitCode(2)
            }
        }

        private func generate() throws(DiagnosticError) {
            let catalog = TemplateCatalog(searchPath: .standard(
                explicit: templates, environment: ProcessInfo.processInfo.environment,
                executable: CommandLine.arguments.first.flatMap(Executable.path)))
            let loaded = try catalog.template(named: template)
            if loaded.manifest.kind == .convert {
                let builtIn = loaded.directory == EmbeddedTemplates.directory(of: loaded.name)
                throw DiagnosticError(.error(
                    "template.wrong-kind", "template '\(loaded.name)' is rendered from a notebook, not from variables",
                    at: SourceLocation(path: loaded.manifest.path, line: 1, column: 1),
                    notes: [builtIn ? "nbship convert NOTEBOOK renders it"
                        : "use it with: nbship convert NOTEBOOK --templates \(URL(fileURLWithPath: loaded.directory).deletingLastPathComponent().path)"]))
            }
            var values: [String: String] = [:]
            if let answers {
                guard let data = FileManager.default.contents(atPath: answers) else {
                    throw DiagnosticError(.error("template.io", "cannot read '\(answers)'"))
                }
                let recorded = try RecordedAnswers.parse(toml: String(decoding: data, as: UTF8.self), path: answers)
                if recorded.template != loaded.name {
                    throw DiagnosticError(.error(
                        "template.invalid-answers", "'\(answers)' records answers for template '\(recorded.template)', not '\(loaded.name)'",
                        at: SourceLocation(path: answers, line: 1, column: 1)))
                }
                values = recorded.values
            }
            for assignment in assignments {
                let parts = assignment.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                values[String(parts[0])] = parts.count > 1 ? String(parts[1]) : ""
            }
            let renderer = TemplateRenderer()
            let missing = renderer.missingVariables(of: loaded, given: values)
            if !missing.isEmpty, isatty(0) == 1 {
                for variable in missing {
                    values[variable.name] = try ask(variable)
                }
            }
            let resolved = try renderer.resolve(loaded, values: values)
            var files = try renderer.render(loaded, values: values)
            files.append(TemplateAnswers.file(for: loaded, values: resolved, generator: "nbship \(NBShipVersion.current)"))
            try AtomicWriter.writeTree(files.sorted { $0.path < $1.path }, to: directory, force: force)
            Terminal.writeError("created \(directory) from template '\(loaded.name)' (\(files.count) files)\n")
        }

        /// Asks for one value on the terminal until it is valid.
        private func ask(_ variable: TemplateVariable) throws(DiagnosticError) -> String {
            while true {
                var prompt = variable.name
                if let help = variable.help { prompt += " (\(help))" }
                if let choices = variable.choices { prompt += " [\(choices.joined(separator: "/"))]" }
                Terminal.writeError(prompt + ": ")
                guard let line = readLine() else {
                    throw DiagnosticError(.error("template.missing-variable", "no value given for variable '\(variable.name)'"))
                }
                if let problem = variable.problem(with: line) {
                    Terminal.writeError("invalid value: \(problem)\n")
                    continue
                }
                return line
            }
        }
    }
}
