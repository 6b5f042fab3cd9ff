import Diagnostics
import Yams

/// Reads a conda `environment.yml`: each `dependencies:` entry as a conda spec, and the
/// entries of its `pip:` list as pip requirements (`-r`/`-e`/options are skipped).
public enum CondaEnvironmentFacts {
    /// Extracts the facts of an environment file.
    /// - Parameters:
    ///   - path: The file, as the user named it.
    ///   - text: Its text.
    /// - Returns: The facts.
    public static func extract(path: String, text: String) -> FileFacts {
        var facts = FileFacts(path: path)
        facts.ignores = IgnoreScanner.scan(text: text, path: path, cell: nil)
        let (documents, problem) = YAMLLines.documents(text, path: path)
        if let problem { facts.problems.append(problem) }
        let lines = YAMLLines(text: text, path: path)
        for document in documents {
            for entry in document.mapping?["dependencies"]?.sequence ?? [] {
                if let spec = entry.scalar?.string {
                    let (name, pin) = CondaSpec.classify(spec)
                    facts.installs.append(PackageInstall(
                        ecosystem: .conda, context: .condaEnvironment, spec: spec, name: name, pin: pin,
                        location: lines.location(of: entry)))
                } else if let pip = entry.mapping?["pip"]?.sequence {
                    for item in pip {
                        guard let spec = item.scalar?.string.trimmingSpaces, !spec.isEmpty, !spec.hasPrefix("-") else { continue }
                        let (name, pin) = PythonRequirement.classify(spec)
                        facts.installs.append(PackageInstall(
                            ecosystem: .pip, context: .condaEnvironment, spec: spec, name: name, pin: pin,
                            location: lines.location(of: item)))
                    }
                }
            }
        }
        return facts
    }
}
