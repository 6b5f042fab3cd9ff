import ArgumentParser
import Emit
import Foundation

extension NBShip {
    /// `nbship templates`: lists the templates `nbship new` can render.
    struct Templates: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "templates",
            abstract: "List the project templates nbship new can render.",
            discussion: """
                Templates are looked up in: --templates DIR (only that folder); else each folder \
                of $NBSHIP_TEMPLATES (':'-separated); then next to the executable \
                (BIN/../share/nbship/templates, then BIN/templates); then the templates/ folder \
                of the source tree nbship was built from (unless $NBSHIP_NO_SOURCE_TEMPLATES is \
                set); then the bundled templates compiled into nbship, so a binary copied alone \
                has them. A name found earlier hides the same name later. Each template is a \
                folder holding template.toml.
                """
        )

        @Option(help: "A folder of templates to use instead of the bundled ones.")
        var templates: String?

        func run() throws {
            let catalog = TemplateCatalog(searchPath: .standard(
                explicit: templates, environment: ProcessInfo.processInfo.environment,
                executable: CommandLine.arguments.first.flatMap(Executable.path)))
            guard !catalog.entries.isEmpty else {
                Terminal.writeError("error: no templates found (searched: \(catalog.searchedDescription)) [template.not-found]\n")
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
