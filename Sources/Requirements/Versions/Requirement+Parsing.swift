extension Requirement {
    /// Parses a PEP 508 requirement, or one of pip's bare URL forms.
    /// - Parameter text: e.g. `pandas==2.1.4`, `scikit-learn>=1.3`, `torch[cuda]`,
    ///   `requests [security] (>=2.8.1, ==2.8.*) ; python_version < "2.7"`,
    ///   `pip @ https://…/pip-1.3.1.zip#sha1=…`, `git+https://github.com/o/r.git@v1#egg=r`.
    /// - Throws: ``RequirementSyntaxError`` when the text is not a requirement.
    public init(parsing text: String) throws(RequirementSyntaxError) {
        var text = text.trimmingSpaces()
        // Shell quoting left over from `!pip install "pandas>=2"`.
        if text.count >= 2, let first = text.first, first == text.last, first == "\"" || first == "'" {
            text = String(text.dropFirst().dropLast()).trimmingSpaces()
        }
        guard !text.isEmpty else {
            throw RequirementSyntaxError("empty requirement")
        }
        if Self.looksLikeURL(text) {
            self = try Self.parseBareURL(text)
            return
        }
        var rest = Substring(text)
        let name = Self.takeName(&rest)
        guard !name.isEmpty, DistributionName.isValid(name) else {
            throw RequirementSyntaxError("invalid distribution name in '\(text)'")
        }
        rest = rest.drop(while: { $0 == " " || $0 == "\t" })
        var extras: [String] = []
        if rest.first == "[" {
            guard let close = rest.firstIndex(of: "]") else {
                throw RequirementSyntaxError("unclosed '[' in '\(text)'")
            }
            let inside = rest[rest.index(after: rest.startIndex)..<close]
            for extra in inside.split(separator: ",") {
                let extra = String(extra).trimmingSpaces()
                guard DistributionName.isValid(extra) else {
                    throw RequirementSyntaxError("invalid extra '\(extra)' in '\(text)'")
                }
                extras.append(extra)
            }
            rest = rest[rest.index(after: close)...].drop(while: { $0 == " " || $0 == "\t" })
        }
        if rest.first == "@" {
            let afterAt = String(rest.dropFirst()).trimmingSpaces()
            // PEP 508: a marker after a URL needs whitespace before ';'.
            var url = afterAt
            var marker: String?
            if let range = afterAt.range(of: " ;") ?? afterAt.range(of: "\t;") {
                url = String(afterAt[..<range.lowerBound]).trimmingSpaces()
                marker = String(afterAt[range.upperBound...]).trimmingSpaces()
            }
            guard !url.isEmpty, url.contains(":") else {
                throw RequirementSyntaxError("invalid url after '@' in '\(text)'")
            }
            if let marker, marker.isEmpty {
                throw RequirementSyntaxError("empty marker after ';' in '\(text)'")
            }
            self.init(name: name, extras: extras, url: url, marker: marker)
            return
        }
        var specText = String(rest)
        var marker: String?
        if let semicolon = specText.firstIndex(of: ";") {
            marker = String(specText[specText.index(after: semicolon)...]).trimmingSpaces()
            specText = String(specText[..<semicolon])
            if marker?.isEmpty == true {
                throw RequirementSyntaxError("empty marker after ';' in '\(text)'")
            }
        }
        specText = specText.trimmingSpaces()
        if specText.hasPrefix("(") {
            guard specText.hasSuffix(")") else {
                throw RequirementSyntaxError("unclosed '(' in '\(text)'")
            }
            specText = String(specText.dropFirst().dropLast())
        }
        let specifiers = try SpecifierSet(parsing: specText)
        self.init(name: name, extras: extras, specifiers: specifiers, marker: marker)
    }

    private static func takeName(_ rest: inout Substring) -> String {
        let end = rest.firstIndex(where: { !($0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ".")) }) ?? rest.endIndex
        let name = String(rest[..<end])
        rest = rest[end...]
        return name
    }

    private static func looksLikeURL(_ text: String) -> Bool {
        let lowered = text.lowercased()
        return ["git+", "hg+", "svn+", "bzr+", "http://", "https://", "file:"].contains { lowered.hasPrefix($0) }
    }

    /// Pip's bare URL form: the name comes from `#egg=NAME` or a wheel/sdist file name.
    private static func parseBareURL(_ text: String) throws(RequirementSyntaxError) -> Requirement {
        var url = text
        var marker: String?
        if let range = text.range(of: " ;") {
            url = String(text[..<range.lowerBound]).trimmingSpaces()
            marker = String(text[range.upperBound...]).trimmingSpaces()
        }
        if let eggRange = url.range(of: "#egg=") ?? url.range(of: "&egg=") {
            let egg = url[eggRange.upperBound...].prefix(while: { $0 != "&" })
            var nameText = Substring(egg)
            let name = takeName(&nameText)
            if DistributionName.isValid(name) {
                var extras: [String] = []
                if nameText.first == "[", let close = nameText.firstIndex(of: "]") {
                    extras = nameText[nameText.index(after: nameText.startIndex)..<close].split(separator: ",").map { String($0).trimmingSpaces() }
                }
                let cleaned = removingEgg(from: url)
                return Requirement(name: name, extras: extras, url: cleaned, marker: marker)
            }
        }
        let path = url.split(separator: "#", maxSplits: 1).first.map(String.init) ?? url
        let file = path.split(separator: "/").last.map(String.init) ?? path
        if file.hasSuffix(".whl") {
            // Wheel file names are standard: {name}-{version}(-{build})?-{py}-{abi}-{platform}.whl
            let parts = file.dropLast(4).split(separator: "-")
            if parts.count >= 5, DistributionName.isValid(String(parts[0])) {
                return Requirement(name: String(parts[0]), url: url, marker: marker)
            }
        }
        throw RequirementSyntaxError("cannot tell the distribution name of '\(text)': write it as 'NAME @ URL'")
    }

    private static func removingEgg(from url: String) -> String {
        guard let hash = url.firstIndex(of: "#") else { return url }
        let base = String(url[..<hash])
        let fragment = url[url.index(after: hash)...]
        let kept = fragment.split(separator: "&").filter { !$0.hasPrefix("egg=") }
        return kept.isEmpty ? base : base + "#" + kept.joined(separator: "&")
    }
}
