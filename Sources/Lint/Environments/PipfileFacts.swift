import Diagnostics
import TOMLKit

/// Reads a pipenv `Pipfile`: `[packages]`, `[dev-packages]` and any other category table
/// (`[source]`, `[requires]`, `[pipenv]` and `[scripts]` are not packages).
public enum PipfileFacts {
    static let notPackages: Set<String> = ["source", "requires", "pipenv", "scripts"]

    /// Extracts the facts of a Pipfile.
    /// - Parameters:
    ///   - path: The file, as the user named it.
    ///   - text: Its text.
    /// - Returns: The facts.
    public static func extract(path: String, text: String) -> FileFacts {
        var facts = FileFacts(path: path)
        facts.ignores = IgnoreScanner.scan(text: text, path: path, cell: nil)
        guard let table = TOMLDocument.parse(text, into: &facts) else { return facts }
        let sections = table.keys.sorted().filter { !notPackages.contains($0) }.compactMap { key in
            table[key]?.table.map { (key, $0) }
        }
        facts.installs = PyprojectFacts.keyedDependencies(sections, path: path, text: text, context: PackageInstall.Context.pipfile)
        facts.installs.sort { ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column) }
        return facts
    }
}
