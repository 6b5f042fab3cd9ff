import Diagnostics
import Foundation
import PythonSyntax

extension PlanBuilder {
    /// How often each name is bound in the whole notebook, and the names changed in place or
    /// by an augmented assignment.
    func bindingCounts() -> (bindings: [String: Int], changed: Set<String>) {
        var bindings: [String: Int] = [:]
        var changed: Set<String> = []
        for piece in pieces {
            for name in piece.facts.defines { bindings[name, default: 0] += 1 }
            changed.formUnion(piece.facts.mutates)
            changed.formUnion(SyntaxWalk.augmentedNames(in: piece.statement))
        }
        return (bindings, changed)
    }

    /// Lifts literal constants into `config`: a name assigned a literal once in the whole
    /// notebook and never changed, in a setup or papermill `parameters` cell, or spelled in
    /// capitals (`THRESH = 2`) anywhere in the pipeline.
    func chooseConfig() {
        let (bindings, changed) = bindingCounts()
        let parameterCells = Set(plan.analysis.cells.filter { $0.cell.tags.contains("parameters") }.map(\.index))
        for index in pieces.indices {
            guard case .function = pieces[index].destination,
                  let (name, value) = Self.literalAssignment(pieces[index].statement),
                  bindings[name] == 1, !changed.contains(name) else { continue }
            let cell = pieces[index].cell
            let isParameter = parameterCells.contains(cell)
            guard stageOf[cell] == .setup || isParameter || Self.isConstantName(name) else { continue }
            pieces[index].destination = .config
            let text = sources[pieces[index].source].text(value.range.start.offset..<value.range.end.offset)
            configEntries.append(ConfigEntry(name: name, value: text, origin: isParameter ? .parameter : .literal, cell: cell))
        }
    }

    /// Globals that moved functions read and a pipeline cell computes from imports and config
    /// alone (`rng = np.random.RandomState(1)`), bound once and never changed: the assignment
    /// moves to module level next to the functions (or to `common`), exactly as the notebook's
    /// global was one shared object. Anything else a function reads from a stage is reported
    /// (`project.function-reads-stage-global`).
    func liftSharedGlobals() {
        let (bindings, changed) = bindingCounts()
        var staticNames: Set<String> = []
        var computed: Set<String> = []
        for piece in pieces {
            switch piece.destination {
            case .imports, .config: staticNames.formUnion(piece.facts.defines)
            default: computed.formUnion(piece.facts.defines)
            }
        }
        let readByDefinitions = Set(pieces.filter { $0.destination == .definition }.flatMap(\.facts.reads))
        for index in pieces.indices {
            guard case .function = pieces[index].destination,
                  case .assign(let targets, _) = pieces[index].statement.kind, targets.count == 1,
                  case .name(let name, _) = targets[0].kind,
                  readByDefinitions.contains(name), bindings[name] == 1, !changed.contains(name) else { continue }
            let reads = pieces[index].facts.reads
            guard reads.allSatisfy({ ($0 != name) && !computed.contains($0) && (staticNames.contains($0) || PythonBuiltins.names.contains($0)) }) else { continue }
            pieces[index].destination = .definition
            diagnostics.append(.note("project.global-lifted", "'\(name)' is read inside functions: its assignment moves to module level, shared like the notebook's global",
                                     at: location(of: pieces[index])))
        }
    }

    /// `NAME = literal` or `NAME: T = literal`.
    static func literalAssignment(_ statement: Statement) -> (String, PyExpression)? {
        switch statement.kind {
        case .assign(let targets, let value):
            guard targets.count == 1, case .name(let name, _) = targets[0].kind, ExplorationStatement.isLiteral(value) else { return nil }
            return (name, value)
        case .annotatedAssign(let target, _, let value?, true):
            guard case .name(let name, _) = target.kind, ExplorationStatement.isLiteral(value) else { return nil }
            return (name, value)
        default:
            return nil
        }
    }

    /// `SEED`, `TEST_SIZE`, `N2`: capitals, digits and underscores with at least one letter.
    static func isConstantName(_ name: String) -> Bool {
        name.contains { $0.isLetter } && name.allSatisfy { ($0.isUppercase && $0.isASCII) || $0.isNumber || $0 == "_" }
    }

    static let readerNames: Set<String> = ["load", "loadtxt", "genfromtxt", "fromfile", "open", "imread", "load_workbook", "load_img"]
    static let pathKeywords: Set<String> = ["filepath_or_buffer", "path", "fname", "file", "io", "path_or_buf", "filename", "path_or_buffer"]

    /// Finds the files pipeline code reads (a string literal, or a config constant holding
    /// one, as the first argument of `read_*`, `open`, `np.load`, …) and points them at
    /// `DATA_DIR`: constants become data path entries, literals are replaced by new ones.
    func findDataFiles() {
        var literalReads: [(piece: Int, value: String, expression: PyExpression, reader: String)] = []
        // Computed paths: the expression replaced by the config name (where it is read, or where
        // the name read was bound), and whether the config value is a `Path` or a string.
        var computedReads: [(piece: Int, value: String, expression: PyExpression, reader: String, isPath: Bool)] = []
        var paths = PathExpression()
        for (index, piece) in pieces.enumerated() {
            defer { paths.record(piece.statement, defines: piece.facts.defines, piece: index) }
            guard Self.isPipelineCode(piece.destination) else { continue }
            SyntaxWalk.expressions(in: piece.statement) { expression in
                guard case .call(let function, let arguments, let keywords) = expression.kind,
                      let reader = SyntaxWalk.dottedName(function) else { return }
                let last = String(reader.split(separator: ".").last ?? Substring(reader))
                guard last.hasPrefix("read_") || Self.readerNames.contains(last) else { return }
                if last == "open", Self.opensForWriting(arguments: arguments, keywords: keywords) { return }
                guard let argument = arguments.first ?? keywords.first(where: { Self.pathKeywords.contains($0.name ?? "") })?.value else { return }
                switch argument.kind {
                case .constant(.string(let text)):
                    if let value = PythonStringLiteral.value(of: text), Self.isLocalPath(value) {
                        literalReads.append((index, value, argument, reader))
                    }
                case .name(let name, _):
                    if let entry = configEntries.firstIndex(where: { $0.name == name && $0.origin != .dataPath }),
                       let value = PythonStringLiteral.value(of: configEntries[entry].value), Self.isLocalPath(value) {
                        addDataFile(value, name: name, reader: reader, cell: piece.cell)
                        configEntries[entry].origin = .dataPath
                        configEntries[entry].value = Self.dataDirExpression(projectPath(of: value))
                    } else if !configEntries.contains(where: { $0.name == name }), let value = paths.bindings[name], Self.isLocalPath(value) {
                        // `path = "data/x.csv"` then `read_csv(path)`: the literal is replaced where
                        // it is bound; a computed value is replaced where it is read.
                        if paths.literalNames.contains(name) {
                            literalReads.append((index, value, argument, reader))
                        } else if let site = paths.sites[name], Self.isPipelineCode(pieces[site.piece].destination) {
                            // Replaced where it is bound, so every use (a save, then a load) agrees.
                            computedReads.append((site.piece, value, site.value, reader, site.isPath))
                        } else {
                            computedReads.append((index, value, argument, reader, paths.isPath(argument)))
                        }
                    }
                default:
                    // `os.path.join(DIR, "x.csv")`, `Path(...) / "x.csv"`, f-strings of constants.
                    if let value = paths.value(of: argument), Self.isLocalPath(value) {
                        computedReads.append((index, value, argument, reader, paths.isPath(argument)))
                    }
                }
            }
        }
        let reads = literalReads.map { (piece: $0.piece, value: $0.value, reader: $0.reader, isPath: false) }
            + computedReads.map { (piece: $0.piece, value: $0.value, reader: $0.reader, isPath: $0.isPath) }
        for read in reads where !dataFiles.contains(where: { $0.notebookPath == read.value }) {
            let name = freshConfigName(for: read.value)
            addDataFile(read.value, name: name, reader: read.reader, cell: pieces[read.piece].cell)
            let value = read.isPath ? "DATA_DIR / \(PythonStringLiteral.literal(projectPath(of: read.value)))" : Self.dataDirExpression(projectPath(of: read.value))
            configEntries.append(ConfigEntry(name: name, value: value, origin: .dataPath, cell: nil))
        }
        var replaced: [Int: [Range<Int>]] = [:]
        for read in computedReads {
            guard let name = dataFiles.first(where: { $0.notebookPath == read.value })?.configName else { continue }
            let range = read.expression.range.start.offset..<read.expression.range.end.offset
            let source = pieces[read.piece].source
            guard !(replaced[source] ?? []).contains(where: { $0.overlaps(range) }) else { continue }
            replaced[source, default: []].append(range)
            edits[source, default: []].append(CellSource.Edit(range: range, replacement: name))
            usedConfigInPiece[read.piece, default: []].insert(name)
        }
        rewriteDataPathLiterals(skipping: replaced)
        forgetReadsInside(replaced)
    }

    /// Names read only inside replaced expressions (`os` in `os.path.join(…)` become a config
    /// name) are no longer read by their piece, so no import is kept for them.
    private func forgetReadsInside(_ replaced: [Int: [Range<Int>]]) {
        for index in pieces.indices {
            guard let ranges = replaced[pieces[index].source], !ranges.isEmpty else { continue }
            var inside: Set<String> = []
            var outside: Set<String> = []
            SyntaxWalk.expressions(in: pieces[index].statement) { expression in
                guard case .name(let name, _) = expression.kind else { return }
                let start = expression.range.start.offset
                if ranges.contains(where: { $0.contains(start) }) { inside.insert(name) } else { outside.insert(name) }
            }
            let gone = inside.subtracting(outside)
            if !gone.isEmpty { hiddenReads[index, default: []].formUnion(gone) }
        }
    }

    /// Replaces every single-line string literal equal to a data file's path, in pipeline code,
    /// by the config constant (so a file the notebook writes and then reads stays one file).
    private func rewriteDataPathLiterals(skipping replaced: [Int: [Range<Int>]]) {
        let names = Dictionary(dataFiles.map { ($0.notebookPath, $0.configName) }, uniquingKeysWith: { first, _ in first })
        guard !names.isEmpty else { return }
        for (index, piece) in pieces.enumerated() where Self.isPipelineCode(piece.destination) {
            SyntaxWalk.expressions(in: piece.statement) { expression in
                guard case .constant(.string(let text)) = expression.kind, expression.range.start.line == expression.range.end.line,
                      let value = PythonStringLiteral.value(of: text), let name = names[value] else { return }
                let range = expression.range.start.offset..<expression.range.end.offset
                if (replaced[piece.source] ?? []).contains(where: { $0.overlaps(range) }) { return }
                edits[pieces[index].source, default: []].append(
                    CellSource.Edit(range: expression.range.start.offset..<expression.range.end.offset, replacement: name))
                usedConfigInPiece[index, default: []].insert(name)
            }
        }
    }

    static func isPipelineCode(_ destination: PlanPiece.Destination) -> Bool {
        switch destination {
        case .function, .definition: true
        default: false
        }
    }

    private static func opensForWriting(arguments: [PyExpression], keywords: [Keyword]) -> Bool {
        let mode = arguments.count > 1 ? arguments[1] : keywords.first(where: { $0.name == "mode" })?.value
        guard let mode, case .constant(.string(let text)) = mode.kind, let value = PythonStringLiteral.value(of: text) else { return false }
        return value.contains { "wax+".contains($0) }
    }

    private static func isLocalPath(_ value: String) -> Bool {
        !value.isEmpty && !value.contains("://") && !value.contains("*") && !value.hasSuffix("/")
    }

    static func dataDirExpression(_ projectPath: String) -> String {
        "str(DATA_DIR / \(PythonStringLiteral.literal(projectPath)))"
    }

    /// The path relative to the notebook folder, normalised; `..` kept when it climbs out.
    static func normalise(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
            } else {
                parts.append(part)
            }
        }
        return (path.hasPrefix("/") ? "/" : "") + parts.joined(separator: "/")
    }

    /// Where a file goes inside the project's data folder: `data/x.csv` → `x.csv`; a path
    /// leaving the notebook folder (or absolute) keeps only its file name.
    func projectPath(of value: String) -> String {
        let resolved = Self.normalise(value)
        let dataPrefix = "data/"
        if resolved.hasPrefix(dataPrefix) { return String(resolved.dropFirst(dataPrefix.count)) }
        if resolved.hasPrefix("/") || resolved.hasPrefix("~") || resolved.hasPrefix("..") {
            return String(resolved.split(separator: "/").last ?? Substring(resolved))
        }
        return resolved
    }

    private func addDataFile(_ value: String, name: String, reader: String, cell: Int) {
        guard !dataFiles.contains(where: { $0.notebookPath == value }) else { return }
        let resolved = Self.normalise(value)
        if resolved.hasPrefix("/") || resolved.hasPrefix("~") {
            diagnostics.append(.warning("project.absolute-data-path", "'\(value)' is an absolute path: the project reads '\(projectPath(of: value))' from DATA_DIR instead",
                                        at: location(cell: cell)))
        }
        var exists = false
        var size: Int?
        if let directory = options.notebookDirectory {
            let full = resolved.hasPrefix("/") ? resolved : directory + "/" + resolved
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue {
                exists = true
                size = (try? FileManager.default.attributesOfItem(atPath: full)[.size] as? NSNumber)?.intValue
            }
        }
        dataFiles.append(DataFile(configName: name, notebookPath: value, resolvedPath: resolved, projectPath: projectPath(of: value),
                                  exists: exists, size: size, readBy: reader))
    }

    /// `data/churn.csv` → `CHURN_PATH`, unique among the notebook's names and config.
    private func freshConfigName(for value: String) -> String {
        let file = String(value.split(separator: "/").last ?? Substring(value))
        let stem = file.split(separator: ".").first.map(String.init) ?? file
        var base = String(stem.uppercased().map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "_" })
        if base.first?.isNumber ?? true { base = "DATA_" + base }
        base += "_PATH"
        let taken = Set(configEntries.map(\.name)).union(pieces.flatMap(\.facts.defines)).union(pieces.flatMap(\.facts.reads))
        var candidate = base
        var counter = 2
        while taken.contains(candidate) {
            candidate = "\(base)_\(counter)"
            counter += 1
        }
        return candidate
    }
}
