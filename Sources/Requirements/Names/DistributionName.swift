/// PEP 503 name normalisation for distributions.
public enum DistributionName {
    /// Normalises a distribution name as PEP 503 does: lower-case, and every run of `-`, `_`
    /// and `.` becomes one `-` (`Ruamel.YAML` and `ruamel_yaml` both give `ruamel-yaml`).
    /// - Parameter name: A distribution name as written.
    /// - Returns: The normalised name.
    public static func normalize(_ name: String) -> String {
        var result = ""
        var inRun = false
        for character in name.lowercased() {
            if character == "-" || character == "_" || character == "." {
                if !inRun { result.append("-") }
                inRun = true
            } else {
                result.append(character)
                inRun = false
            }
        }
        return result
    }

    /// Whether a name is a valid PEP 508 distribution name: ASCII letters and digits, with
    /// `-`, `_` or `.` only between them.
    /// - Parameter name: The name to check.
    /// - Returns: `true` when valid.
    public static func isValid(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard let first = bytes.first, let last = bytes.last else { return false }
        let isAlphanumeric: (UInt8) -> Bool = {
            ($0 >= 48 && $0 <= 57) || ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122)
        }
        guard isAlphanumeric(first), isAlphanumeric(last) else { return false }
        return bytes.allSatisfy { isAlphanumeric($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".") }
    }
}
