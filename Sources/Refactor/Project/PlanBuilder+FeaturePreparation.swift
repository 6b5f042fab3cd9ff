import Foundation
import PythonSyntax

extension PlanBuilder {
    /// The slice of pipeline statements that turns the raw data frame into the model input at
    /// `fit` (see ``FeaturePreparation``), or `nil` when the notebook's features cannot be
    /// replayed on raw rows: no data file read into a frame, a transformer fitted on the way
    /// that is not saved, or a value from outside the slice (another stage's result).
    /// - Parameters:
    ///   - fit: The fit of the served model.
    ///   - artifacts: The saved artifacts (fitted transformers among them).
    ///   - homes: The module of each moved definition.
    /// - Returns: The preparation.
    func featurePreparation(fit: FitSite, artifacts: [ModelArtifact], homes: [String: String]) -> FeaturePreparation? {
        guard let fitPiece = fit.piece else { return nil }
        let artifactNames = Set(artifacts.map(\.name))
        let (imports, config) = moduleProviders(before: fitPiece)
        let atModuleLevel = { (name: String) in
            imports.keys.contains(name) || config.contains(name) || homes[name] != nil || PythonBuiltins.names.contains(name)
        }
        var need: Set<String> = [fit.input]
        var target = fitTarget(at: fitPiece)
        var targetColumn: String?
        var included: [Int] = []
        var aliases: [Int: [String]] = [:]
        var rawName: String?
        var dataFile: String?
        var reads: Set<String> = []
        var transformers: Set<String> = []
        var index = fitPiece
        while index > 0, !need.allSatisfy(atModuleLevel) {
            index -= 1
            let piece = pieces[index]
            guard case .function = piece.destination else { continue }
            let bound = Set(piece.facts.defines).union(piece.facts.mutates)
            if let split = Self.splitTargets(piece.statement) {
                // `X_train, X_test, … = train_test_split(X, y, …)`: the rows of X_train are rows of X.
                var lines: [String] = []
                for (name, source) in split where need.contains(name) {
                    lines.append("\(name) = \(source)")
                    need.remove(name)
                    need.insert(source)
                }
                if let current = target, let source = split.first(where: { $0.0 == current })?.1 { target = source }
                if !lines.isEmpty { aliases[index] = lines }
                continue
            }
            if let current = target, piece.facts.defines.contains(current) {
                targetColumn = Self.selectedColumn(piece.statement, defining: current) { self.literalString(named: $0, before: index) }
                target = nil
            }
            guard !bound.isDisjoint(with: need) else { continue }
            if let (name, argument) = Self.dataRead(piece.statement), need.contains(name), rawName == nil {
                rawName = name
                need.remove(name)
                // The data file's config constant: the argument itself, or the one its variable
                // was bound to (`train_path = TRAIN_PATH` after the path was lifted).
                let constants = Set(dataFiles.map(\.configName))
                if case .name(let constant, _) = argument.kind, constants.contains(constant) { dataFile = constant }
                if dataFile == nil { dataFile = dataFiles.first { usedConfigInPiece[index]?.contains($0.configName) == true }?.configName }
                if dataFile == nil, case .name(let variable, _) = argument.kind,
                   let binder = pieces.indices.prefix(index).last(where: { pieces[$0].facts.defines.contains(variable) }) {
                    dataFile = dataFiles.first { usedConfigInPiece[binder]?.contains($0.configName) == true }?.configName
                }
                continue
            }
            if let column = targetColumn, Self.assignsColumn(piece.statement, column) { continue }
            // A transformer fitted here must be the saved one, applied, not refitted; one that is
            // not named (`StandardScaler().fit_transform(X)`) cannot be saved.
            if Self.fitsUnnamed(piece.statement) { return nil }
            for receiver in Self.fitReceivers(piece.statement) {
                guard artifactNames.contains(receiver) else { return nil }
                transformers.insert(receiver)
            }
            if Self.isBareFit(piece.statement) { continue }
            included.append(index)
            let pieceReads = Set(piece.facts.reads).union(extraReads[index] ?? []).subtracting(hiddenReads[index] ?? [])
            let pureDefines = Set(piece.facts.defines).subtracting(pieceReads).subtracting(piece.facts.mutates)
            need.subtract(pureDefines)
            need.formUnion(pieceReads.subtracting(transformers))
            reads.formUnion(pieceReads)
        }
        // Nothing may be left but module-level names (a raw frame read earlier counts as read).
        guard let rawName, need.subtracting([rawName]).allSatisfy(atModuleLevel) else { return nil }
        // Feature code that uses the label (rows chosen by class, an index on it) cannot run on
        // a client's rows: only dropping it, or naming it, is allowed.
        if let column = targetColumn {
            for index in included where usesLabel(pieces[index].statement, column: column, before: index) { return nil }
        }
        var body = ["    \(rawName) = \(rawName).copy()"]
        for index in (Array(included) + Array(aliases.keys)).sorted() {
            if let lines = aliases[index] {
                body += lines.map { "    " + $0 }
                continue
            }
            let piece = pieces[index]
            var local = edits[piece.source] ?? []
            if let column = targetColumn {
                local += Self.ignoringMissing(column, in: piece.statement) { self.literalString(named: $0, before: index) == column }
            }
            var text = sources[piece.source].indented(piece.span, edits: local)
            for receiver in transformers { text = text.replacingOccurrences(of: "\(receiver).fit_transform(", with: "\(receiver).transform(") }
            body.append(text)
        }
        body.append("    return \(fit.input)")
        var importLines = Set<String>()
        var configNames = Set<String>()
        var packageImports: [String: Set<String>] = [:]
        for name in reads {
            if let lines = imports[name] { importLines.formUnion(lines) }
            if config.contains(name) { configNames.insert(name) }
            if let home = homes[name], home != "inference" { packageImports[home, default: []].insert(name) }
        }
        for index in included { configNames.formUnion(usedConfigInPiece[index] ?? []) }
        var allImports = ImportLine.sorted(importLines)
        if !configNames.isEmpty { allImports.append("from .config import " + configNames.sorted().joined(separator: ", ")) }
        for home in packageImports.keys.sorted() {
            allImports.append("from .\(home) import " + (packageImports[home] ?? []).sorted().joined(separator: ", "))
        }
        let parameters = [rawName] + transformers.sorted()
        return FeaturePreparation(
            rawName: rawName, dataFile: dataFile, targetColumn: targetColumn, inputName: fit.input,
            signature: "def prepare_features(\(parameters.joined(separator: ", "))):", body: body.joined(separator: "\n") + "\n",
            imports: allImports, artifacts: transformers.sorted())
    }

    /// The string a name holds before a piece, when its closest binding there is a literal
    /// (`target_name = "class"`, in the pipeline or in config).
    func literalString(named name: String, before limit: Int) -> String? {
        for piece in pieces.prefix(limit).reversed() where piece.facts.defines.contains(name) {
            guard let (bound, value) = Self.literalAssignment(piece.statement), bound == name,
                  case .constant(.string(let text)) = value.kind else { return nil }
            return PythonStringLiteral.value(of: text)
        }
        return nil
    }

    /// Whether a statement mentions the label column (its literal, or a name bound to it)
    /// other than inside a `.drop(…)` call or as the literal a name is bound to.
    func usesLabel(_ statement: Statement, column: String, before index: Int) -> Bool {
        if let (_, value) = Self.literalAssignment(statement), case .constant(.string(let text)) = value.kind,
           PythonStringLiteral.value(of: text) == column { return false }
        var dropped: [Range<Int>] = []
        var mentions: [Int] = []
        SyntaxWalk.expressions(in: statement) { expression in
            switch expression.kind {
            case .call(let function, let arguments, let keywords):
                if case .attribute(_, "drop", _) = function.kind {
                    for argument in arguments + keywords.map(\.value) {
                        dropped.append(argument.range.start.offset..<argument.range.end.offset)
                    }
                }
            case .constant(.string(let text)) where PythonStringLiteral.value(of: text) == column:
                mentions.append(expression.range.start.offset)
            case .name(let name, _) where literalString(named: name, before: index) == column:
                mentions.append(expression.range.start.offset)
            default:
                break
            }
        }
        return mentions.contains { offset in !dropped.contains { $0.contains(offset) } }
    }

    /// `df["target"] = …`: a statement about the label, which a client's rows do not have.
    static func assignsColumn(_ statement: Statement, _ column: String) -> Bool {
        guard case .assign(let targets, _) = statement.kind else { return false }
        return targets.contains { target in
            guard case .subscript(_, let slice, _) = target.kind, case .constant(.string(let text)) = slice.kind else { return false }
            return PythonStringLiteral.value(of: text) == column
        }
    }

    /// `errors="ignore"` added to each `.drop(…)` call naming the target column, so dropping
    /// the label from a client's rows (which lack it) gives what it gave on the data.
    static func ignoringMissing(_ column: String, in statement: Statement, holdsColumn: (String) -> Bool) -> [CellSource.Edit] {
        var edits: [CellSource.Edit] = []
        SyntaxWalk.expressions(in: statement) { expression in
            guard case .call(let function, let arguments, let keywords) = expression.kind,
                  case .attribute(_, "drop", _) = function.kind, !keywords.contains(where: { $0.name == "errors" }) else { return }
            var mentions = false
            for argument in arguments + keywords.map(\.value) {
                SyntaxWalk.expressions(in: Statement(.expression(argument), range: argument.range)) { inner in
                    if case .constant(.string(let text)) = inner.kind, PythonStringLiteral.value(of: text) == column { mentions = true }
                    if case .name(let name, _) = inner.kind, holdsColumn(name) { mentions = true }
                }
            }
            guard mentions else { return }
            let close = expression.range.end.offset - 1
            edits.append(CellSource.Edit(range: close..<close, replacement: ", errors=\"ignore\""))
        }
        return edits
    }

    /// The imports (name → lines), config names and nothing else that module level binds
    /// before a piece.
    private func moduleProviders(before limit: Int) -> (imports: [String: [String]], config: Set<String>) {
        var imports: [String: [String]] = [:]
        var config: Set<String> = Set(configEntries.map(\.name))
        for piece in pieces.prefix(limit) {
            switch piece.destination {
            case .imports:
                for fact in piece.facts.imports {
                    guard let name = ImportLine.boundName(fact) else { continue }
                    imports[name] = [ImportLine.text(fact)]
                }
            case .config: config.formUnion(piece.facts.defines)
            default: break
            }
        }
        return (imports, config)
    }

    /// The target of the fit (`y_train` in `model.fit(X_train, y_train)`), when a plain name.
    private func fitTarget(at index: Int) -> String? {
        var found: String?
        SyntaxWalk.expressions(in: pieces[index].statement) { expression in
            guard found == nil, case .call(let function, let arguments, _) = expression.kind,
                  case .attribute(_, let method, _) = function.kind, Self.fitMethods.contains(method), arguments.count >= 2 else { return }
            found = Self.variable(arguments[1])
        }
        return found
    }

    /// `a_train, a_test, b_train, b_test = train_test_split(a, b, …)`: each target with the
    /// plain-name argument its rows come from.
    static func splitTargets(_ statement: Statement) -> [(String, String)]? {
        guard case .assign(let targets, let value) = statement.kind, targets.count == 1,
              case .tuple(let elements, _) = targets[0].kind,
              case .call(let function, let arguments, _) = value.kind,
              SyntaxWalk.dottedName(function)?.split(separator: ".").last == "train_test_split" else { return nil }
        var pairs: [(String, String)] = []
        for (position, element) in elements.enumerated() {
            guard case .name(let name, _) = element.kind, position / 2 < arguments.count,
                  let source = variable(arguments[position / 2]) else { continue }
            pairs.append((name, source))
        }
        return pairs
    }

    /// `y = df["target"]` or `y = df.target`: the column.
    static func selectedColumn(_ statement: Statement, defining name: String, literal: (String) -> String?) -> String? {
        guard case .assign(let targets, let value) = statement.kind, targets.count == 1,
              case .name(name, _) = targets[0].kind else { return nil }
        switch value.kind {
        case .subscript(_, let slice, _):
            if case .name(let held, _) = slice.kind { return literal(held) }
            guard case .constant(.string(let text)) = slice.kind else { return nil }
            return PythonStringLiteral.value(of: text)
        case .attribute(let frame, let attribute, _):
            guard case .name = frame.kind else { return nil }
            return attribute
        default:
            return nil
        }
    }

    /// `df = pd.read_csv(PATH, …)` (any `read_*`): the name and the path argument.
    static func dataRead(_ statement: Statement) -> (String, PyExpression)? {
        guard case .assign(let targets, let value) = statement.kind, targets.count == 1,
              case .name(let name, _) = targets[0].kind,
              case .call(let function, let arguments, let keywords) = value.kind,
              let callee = SyntaxWalk.dottedName(function),
              callee.split(separator: ".").last?.hasPrefix("read_") == true,
              let argument = arguments.first ?? keywords.first(where: { pathKeywords.contains($0.name ?? "") })?.value else { return nil }
        return (name, argument)
    }

    /// Receivers of `.fit(…)`, `.fit_transform(…)` and `.partial_fit(…)` in a statement.
    static func fitReceivers(_ statement: Statement) -> Set<String> {
        var names: Set<String> = []
        SyntaxWalk.expressions(in: statement) { expression in
            guard case .call(let function, _, _) = expression.kind, case .attribute(let receiver, let method, _) = function.kind,
                  ["fit", "fit_transform", "partial_fit"].contains(method), case .name(let name, _) = receiver.kind else { return }
            names.insert(name)
        }
        return names
    }

    /// Whether a statement fits something that is not a plain name (`StandardScaler().fit(X)`).
    static func fitsUnnamed(_ statement: Statement) -> Bool {
        var found = false
        SyntaxWalk.expressions(in: statement) { expression in
            guard case .call(let function, _, _) = expression.kind, case .attribute(let receiver, let method, _) = function.kind,
                  ["fit", "fit_transform", "partial_fit"].contains(method) else { return }
            if case .name = receiver.kind { return }
            found = true
        }
        return found
    }

    /// `scaler.fit(X)` alone: fitting only, nothing a saved transformer needs again.
    static func isBareFit(_ statement: Statement) -> Bool {
        guard case .expression(let value) = statement.kind, case .call(let function, _, _) = value.kind,
              case .attribute(_, let method, _) = function.kind else { return false }
        return ["fit", "partial_fit"].contains(method)
    }
}
