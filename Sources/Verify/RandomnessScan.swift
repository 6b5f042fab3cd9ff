import Diagnostics
import PythonSyntax

/// Follows randomness through the notebook, statement by statement in execution order: which
/// calls draw from an unseeded generator, and which statements compute values that depend on
/// one (through the names they read), so their printed values can be checked only by range.
///
/// A seed counts for the project only when the project runs it and runs every draw after it
/// in the notebook's order: an exploration statement that draws from a seeded generator
/// (`df.sample(5)` to look at rows) shifts the notebook's stream, which the project then no
/// longer reproduces. A `def` or `class` that draws does so when it is called, so its draws
/// are judged where it is used.
struct RandomnessScan {
    /// Unseeded draws, in notebook order, each once.
    private(set) var draws: [UnseededDraw] = []
    /// For each statement (by cell and index), the generators its values depend on.
    private(set) var taint: [StatementKey: Set<RandomnessFamily>] = [:]

    struct StatementKey: Hashable {
        var cell: Int
        var index: Int
    }

    /// Statements whose values a float32 framework computed (PyTorch, TensorFlow, Keras, JAX),
    /// directly or through the names they read.
    private(set) var singlePrecision: Set<StatementKey> = []

    private var seeded: Set<RandomnessFamily> = []
    private var singlePrecisionNames: Set<String> = []
    private var taintedNames: [String: Set<RandomnessFamily>] = [:]
    /// Draws inside definitions, made when the defined name is used.
    private var latent: [String: [PendingDraw]] = [:]
    private var reported: Set<SourceLocation> = []

    private struct PendingDraw {
        var family: RandomnessFamily
        var reason: String
        var location: SourceLocation
    }

    /// Scans statements.
    /// - Parameters:
    ///   - statements: Every top-level statement, in execution order.
    ///   - path: The notebook path, for locations.
    init(_ statements: [ScannedStatement], path: String) {
        var imports = ImportNames()
        for scanned in statements {
            imports.add(scanned.facts.imports)
            let calls = Self.calls(in: scanned.statement, imports: imports, cell: scanned.cell, path: path)
            let isDefinition: Bool
            switch scanned.statement.kind {
            case .functionDef, .classDef: isDefinition = true
            default: isDefinition = false
            }
            var families: Set<RandomnessFamily> = []
            var pending: [PendingDraw] = []
            for call in calls {
                switch call.source {
                case .seeds(let seededFamilies):
                    if scanned.runsInProject { seeded.formUnion(seededFamilies) } else { seeded.subtract(seededFamilies) }
                case .draws(let family, let reason):
                    pending.append(PendingDraw(family: family, reason: reason, location: call.location))
                case .none:
                    break
                }
            }
            if isDefinition {
                for name in scanned.facts.defines { latent[name] = pending }
                pending = []
            }
            for name in scanned.facts.reads {
                families.formUnion(taintedNames[name] ?? [])
                pending += latent[name] ?? []
            }
            for draw in pending {
                if draw.family != .clock, seeded.contains(draw.family) {
                    // Repeatable, unless the project skips this draw and so shifts the stream.
                    if !scanned.runsInProject { seeded.remove(draw.family) }
                    continue
                }
                families.insert(draw.family)
                if draw.family != .clock, !reported.contains(draw.location) {
                    reported.insert(draw.location)
                    draws.append(UnseededDraw(location: draw.location, family: draw.family, reason: draw.reason))
                }
            }
            let key = StatementKey(cell: scanned.cell, index: scanned.index)
            taint[key] = families
            let single = Self.callsSinglePrecision(scanned.statement, imports: imports)
                || !singlePrecisionNames.isDisjoint(with: scanned.facts.reads)
            if single {
                singlePrecision.insert(key)
                singlePrecisionNames.formUnion(scanned.facts.defines)
                singlePrecisionNames.formUnion(scanned.facts.mutates)
            } else if !isDefinition {
                singlePrecisionNames.subtract(scanned.facts.defines)
            }
            for name in scanned.facts.defines where !isDefinition {
                taintedNames[name] = families.isEmpty ? nil : families
            }
            for name in scanned.facts.mutates where !families.isEmpty {
                taintedNames[name, default: []].formUnion(families)
            }
        }
    }

    /// Whether a statement calls into a framework that computes in float32 by default.
    private static func callsSinglePrecision(_ statement: Statement, imports: ImportNames) -> Bool {
        var found = false
        SyntaxWalk.expressions(in: statement) { expression in
            guard !found, case .call(let function, _, _) = expression.kind,
                  let dotted = SyntaxWalk.dottedName(function), let qualified = imports.qualified(dotted) else { return }
            let root = qualified.split(separator: ".").first.map(String.init) ?? ""
            found = ["torch", "tensorflow", "keras", "tf_keras", "jax"].contains(root)
        }
        return found
    }

    private struct FoundCall {
        var source: RandomSource
        var location: SourceLocation
    }

    private static func calls(in statement: Statement, imports: ImportNames, cell: Int, path: String) -> [FoundCall] {
        var found: [FoundCall] = []
        SyntaxWalk.expressions(in: statement) { expression in
            guard case .call(let function, _, let keywords) = expression.kind else { return }
            let values = Dictionary(keywords.compactMap { keyword in keyword.name.map { ($0, KeywordValue(keyword.value)) } },
                                    uniquingKeysWith: { _, last in last })
            var source = RandomSource.none
            if let dotted = SyntaxWalk.dottedName(function), let qualified = imports.qualified(dotted) {
                source = RandomSource.classify(qualified, keywords: values)
            }
            if source == .none, case .attribute(_, let method, _) = function.kind {
                source = RandomSource.classifyMethod(method, keywords: values)
            }
            guard source != .none else { return }
            let start = expression.range.start
            found.append(FoundCall(source: source, location: SourceLocation(path: path, cell: cell, line: start.line, column: start.column)))
        }
        return found
    }
}

extension KeywordValue {
    init(_ expression: Expression) {
        switch expression.kind {
        case .constant(.none): self = .none
        case .constant(.bool(true)): self = .true
        case .constant(.bool(false)): self = .false
        case .constant(.string(let source)): self = .text(source.trimmingCharacters(in: ["'", "\""]))
        default: self = .other
        }
    }
}
