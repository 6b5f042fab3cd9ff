import Foundation

/// A virtual environment's `pyvenv.cfg`, read as `site.py` reads it: `key = value` lines, keys
/// lower-cased and both sides stripped; other lines ignored.
struct PyvenvConfig: Hashable {
    /// The values by lower-cased key.
    var values: [String: String]

    /// Parses the file's text.
    /// - Parameter text: The contents of `pyvenv.cfg`.
    init(_ text: String) {
        var values: [String: String] = [:]
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            guard let equals = line.firstIndex(of: "=") else { continue }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            // The first value wins in CPython's getpath; site.py keeps the last. Keys are not
            // repeated by any tool that writes the file, so keep the first.
            if values[key] == nil {
                values[key] = value
            }
        }
        self.values = values
    }

    /// `home`: the directory of the interpreter the environment was made from.
    var home: String? { values["home"].flatMap { $0.isEmpty ? nil : $0 } }

    /// `include-system-site-packages`, `true` only when it says so (case-insensitive).
    var includeSystemSitePackages: Bool { values["include-system-site-packages"]?.lowercased() == "true" }

    /// The full version: `version` (venv, uv) or `version_info` (virtualenv, `3.11.7.final.0`),
    /// cut to `major.minor.micro`.
    var release: String? {
        guard let text = values["version"] ?? values["version_info"] else { return nil }
        let parts = text.split(separator: ".").prefix(3)
        guard parts.count >= 2, parts.allSatisfy({ Int($0) != nil }) else { return nil }
        return parts.joined(separator: ".")
    }
}
