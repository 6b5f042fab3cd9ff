import Diagnostics

extension LockCommand {
    /// Explains a failed `uv pip compile` run (for the CLI when it runs ``arguments`` itself;
    /// ``lock(_:environment:)`` uses it too).
    /// - Parameters:
    ///   - status: uv's exit status.
    ///   - stderr: What uv wrote on standard error (`error:` line, `cause:` lines, `hint:` lines).
    ///   - requirements: The text of ``input``, to locate the distribution uv names.
    /// - Returns: A `requirements.lock-network`, `requirements.lock-unsatisfiable` or
    ///   `requirements.lock-failed` error, with uv's causes and hints as notes.
    public func diagnose(status: Int32, stderr: String, requirements: String) -> Diagnostic {
        let report = UVErrorReport(stderr)
        let everything = ([report.headline] + report.causes + report.hints).joined(separator: "\n")
        let causeNotes = report.causes.map { "uv: " + $0 }
        if Self.networkMarkers.contains(where: { everything.contains($0) }) {
            let reason = report.causes.last ?? report.headline
            return .error(
                "requirements.lock-network", "cannot reach the package index to lock the requirements: \(Self.sentence(reason))",
                notes: causeNotes.dropLast() + [
                    "--lock asks the package index (PyPI, or UV_INDEX_URL) for every file's hash, so it needs the network",
                    "drop --lock to write requirements.txt alone",
                ]
            )
        }
        if report.headline.contains("No solution found") {
            let cause = report.causes.first ?? report.headline
            let named = Self.firstRequirement(mentionedIn: cause, requirements: requirements)
            let name = named?.name
            let location = named.map { SourceLocation(path: input, line: $0.line, column: 1) }
            let message: String
            var notes = causeNotes + report.hints.map { "uv: " + $0 }
            if let name, cause.contains("was not found in the package registry") {
                message = "'\(name)' is not on the package index, so the requirements cannot be locked"
                notes.append("check the name; pin the right distribution with --require NAME==VERSION")
            } else if let name, cause.contains("has no usable wheels") {
                message = "'\(name)' has no wheel for python \(pythonVersion) on \(Self.platform), so the requirements cannot be locked"
                notes.append("--lock takes wheels only (--only-binary :all:): pin a version that has one with --require NAME==VERSION, or target another python")
            } else {
                message = "no set of versions satisfies the requirements for python \(pythonVersion) on \(Self.platform)"
            }
            return .error("requirements.lock-unsatisfiable", message, at: location, notes: notes)
        }
        let headline = report.headline.isEmpty ? "exit status \(status)" : Self.sentence(report.headline)
        return .error("requirements.lock-failed", "uv pip compile failed: \(headline)", notes: causeNotes + report.hints.map { "uv: " + $0 })
    }

    /// Words in uv's errors that mean the index could not be reached (or the network is off).
    static let networkMarkers = [
        "Failed to fetch", "error sending request", "network was disabled", "dns error", "tcp connect error",
        "Connection refused", "operation timed out", "failed to lookup address",
    ]

    /// The first distribution of `requirements` that a uv cause names (`Because foo was not
    /// found…` → `foo`; `Because only bar<2 is available…` → `bar`), compared by normalised name.
    /// - Returns: The name as uv wrote it and the 1-based line of `requirements` requiring it.
    static func firstRequirement(mentionedIn cause: String, requirements: String) -> (name: String, line: Int)? {
        var lines: [String: Int] = [:]
        for (offset, line) in requirements.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if let requirement = try? Requirement(parsing: String(line)), lines[requirement.normalizedName] == nil {
                lines[requirement.normalizedName] = offset + 1
            }
        }
        let isNameCharacter: (Character) -> Bool = { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ".") }
        for token in cause.split(whereSeparator: { !isNameCharacter($0) }) {
            var name = String(token)
            while name.hasSuffix(".") { name.removeLast() }
            if DistributionName.isValid(name), let line = lines[DistributionName.normalize(name)] {
                return (name, line)
            }
        }
        return nil
    }

    /// A uv sentence as a diagnostic message: lower-case first letter, no final period.
    static func sentence(_ text: String) -> String {
        var text = text.trimmingSpaces()
        while text.hasSuffix(".") { text.removeLast() }
        guard let first = text.first, first.isUppercase, text.dropFirst().first?.isLowercase == true else { return text }
        return first.lowercased() + text.dropFirst()
    }
}
