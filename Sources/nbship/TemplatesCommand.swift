import ArgumentParser
import Emit
import Foundation

extension NBShip {
    /// `nbship templates`: lists the templates `nbship new` can render.
    struct Templates: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the project templates nbship new can render.",
            discussion: """
                Templates are looked up in: --templates DIR (only that folder); else each folder \
                of $NBSHIP_TEMPLATES (':'-separated); else next to the executable \
                (BIN/../share/nbship/templates, then BIN/templates); else the templates/ folder \
                of the source tree nbship was built from. A name found earlier hides the same \
                name later. Each template is a folder holding template.toml.
                """
        )

        @Option(help: "A folder of templates to use instead of the bundled ones.")
        var templates: String?

        func run() throws {
            let catalog = TemplateCatalog(searchPath: .standard(
                explicit: templates, environment: ProcessInfo.processInfo.environment,
                executable: CommandLine.arguments.first.flatMap(Executable.path)))
            guard !catalog.entries.isEmpty else {
                Terminal.writeError("error: no templates found (searched: \(catalog.searched.isEmpty ? "no existing folder" : catalog.searched.joined(separator: ", "))) [template.not-found]\n")
                throw ExitCode(2)
            }
            let width = catalog.entries.map(\.name.count).max() ?? 0
            for entry in catalog.entries {
                let padding = String(repeating: " ", count: width - entry.name.count)
                let note = entry.kind == .convert ? " (used by nbship convert)" : ""
                Terminal.write("\(entry.name)\(padding)  \(entry.description)\(note)\n")
            }
        }
    }
}
