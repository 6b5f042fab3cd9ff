import Diagnostics

extension ResolutionRun {
    /// Parses stated requirements, reporting the invalid ones; pip options (`-q`, `--upgrade`)
    /// are skipped.
    mutating func parse(_ stated: [StatedRequirement], isOverride: Bool) -> [Stated] {
        var result: [Stated] = []
        for origin in stated {
            let text = origin.spec.trimmingSpaces()
            if text.isEmpty || text.hasPrefix("-") { continue }
            let requirement: Requirement
            do {
                requirement = try Requirement(parsing: text)
            } catch {
                diagnostics.append(.error(
                    isOverride ? "requirements.invalid-override" : "requirements.invalid-spec",
                    "invalid requirement '\(text)': \(error.message)", at: origin.location
                ))
                continue
            }
            if isOverride, !requirement.isPinned, requirement.url == nil {
                diagnostics.append(.error(
                    "requirements.override-not-pinned",
                    "--require '\(text)' must name one version",
                    at: origin.location, notes: ["write it as --require \(requirement.normalizedName)==VERSION"]
                ))
                continue
            }
            warnIfImportName(requirement, origin: origin)
            result.append(Stated(requirement: requirement, origin: origin))
        }
        return result
    }

    /// `!pip install sklearn` installs a dummy, `attr` an unrelated package: when a stated
    /// name is an import name the table maps to a different distribution, say so (the stated
    /// name is kept: what the user wrote is never silently replaced).
    private mutating func warnIfImportName(_ requirement: Requirement, origin: StatedRequirement) {
        let written = requirement.name
        guard let entry = resolver.importMap.entry(for: written), entry.importPrefix == written,
              let distribution = entry.distribution,
              DistributionName.normalize(distribution) != requirement.normalizedName,
              !entry.equivalents.map(DistributionName.normalize).contains(requirement.normalizedName)
        else { return }
        diagnostics.append(.warning(
            "requirements.import-name-installed",
            "'\(written)' is an import name; the distribution that provides it is '\(DistributionName.normalize(distribution))'",
            at: origin.location,
            notes: entry.note.isEmpty ? ["install '\(DistributionName.normalize(distribution))' instead"] : [entry.note, "install '\(DistributionName.normalize(distribution))' instead"]
        ))
    }

    /// The pin for one needed distribution, or `nil` after reporting why there is none.
    mutating func pin(_ need: Need?) -> PinnedRequirement? {
        guard let need else { return nil }
        let key = DistributionName.normalize(need.name)
        let fromOverrides = overrides.filter { $0.requirement.normalizedName == key }
        let fromNotebook = notebookSpecs.filter { $0.requirement.normalizedName == key }
        let extras = Array(Set((fromOverrides + fromNotebook).flatMap(\.requirement.extras))).sorted()
        let marker = (fromOverrides + fromNotebook).compactMap(\.requirement.marker).first
        let imports = need.imports

        func made(_ specifiers: SpecifierSet, url: String? = nil, _ source: PinnedRequirement.Source) -> PinnedRequirement {
            PinnedRequirement(
                requirement: Requirement(name: key, extras: extras, specifiers: specifiers, url: url, marker: marker),
                imports: imports, source: source
            )
        }

        if let chosen = try? single(pinsOf: fromOverrides, name: key, id: "requirements.conflicting-overrides") {
            return made(exactSpecifiers(chosen.requirement), url: chosen.requirement.url, .override)
        } else if !fromOverrides.isEmpty {
            return nil
        }

        let pinned: Stated?
        do {
            pinned = try single(pinsOf: fromNotebook, name: key, id: "requirements.conflicting-pins")
        } catch {
            return nil
        }
        let ranges = fromNotebook.filter { !$0.requirement.isPinned && $0.requirement.url == nil && !$0.requirement.specifiers.isEmpty }
        if let pinned {
            if pinned.requirement.url != nil {
                if !pinned.requirement.isPinned {
                    diagnostics.append(.warning(
                        "requirements.unpinned-url",
                        "'\(pinned.origin.spec)' does not name a commit hash or a file hash, so it can change",
                        at: pinned.origin.location
                    ))
                }
                return made(SpecifierSet(), url: pinned.requirement.url, .notebook)
            }
            let specifiers = exactSpecifiers(pinned.requirement)
            if let version = specifiers.exactPin?.version, !checkRanges(ranges, admit: version, what: "the notebook's pin \(key)==\(version)") {
                return nil
            }
            return made(specifiers, .notebook)
        }

        var installed = snapshot?.version(of: key)
        if installed == nil {
            let current = snapshot
            installed = need.equivalents.compactMap { current?.version(of: $0) }.first
        }
        guard let installedText = installed else {
            if snapshot != nil {
                reportNotInstalled(need, key: key)
            }
            return nil
        }
        guard let version = Version(installedText) else {
            diagnostics.append(.error(
                "requirements.invalid-installed-version",
                "the installed version '\(installedText)' of \(key) is not a PEP 440 version",
                at: need.location, notes: ["pin it with --require \(key)==VERSION"]
            ))
            return nil
        }
        guard checkRanges(ranges, admit: version, what: "the installed \(key) \(version)") else {
            return nil
        }
        return made(SpecifierSet([exact(version.description)]), .environment)
    }

    private func exact(_ version: String) -> Specifier {
        // Built from a parsed version, so parsing cannot fail; fall back to the raw parts anyway.
        (try? Specifier(parsing: "==" + version)) ?? Specifier.unchecked(.equal, version)
    }

    /// `==` with the normalised version (an `===` pin that is a valid version becomes `==`).
    private func exactSpecifiers(_ requirement: Requirement) -> SpecifierSet {
        guard let pin = requirement.specifiers.exactPin else { return SpecifierSet() }
        if let version = pin.version {
            return SpecifierSet([exact(version.description)])
        }
        return SpecifierSet([pin])
    }

    /// The one exact pin (or URL) among `stated`; throws after reporting when they disagree.
    private mutating func single(pinsOf stated: [Stated], name: String, id: String) throws(PinConflict) -> Stated? {
        let pins = stated.filter { $0.requirement.isPinned || $0.requirement.url != nil }
        // Pins agree when they name the same URL or equal versions (1.26.4 == 1.26.4.0).
        var distinct: [Stated] = []
        for candidate in pins where !distinct.contains(where: { Self.samePin($0.requirement, candidate.requirement) }) {
            distinct.append(candidate)
        }
        guard distinct.count <= 1 else {
            let written = pins.map { "'\($0.origin.spec)'" }.joined(separator: ", ")
            diagnostics.append(.error(
                id, "\(name) is pinned to different versions: \(written)",
                at: pins.first?.origin.location, notes: ["keep one pin, or choose with --require \(name)==VERSION"]
            ))
            throw PinConflict()
        }
        return pins.first
    }

    private static func samePin(_ a: Requirement, _ b: Requirement) -> Bool {
        if a.url != nil || b.url != nil {
            return a.url == b.url
        }
        let left = a.specifiers.exactPin
        let right = b.specifiers.exactPin
        if let x = left?.version, let y = right?.version, left?.op == .equal, right?.op == .equal {
            return x == y
        }
        return left?.description == right?.description
    }

    private mutating func checkRanges(_ ranges: [Stated], admit version: Version, what: String) -> Bool {
        var ok = true
        for range in ranges where !range.requirement.specifiers.contains(version, prereleases: true) {
            diagnostics.append(.error(
                "requirements.version-conflict",
                "\(what) does not satisfy '\(range.origin.spec)' from the notebook",
                at: range.origin.location,
                notes: ["install a matching version in the --python environment, or pin one with --require \(range.requirement.normalizedName)==VERSION"]
            ))
            ok = false
        }
        return ok
    }

    private mutating func reportNotInstalled(_ need: Need, key: String) {
        var notes = ["install it with 'pip install \(key)' in the --python environment, or pin it with --require \(key)==VERSION"]
        let asked = need.imports.filter { snapshot?.providers[$0] == nil }
        let late = asked.isEmpty ? nil : try? resolver.environment.inspect(EnvironmentQuery(distributions: [], modules: asked))
        for module in need.imports {
            if let others = snapshot?.providers[module] ?? late?.providers[module], !others.isEmpty, !others.contains(key) {
                notes.append("the environment provides '\(module)' from \(others.map { "'\($0)'" }.joined(separator: ", "))")
            }
        }
        let imported = need.imports.isEmpty ? "" : " (imported as \(need.imports.map { "'\($0)'" }.joined(separator: ", ")))"
        diagnostics.append(.error(
            "requirements.not-installed",
            "\(key)\(imported) is not installed in the python environment and has no pinned version",
            at: need.location, notes: notes
        ))
    }
}
