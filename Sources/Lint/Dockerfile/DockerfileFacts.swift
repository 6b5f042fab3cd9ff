import Diagnostics

/// Turns a Dockerfile into ``FileFacts``: every image it names (`FROM`, `COPY --from=`,
/// `RUN --mount=…,from=`, also under `ONBUILD`) resolved against global and per-stage `ARG`
/// defaults and earlier stage aliases (case-insensitively), and every package its `RUN`
/// instructions (and their heredocs) install.
public enum DockerfileFacts {
    /// Extracts the facts of a Dockerfile.
    /// - Parameters:
    ///   - path: The file, as the user named it.
    ///   - text: Its text.
    /// - Returns: The facts.
    public static func extract(path: String, text: String) -> FileFacts {
        var state = State(path: path, lineIndex: LineIndex(text))
        let dockerfile = DockerfileParser.parse(text)
        for instruction in dockerfile.instructions {
            for line in instruction.line...max(instruction.line, instruction.endLine) {
                state.facts.statementStarts[LineKey(cell: nil, line: line)] = instruction.line
            }
            state.visit(keyword: instruction.keyword, arguments: instruction.arguments, heredocs: instruction.heredocs)
        }
        state.facts.ignores = IgnoreScanner.scan(text: text, path: path, cell: nil)
        return state.facts
    }

    struct State {
        var facts: FileFacts
        let lineIndex: LineIndex
        var global: [String: ExpandedText] = [:]
        var stage: [String: ExpandedText] = [:]
        var aliases: [String] = []
        var sawFrom = false

        init(path: String, lineIndex: LineIndex) {
            self.facts = FileFacts(path: path)
            self.lineIndex = lineIndex
        }

        func location(_ offset: Int) -> SourceLocation {
            let (line, column) = lineIndex.lineAndColumn(of: offset)
            return SourceLocation(path: facts.path, line: line, column: column)
        }

        mutating func visit(keyword: String, arguments: MappedText, heredocs: [MappedText]) {
            switch keyword {
            case "ARG": arg(arguments)
            case "FROM": from(arguments)
            case "COPY", "ADD": copy(arguments)
            case "RUN": run(arguments, heredocs: heredocs)
            case "ONBUILD":
                let words = Self.words(arguments)
                guard let inner = words.first else { return }
                let start = arguments.offsets.firstIndex { $0 >= inner.offset } ?? 0
                let afterKeyword = start + inner.text.utf8.count
                let rest = arguments.bytes[afterKeyword...].firstIndex { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }
                visit(keyword: inner.text.uppercased(), arguments: arguments.suffix(from: rest ?? arguments.bytes.count),
                      heredocs: heredocs)
            default: break
            }
        }

        mutating func arg(_ arguments: MappedText) {
            for word in ShellTokenizer.commands(in: arguments).flatMap({ $0 }) {
                let parts = word.text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                let name = String(parts[0])
                if sawFrom {
                    if parts.count == 2 {
                        stage[name] = VariableExpander(values: stage).expand(String(parts[1]))
                    } else if let value = global[name] {
                        stage[name] = value
                    }
                } else if parts.count == 2 {
                    global[name] = VariableExpander(values: global).expand(String(parts[1]))
                } else {
                    global[name] = nil
                }
            }
        }

        mutating func from(_ arguments: MappedText) {
            let words = Self.words(arguments).filter { !$0.text.hasPrefix("--") }
            defer {
                sawFrom = true
                stage = [:]
                if words.count >= 3, words[1].text.lowercased() == "as" {
                    aliases.append(words[2].text.lowercased())
                } else {
                    aliases.append("")
                }
            }
            guard let image = words.first else { return }
            addImage(image, origin: .from, scope: global, allowStageIndex: false)
        }

        mutating func copy(_ arguments: MappedText) {
            for word in Self.words(arguments) {
                guard word.text.hasPrefix("--") else { break }
                guard word.text.lowercased().hasPrefix("--from=") else { continue }
                let prefix = "--from=".utf8.count
                let value = ShellWord(text: String(word.text.dropFirst(prefix)), offset: word.offset + prefix)
                addImage(value, origin: .copyFrom, scope: stage, allowStageIndex: true)
            }
        }

        mutating func run(_ arguments: MappedText, heredocs: [MappedText]) {
            var commandStart = 0
            for word in Self.words(arguments) {
                guard word.text.hasPrefix("--") else { break }
                commandStart = (arguments.offsets.firstIndex { $0 >= word.offset } ?? 0) + word.text.utf8.count
                guard word.text.lowercased().hasPrefix("--mount=") else { continue }
                var fieldOffset = word.offset + "--mount=".utf8.count
                for field in word.text.dropFirst("--mount=".count).split(separator: ",", omittingEmptySubsequences: false) {
                    if field.lowercased().hasPrefix("from=") {
                        let value = ShellWord(text: String(field.dropFirst(5)), offset: fieldOffset + 5)
                        addImage(value, origin: .mountFrom, scope: stage, allowStageIndex: true)
                    }
                    fieldOffset += field.utf8.count + 1
                }
            }
            let shell = arguments.suffix(from: commandStart)
            var commands: [[ShellWord]]
            if let exec = ShellTokenizer.execForm(shell) {
                commands = [exec]
            } else {
                commands = ShellTokenizer.commands(in: shell)
            }
            for body in heredocs {
                commands += ShellTokenizer.commands(in: body)
            }
            for command in commands {
                for install in InstallCommandParser.installs(in: command) {
                    facts.installs.append(PackageInstall(
                        ecosystem: install.ecosystem, context: .dockerfile, spec: install.word.text, name: install.name,
                        pin: install.pin, location: location(install.word.offset)))
                }
            }
        }

        mutating func addImage(_ word: ShellWord, origin: ImageUse.Origin, scope: [String: ExpandedText], allowStageIndex: Bool) {
            let expanded = VariableExpander(values: scope).expand(word.text)
            let resolution: ImageResolution
            if let literal = expanded.literal?.lowercased(), !literal.isEmpty, aliases.contains(literal) {
                resolution = .stage(literal)
            } else if let literal = expanded.literal, allowStageIndex, let index = Int(literal), index >= 0,
                      index < aliases.count {
                resolution = .stage(literal)
            } else if expanded.literal?.lowercased() == "scratch" {
                resolution = .scratch
            } else {
                resolution = ImageResolver.resolve(expanded, variableKind: "build-arg")
            }
            facts.images.append(ImageUse(origin: origin, written: word.text, resolution: resolution, location: location(word.offset)))
        }

        /// Whitespace-separated words (no quote removal), with offsets.
        static func words(_ text: MappedText) -> [ShellWord] {
            var words: [ShellWord] = []
            var start: Int?
            for index in 0...text.bytes.count {
                let isBlank = index == text.bytes.count || text.bytes[index] == UInt8(ascii: " ")
                    || text.bytes[index] == UInt8(ascii: "\t") || text.bytes[index] == UInt8(ascii: "\n")
                if isBlank, let wordStart = start {
                    words.append(ShellWord(
                        text: String(decoding: text.bytes[wordStart..<index], as: UTF8.self),
                        offset: text.originalOffset(at: wordStart)))
                    start = nil
                } else if !isBlank, start == nil {
                    start = index
                }
            }
            return words
        }
    }
}
