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
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            facts.problems.append(.error(
                "lint.parse-error", "invalid TOML: \(error.description)",
                at: SourceLocation(path: path, line: error.source.begin.line, column: error.source.begin.column)))
            return facts
        } catch {
            facts.problems.append(.error("lint.parse-error", "invalid TOML", at: SourceLocation(path: path, line: 1, column: 1)))
            return facts
        }
        let sections = table.keys.sorted().filter { !notPackages.contains($0) }.compactMap { key in
            table[key]?.table.map { (key, $0) }
        }
        facts.installs = PyprojectFacts.keyedDependencies(sections, path: path, text: text, context: PackageInstall.Context.pipfile)
        facts.installs.sort { ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column) }
        return facts
    }
}
