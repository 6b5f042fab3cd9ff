/// Classifies a conda match spec as an `environment.yml` writes it: `numpy` (none),
/// `numpy=1.26` (fuzzy: any 1.26.x), `numpy>=1.2` (a range), `numpy==1.26.4`, `numpy=1.26.4`,
/// `numpy=1.26.4=py311_0` and `numpy 1.26.4 py311_0` (exact), `conda-forge::numpy…` (channel).
enum CondaSpec {
    /// The name and pin level of a spec.
    static func classify(_ spec: String) -> (name: String, pin: PinLevel) {
        var text = Substring(spec.trimmingSpaces)
        if let channel = text.range(of: "::") { text = text[channel.upperBound...] }
        if text.hasSuffix(".tar.bz2") || text.hasSuffix(".conda") || text.contains("/") { return (spec, .exact) }
        let name = String(text.prefix { $0.isASCIIAlphanumeric || $0 == "_" || $0 == "-" || $0 == "." })
        var rest = text.dropFirst(name.count).trimmingSpaces
        if rest.hasPrefix("["), let close = rest.firstIndex(of: "]") { rest = String(rest[rest.index(after: close)...]).trimmingSpaces }
        if rest.isEmpty { return (name, .none) }
        if rest.contains("*") || rest.contains(",") || rest.contains("|") || rest.contains("<") || rest.contains(">")
            || rest.contains("~") || rest.contains("!") {
            return (name, .constrained)
        }
        if rest.hasPrefix("==") { return (name, .exact) }
        var version: Substring
        var hasBuild = false
        if rest.hasPrefix("=") {
            let parts = rest.dropFirst().split(separator: "=", omittingEmptySubsequences: false)
            version = parts.first ?? ""
            hasBuild = parts.count > 1 && !(parts.last ?? "").isEmpty
        } else {
            let parts = rest.split(separator: " ")
            version = parts.first ?? ""
            hasBuild = parts.count > 1
            if !hasBuild { return (name, version.isEmpty ? .none : .exact) }
        }
        if version.isEmpty { return (name, .none) }
        if hasBuild { return (name, .exact) }
        let components = version.split(separator: ".").count
        return (name, components >= 3 ? .exact : .constrained)
    }
}
