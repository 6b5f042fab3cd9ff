/// One PEP 440 version specifier clause: `>=1.3`, `==1.2.*`, `~=2.2`, `!=1.5`, `===foo`.
public struct Specifier: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The comparison operators PEP 440 defines.
    public enum Operator: String, Sendable, Hashable, Codable, CaseIterable {
        case compatible = "~="
        case equal = "=="
        case notEqual = "!="
        case lessOrEqual = "<="
        case greaterOrEqual = ">="
        case less = "<"
        case greater = ">"
        case arbitrary = "==="
    }

    /// The operator.
    public var op: Operator
    /// The version as written after the operator, without a trailing `.*`.
    public var versionText: String
    /// Whether the clause ends in `.*` (only with `==` and `!=`).
    public var isWildcard: Bool

    /// The parsed version (`nil` only for `===` with a text that is not a PEP 440 version).
    public var version: Version? { Version(versionText) }

    /// Whether this clause pins exactly one version (`==1.2.3` without a wildcard, or `===`).
    public var isExactPin: Bool {
        (op == .equal && !isWildcard) || op == .arbitrary
    }

    public var description: String {
        op.rawValue + versionText + (isWildcard ? ".*" : "")
    }

    /// Parses one clause.
    /// - Parameter text: A clause such as `>= 1.3` (spaces allowed between operator and version).
    /// - Throws: ``RequirementSyntaxError`` when the operator or the version is invalid, or a
    ///   wildcard is used with an operator other than `==`/`!=`.
    public init(parsing text: String) throws(RequirementSyntaxError) {
        let text = text.trimmingSpaces()
        // Longest operator first, so `===` is not read as `==`.
        let operators = Operator.allCases.sorted { $0.rawValue.count > $1.rawValue.count }
        guard let found = operators.first(where: { text.hasPrefix($0.rawValue) }) else {
            throw RequirementSyntaxError("expected a version operator (==, >=, ~=, …) in '\(text)'")
        }
        var rest = String(text.dropFirst(found.rawValue.count)).trimmingSpaces()
        guard !rest.isEmpty else {
            throw RequirementSyntaxError("missing version after '\(found.rawValue)'")
        }
        op = found
        isWildcard = false
        if found == .arbitrary {
            versionText = rest
            return
        }
        if rest.hasSuffix(".*") {
            guard found == .equal || found == .notEqual else {
                throw RequirementSyntaxError("a '.*' wildcard is only allowed with == and != in '\(text)'")
            }
            isWildcard = true
            rest = String(rest.dropLast(2))
        }
        guard let version = Version(rest) else {
            throw RequirementSyntaxError("invalid version '\(rest)'")
        }
        if isWildcard, !version.local.isEmpty {
            throw RequirementSyntaxError("a wildcard version cannot have a local label in '\(text)'")
        }
        if found == .compatible, version.release.count < 2 {
            throw RequirementSyntaxError("'~=' needs at least two release numbers in '\(text)'")
        }
        versionText = rest
    }
}

extension Specifier {
    /// A clause built from parts that are already known to be valid.
    static func unchecked(_ op: Operator, _ versionText: String) -> Specifier {
        Specifier(op: op, versionText: versionText, isWildcard: false)
    }

    private init(op: Operator, versionText: String, isWildcard: Bool) {
        self.op = op
        self.versionText = versionText
        self.isWildcard = isWildcard
    }
}
