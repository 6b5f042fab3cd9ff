import Diagnostics
import Yams

/// Reads a Compose file: `services.*.image` (except beside `build:`, where it names the
/// build's output), with `${VAR}`, `${VAR:-default}`, `${VAR-default}`,
/// `$VAR` and `$$` expanded from the `.env` beside the file (the process environment is not
/// read, so results do not depend on the machine).
public enum ComposeFacts {
    /// Extracts the facts of a Compose file.
    /// - Parameters:
    ///   - path: The file, as the user named it.
    ///   - text: Its text.
    ///   - fileSystem: Where to read `.env`.
    /// - Returns: The facts.
    public static func extract(path: String, text: String, fileSystem: any LintFileSystem) -> FileFacts {
        var facts = FileFacts(path: path)
        facts.ignores = IgnoreScanner.scan(text: text, path: path, cell: nil)
        let root: Node?
        do {
            root = try Yams.compose(yaml: text, .basic, .default, .utf8)
        } catch {
            facts.problems.append(YAMLProblem.diagnostic(for: error, path: path))
            return facts
        }
        guard let services = root?.mapping?["services"]?.mapping else { return facts }
        let environment = fileSystem.contents(of: LintPath.sibling(".env", of: path)).map(DotEnv.parse) ?? [:]
        let expander = VariableExpander(values: environment, dollarDollarIsLiteral: true)
        for (_, service) in services {
            // With `build:`, `image:` names what the build produces, not something pulled.
            guard service.mapping?["build"] == nil, let image = service.mapping?["image"], let scalar = image.scalar else { continue }
            let mark = image.mark
            let location = SourceLocation(path: path, line: mark?.line ?? 1, column: mark?.column ?? 1)
            let resolution = ImageResolver.resolve(expander.expand(scalar.string), variableKind: "variable")
            facts.images.append(ImageUse(origin: .compose, written: scalar.string, resolution: resolution, location: location))
        }
        return facts
    }
}
