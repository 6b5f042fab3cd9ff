/// Rewrites a requirement to an exact pin, keeping its extras, marker and spacing.
enum RequirementPinning {
    /// `name[extras]==version ; marker` for a PEP 508 requirement (`pandas`, `pandas>=2`,
    /// `pandas[pyarrow] >= 2 ; python_version >= "3.10"`); `nil` for URLs, paths and VCS.
    static func pinned(_ spec: String, version: String) -> String? {
        let trimmed = spec.trimmingSpaces
        guard !trimmed.contains("://"), !trimmed.contains("@"), !PythonRequirement.isLocal(trimmed) else { return nil }
        let name = PythonRequirement.baseName(trimmed)
        guard !name.isEmpty else { return nil }
        var rest = Substring(trimmed.dropFirst(name.count))
        var extras = ""
        let afterName = rest.drop { $0 == " " }
        if afterName.hasPrefix("["), let close = afterName.firstIndex(of: "]") {
            extras = String(afterName[...close])
            rest = afterName[afterName.index(after: close)...]
        }
        var marker = ""
        if let semicolon = rest.firstIndex(of: ";") {
            let beforeMarker = rest[..<semicolon]
            let spaces = beforeMarker.reversed().prefix { $0 == " " || $0 == "\t" }
            marker = String(spaces) + String(rest[semicolon...])
            rest = beforeMarker
        }
        let specifiers = rest.filter { $0 != " " && $0 != "\t" }
        guard specifiers.allSatisfy({ "<>=!~.,*0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ+_-()".contains($0) })
        else { return nil }
        return name + extras + "==" + version + marker
    }

    /// A conda spec pinned exactly: `numpy` or `numpy=1.26` → `numpy==1.26.4` (channel kept).
    static func pinnedConda(_ spec: String, version: String) -> String? {
        var channel = ""
        var text = Substring(spec.trimmingSpaces)
        if let range = text.range(of: "::") {
            channel = String(text[..<range.upperBound])
            text = text[range.upperBound...]
        }
        let name = String(text.prefix { $0.isASCIIAlphanumeric || $0 == "_" || $0 == "-" || $0 == "." })
        guard !name.isEmpty, !text.contains("[") else { return nil }
        return channel + name + "==" + version
    }
}
