import TOMLKit

/// Reads the versions a lock file resolved, by PEP 503-normalised name: `requirements.lock`
/// and other requirements-style files (`name==version` lines, hashes and markers allowed),
/// and the TOML lock files `uv.lock`, `poetry.lock` and `pdm.lock` (`[[package]]` tables with
/// `name` and `version`).
public enum LockedVersions {
    /// A lock file that cannot be read as its kind.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        /// What went wrong, located.
        public var description: String
    }

    /// The versions in a lock file.
    /// - Parameters:
    ///   - path: The file's name (decides how it is read).
    ///   - text: Its text.
    /// - Returns: Versions by normalised name.
    /// - Throws: ``Failure`` when a TOML lock file is not valid TOML or has no packages.
    public static func parse(path: String, text: String) throws(Failure) -> [String: String] {
        let name = LintPath.fileName(of: path).lowercased()
        if name.hasSuffix(".lock"), !name.hasPrefix("requirements") {
            let table: TOMLTable
            do {
                table = try TOMLTable(string: text)
            } catch let error as TOMLParseError {
                throw Failure(description: "\(path):\(error.source.begin.line):\(error.source.begin.column): invalid TOML: \(error.description)")
            } catch {
                throw Failure(description: "\(path):1:1: invalid TOML")
            }
            guard let packages = table["package"]?.array else {
                throw Failure(description: "\(path):1:1: no [[package]] tables: not a uv, poetry or pdm lock file")
            }
            var versions: [String: String] = [:]
            for package in packages {
                guard let entry = package.table, let name = entry["name"]?.string, let version = entry["version"]?.string else { continue }
                versions[PythonRequirement.normalise(name)] = version
            }
            return versions
        }
        var versions: [String: String] = [:]
        for line in RequirementsFacts.logicalLines(text) {
            let content = line.text.string.trimmingSpaces
            guard !content.hasPrefix("-"), let equals = content.range(of: "==") else { continue }
            let name = PythonRequirement.baseName(content)
            let version = content[equals.upperBound...].prefix { !" ;\t\\,".contains($0) }
            if !name.isEmpty, !version.isEmpty { versions[PythonRequirement.normalise(name)] = String(version) }
        }
        return versions
    }
}
