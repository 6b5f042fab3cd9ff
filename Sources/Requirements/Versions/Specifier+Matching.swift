extension Specifier {
    /// Whether a version satisfies this clause, by PEP 440's rules (pre-release filtering is
    /// ``SpecifierSet``'s job, not this clause's).
    /// - Parameter candidate: The version to test.
    /// - Returns: `true` when the clause admits it.
    public func admits(_ candidate: Version) -> Bool {
        if op == .arbitrary {
            return candidate.description.lowercased() == versionText.lowercased()
                || Version(versionText).map { $0.description == candidate.description } == true
        }
        guard let spec = version else { return false }
        switch op {
        case .equal:
            return equals(candidate, spec)
        case .notEqual:
            return !equals(candidate, spec)
        case .lessOrEqual:
            return candidate.publicVersion <= spec
        case .greaterOrEqual:
            return candidate.publicVersion >= spec
        case .less:
            guard candidate < spec else { return false }
            // <3.0 must not admit 3.0rc1 unless the bound itself is a pre-release.
            if !spec.isPrerelease, candidate.isPrerelease, candidate.baseVersion == spec.baseVersion {
                return false
            }
            return true
        case .greater:
            guard candidate > spec else { return false }
            // >1.0 must not admit 1.0.post1 or 1.0+local unless the bound is a post-release.
            if !spec.isPostrelease, candidate.isPostrelease, candidate.baseVersion == spec.baseVersion {
                return false
            }
            if !candidate.local.isEmpty, candidate.baseVersion == spec.baseVersion {
                return false
            }
            return true
        case .compatible:
            // ~=2.2.1 means >=2.2.1, ==2.2.*
            guard candidate.publicVersion >= spec else { return false }
            let prefix = Version(epoch: spec.epoch, release: Array(spec.release.dropLast()))
            return Self.prefixMatches(candidate, prefix: prefix)
        case .arbitrary:
            return false
        }
    }

    private func equals(_ candidate: Version, _ spec: Version) -> Bool {
        if isWildcard {
            return Self.prefixMatches(candidate, prefix: spec)
        }
        // ==1.0 admits 1.0+local; ==1.0+local admits only that label.
        if spec.local.isEmpty {
            return candidate.publicVersion == spec
        }
        return candidate == spec
    }

    /// Prefix matching for `==X.*`: the candidate's public version, split into parts and with
    /// its release padded with zeros, must start with the prefix's parts.
    static func prefixMatches(_ candidate: Version, prefix: Version) -> Bool {
        let prefixParts = parts(of: prefix, padRelease: 0)
        let candidateParts = parts(of: candidate.publicVersion, padRelease: prefix.release.count)
        guard candidateParts.count >= prefixParts.count else { return false }
        return Array(candidateParts.prefix(prefixParts.count)) == prefixParts
    }

    /// The comparable parts of a version: epoch, each release number, then the pre, post
    /// and dev parts as text; the release is padded with zeros to at least `padRelease` numbers.
    private static func parts(of version: Version, padRelease: Int) -> [String] {
        var release = version.release
        while release.count < padRelease {
            release.append(0)
        }
        var parts = [String(version.epoch)] + release.map(String.init)
        if let pre = version.pre {
            parts.append(pre.kind.rawValue + String(pre.number))
        }
        if let post = version.post {
            parts.append("post\(post)")
        }
        if let dev = version.dev {
            parts.append("dev\(dev)")
        }
        return parts
    }
}
