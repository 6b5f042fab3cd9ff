extension PackageSpec {
    /// Reads a pip requirement argument: `name[extras]specifier; marker`, `name @ url`, a
    /// URL (`git+https://…@rev#egg=name`) or a local path/archive.
    /// - Parameter raw: One argument, quotes already removed.
    /// - Returns: The spec; `name` is nil when none can be read.
    public static func pip(_ raw: String) -> PackageSpec {
        var text = raw.strippingCharacters(" \t")
        var marker: String?
        if let semicolon = text.firstIndex(of: ";"), !text.contains("://") || text.contains(" ;") || text.contains("; ") {
            marker = String(text[text.index(after: semicolon)...]).strippingCharacters(" \t")
            text = String(text[..<semicolon]).strippingCharacters(" \t")
        }
        if let at = text.firstRange(of: " @ ") ?? text.firstRange(of: "@ ") {
            var spec = nameAndExtras(String(text[..<at.lowerBound]), raw: raw)
            spec.url = String(text[at.upperBound...]).strippingCharacters(" \t")
            spec.marker = marker
            return spec
        }
        if text.contains("://") || text.hasPrefix("git+") || text.hasPrefix("hg+") || text.hasPrefix("svn+")
            || text.hasPrefix("bzr+") || text.hasPrefix(".") || text.hasPrefix("/") || text.hasPrefix("~")
            || text.hasSuffix(".whl") || text.hasSuffix(".tar.gz") || text.hasSuffix(".zip") || text.hasSuffix(".tgz") {
            var name: String?
            if let egg = text.firstRange(of: "#egg=") {
                name = String(text[egg.upperBound...].prefix { $0 != "&" && $0 != "[" })
            } else if text.hasSuffix(".whl") || text.hasSuffix(".tar.gz") {
                let file = text.split(separator: "/").last.map(String.init) ?? text
                name = file.split(separator: "-").first.map(String.init)
            }
            return PackageSpec(raw: raw, name: name, url: text, marker: marker)
        }
        if text.contains("{") || text.contains("$") {
            // Expanded by IPython when the cell runs (`{pkg}`, `$PKG`): nothing to read.
            return PackageSpec(raw: raw, name: nil, marker: marker)
        }
        var spec = nameAndExtras(text, raw: raw)
        spec.marker = marker
        return spec
    }

    /// Reads a conda spec: `[channel::]name[=version[=build]]`, `name==1.0`, `name>=1`,
    /// `"name 1.0.*"`.
    /// - Parameter raw: One argument, quotes already removed.
    /// - Returns: The spec.
    public static func conda(_ raw: String) -> PackageSpec {
        var text = raw.strippingCharacters(" \t")
        var channel: String?
        if let separator = text.firstRange(of: "::") {
            channel = String(text[..<separator.lowerBound])
            text = String(text[separator.upperBound...])
        }
        var spec = nameAndExtras(text.replacingSpaces(), raw: raw)
        spec.channel = channel
        return spec
    }

    private static func isNameCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "-" || character == "_" || character == "."
    }

    /// `name[extras]rest` → name, extras, specifier (`rest`, trimmed, nil when empty).
    private static func nameAndExtras(_ text: String, raw: String) -> PackageSpec {
        let name = String(text.prefix(while: isNameCharacter))
        var rest = Substring(text.dropFirst(name.count))
        var extras: [String] = []
        if rest.first == "[", let close = rest.firstIndex(of: "]") {
            extras = rest[rest.index(after: rest.startIndex)..<close]
                .split(separator: ",").map { String($0).strippingCharacters(" \t") }.filter { !$0.isEmpty }
            rest = rest[rest.index(after: close)...]
        }
        let specifier = String(rest).strippingCharacters(" \t")
        return PackageSpec(raw: raw, name: name.isEmpty ? nil : name, extras: extras,
                           specifier: specifier.isEmpty ? nil : specifier)
    }
}

extension String {
    /// conda's `"numpy 1.26.*"` form: the space separates name and version.
    fileprivate func replacingSpaces() -> String {
        guard let space = firstIndex(of: " ") else { return self }
        return String(self[..<space]) + "=" + String(self[index(after: space)...]).strippingCharacters(" ")
    }
}
