extension ImageReference {
    /// Parses and normalises an image reference.
    /// - Parameter text: A reference such as `nginx`, `localhost:5000/img:1.0`,
    ///   `[::1]:5000/repo@sha256:…`.
    /// - Returns: The normalised reference.
    /// - Throws: ``ImageReferenceError`` when the text breaks the grammar.
    public static func parse(_ text: String) throws(ImageReferenceError) -> ImageReference {
        guard !text.isEmpty else { throw .empty }
        var remainder = Substring(text)
        var digest: ImageDigest?
        if let at = remainder.firstIndex(of: "@") {
            digest = try parseDigest(remainder[remainder.index(after: at)...])
            remainder = remainder[..<at]
        }
        var tag: String?
        let lastSlash = remainder.lastIndex(of: "/")
        if let colon = remainder.lastIndex(of: ":"), lastSlash.map({ colon > $0 }) ?? true {
            let tagText = remainder[remainder.index(after: colon)...]
            guard isValidTag(tagText) else { throw .invalidTag(String(tagText)) }
            tag = String(tagText)
            remainder = remainder[..<colon]
        }
        guard !remainder.isEmpty else { throw .invalidFormat("missing repository name") }
        guard remainder.count <= 255 else { throw .nameTooLong }

        var domain = dockerHub
        var path = remainder
        if let slash = remainder.firstIndex(of: "/") {
            let first = remainder[..<slash]
            if first.contains(".") || first.contains(":") || first == "localhost"
                || first.contains(where: \.isUppercase) {
                guard isValidDomain(first) else {
                    throw .invalidFormat("invalid registry host '\(first)'")
                }
                domain = String(first)
                path = remainder[remainder.index(after: slash)...]
            }
        }
        if domain == "index.docker.io" { domain = dockerHub }
        try validatePath(path)
        if domain == dockerHub, !path.contains("/") {
            if path.count == 64, path.allSatisfy(\.isLowercaseHexDigit) { throw .hexadecimalName }
            path = "library/" + path
        }
        return ImageReference(original: text, domain: domain, path: String(path), tag: tag, digest: digest)
    }

    /// `[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}`.
    static func isValidTag(_ tag: Substring) -> Bool {
        guard let first = tag.first, first.isWordCharacter, tag.count <= 128 else { return false }
        return tag.allSatisfy { $0.isWordCharacter || $0 == "." || $0 == "-" }
    }

    /// `host [":" port]` with host a dotted name (also IPv4) or a bracketed IPv6 address.
    static func isValidDomain(_ domain: Substring) -> Bool {
        var host = domain
        if domain.hasPrefix("[") {
            guard let close = domain.firstIndex(of: "]") else { return false }
            let inside = domain[domain.index(after: domain.startIndex)..<close]
            guard !inside.isEmpty, inside.allSatisfy({ $0.isHexDigit || $0 == ":" }) else { return false }
            let rest = domain[domain.index(after: close)...]
            if rest.isEmpty { return true }
            guard rest.first == ":" else { return false }
            return isValidPort(rest.dropFirst())
        }
        if let colon = domain.firstIndex(of: ":") {
            guard isValidPort(domain[domain.index(after: colon)...]) else { return false }
            host = domain[..<colon]
        }
        let components = host.split(separator: ".", omittingEmptySubsequences: false)
        return components.allSatisfy { component in
            guard let first = component.first, let last = component.last,
                  first.isASCIIAlphanumeric, last.isASCIIAlphanumeric else { return false }
            return component.allSatisfy { $0.isASCIIAlphanumeric || $0 == "-" }
        }
    }

    static func isValidPort(_ port: Substring) -> Bool {
        !port.isEmpty && port.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// Each component: `[a-z0-9]+ ( ( [_.] | __ | -+ ) [a-z0-9]+ )*`.
    static func validatePath(_ path: Substring) throws(ImageReferenceError) {
        var sawUppercase = false
        for component in path.split(separator: "/", omittingEmptySubsequences: false) {
            let lowered = Substring(component.lowercased())
            if lowered != component { sawUppercase = true }
            guard isValidPathComponent(lowered) else {
                throw .invalidFormat("invalid path component '\(component)'")
            }
        }
        if sawUppercase { throw .nameContainsUppercase }
    }

    static func isValidPathComponent(_ component: Substring) -> Bool {
        var index = component.startIndex
        func alphanumericRun() -> Bool {
            let start = index
            while index < component.endIndex, component[index].isLowerAlphanumeric {
                index = component.index(after: index)
            }
            return index > start
        }
        guard alphanumericRun() else { return false }
        while index < component.endIndex {
            let character = component[index]
            switch character {
            case ".":
                index = component.index(after: index)
            case "_":
                index = component.index(after: index)
                if index < component.endIndex, component[index] == "_" {
                    index = component.index(after: index)
                }
            case "-":
                while index < component.endIndex, component[index] == "-" {
                    index = component.index(after: index)
                }
            default:
                return false
            }
            guard alphanumericRun() else { return false }
        }
        return true
    }

    static func parseDigest(_ text: Substring) throws(ImageReferenceError) -> ImageDigest {
        guard let colon = text.firstIndex(of: ":") else { throw .invalidDigestFormat(String(text)) }
        let algorithm = text[..<colon]
        let encoded = text[text.index(after: colon)...]
        let algorithmComponents = algorithm.split(
            omittingEmptySubsequences: false, whereSeparator: { "+.-_".contains($0) })
        let algorithmIsWellFormed = algorithmComponents.allSatisfy { component in
            guard let first = component.first, first.isASCII, first.isLetter else { return false }
            return component.allSatisfy(\.isASCIIAlphanumeric)
        }
        guard algorithmIsWellFormed, !encoded.isEmpty else { throw .invalidDigestFormat(String(text)) }
        guard let expected = ImageDigest.registeredLengths[String(algorithm)] else {
            throw .unsupportedDigestAlgorithm(String(algorithm))
        }
        guard encoded.allSatisfy(\.isLowercaseHexDigit) else { throw .invalidDigestFormat(String(text)) }
        guard encoded.count == expected else {
            throw .invalidDigestLength(algorithm: String(algorithm), expected: expected, actual: encoded.count)
        }
        return ImageDigest(algorithm: String(algorithm), encoded: String(encoded))
    }
}

extension Character {
    var isASCIIAlphanumeric: Bool { isASCII && (isLetter || isNumber) }
    var isLowerAlphanumeric: Bool { isASCII && (isLowercase || isNumber) }
    var isWordCharacter: Bool { isASCIIAlphanumeric || self == "_" }
    var isLowercaseHexDigit: Bool { isASCII && (isNumber || ("a"..."f").contains(self)) }
}
