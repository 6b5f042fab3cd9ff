/// The `find` class methods of IPython's token transformers (`MagicAssign`, `SystemAssign`,
/// `EscapedCommand`, `HelpEnd`) over `make_tokens_by_line` groups.
enum TokenTransformFinder {
    struct Candidate: Equatable {
        enum Kind: Equatable {
            case magicAssign
            case systemAssign
            case escapedCommand
            /// `HelpEnd`, with the 0-based line and column of the `?`.
            case helpEnd(questionLine: Int, questionColumn: Int)
        }

        var kind: Kind
        /// 0-based line of the start of the special syntax.
        var line: Int
        /// 0-based column.
        var column: Int

        var priority: Int {
            if case .helpEnd = kind { return 5 }
            return 10
        }
    }

    /// Where IPython itself would raise while looking (an `IndexError` in `MagicAssign.find`).
    struct IPythonCrash: Error {}

    /// `make_tokens_by_line`: tokens grouped into logical lines.
    static func group(_ tokens: [IPythonToken]) -> [TokenLine] {
        var groups: [TokenLine] = []
        var start = 0
        var parenLevel = 0
        for (index, token) in tokens.enumerated() {
            if token.kind == .newline || (token.kind == .nl && parenLevel <= 0) {
                groups.append(TokenLine(tokens: tokens, range: start..<(index + 1)))
                start = index + 1
            } else if token.isOpening {
                parenLevel += 1
            } else if token.isClosing {
                if parenLevel > 0 { parenLevel -= 1 }
            }
        }
        if start < tokens.count { groups.append(TokenLine(tokens: tokens, range: start..<tokens.count)) }
        return groups
    }

    /// All candidates, sorted the way `do_one_token_transform` tries them.
    static func candidates(_ groups: [TokenLine], lines: [Scalars]) throws -> [Candidate] {
        var found: [Candidate] = []
        if let candidate = try magicAssign(groups) { found.append(candidate) }
        if let candidate = systemAssign(groups, lines: lines) { found.append(candidate) }
        if let candidate = escapedCommand(groups) { found.append(candidate) }
        if let candidate = helpEnd(groups) { found.append(candidate) }
        // Python's sort is stable: ties keep the transformer order above.
        return found.enumerated().sorted { left, right in
            let l = (left.element.line, left.element.column, left.element.priority, left.offset)
            let r = (right.element.line, right.element.column, right.element.priority, right.offset)
            return l < r
        }.map(\.element)
    }

    /// `_find_assign_op`: the index of the first `=` outside brackets.
    static func assignIndex(_ line: TokenLine) -> Int? {
        var level = 0
        for (index, token) in line.enumerated() {
            if token.isSingle("="), level == 0 { return index }
            if token.isOpening {
                level += 1
            } else if token.isClosing {
                if level > 0 { level -= 1 }
            }
        }
        return nil
    }

    private static func magicAssign(_ groups: [TokenLine]) throws -> Candidate? {
        for line in groups {
            guard let assign = assignIndex(line), line.count >= assign + 2, line[assign + 1].isSingle("%") else {
                continue
            }
            guard assign + 2 < line.count else { throw IPythonCrash() }
            if line[assign + 2].kind == .name {
                return Candidate(kind: .magicAssign, line: line[assign + 1].startLine - 1, column: line[assign + 1].startColumn)
            }
        }
        return nil
    }

    /// `SystemAssign.find_pre_312` (IPython on Python 3.11).
    private static func systemAssign(_ groups: [TokenLine], lines: [Scalars]) -> Candidate? {
        for line in groups {
            guard let assign = assignIndex(line) else { continue }
            let physical = line[assign].startLine - 1
            let physicalLine = physical < lines.count ? lines[physical] : []
            guard physicalLine.first(where: { !SourceText.isSpace($0) }) != "=", line.count >= assign + 2,
                  line[assign + 1].kind == .errorToken else { continue }
            var index = assign + 1
            while index < line.count, line[index].kind == .errorToken {
                if line[index].isSingle("!") {
                    return Candidate(kind: .systemAssign, line: line[index].startLine - 1, column: line[index].startColumn)
                }
                if !(line[index].text.allSatisfy(SourceText.isSpace) && !line[index].text.isEmpty) { break }
                index += 1
            }
        }
        return nil
    }

    private static let escapes: Set<Scalars> = [["!"], ["?"], ["%"], [","], [";"], ["/"]]

    private static func escapedCommand(_ groups: [TokenLine]) -> Candidate? {
        for line in groups where !line.isEmpty {
            var index = 0
            while index < line.count, line[index].kind == .indent || line[index].kind == .dedent { index += 1 }
            guard index < line.count else { continue }
            if escapes.contains(line[index].text) {
                return Candidate(kind: .escapedCommand, line: line[index].startLine - 1, column: line[index].startColumn)
            }
        }
        return nil
    }

    private static func helpEnd(_ groups: [TokenLine]) -> Candidate? {
        for line in groups where line.count > 2 && line[line.count - 2].isSingle("?") {
            var index = 0
            while index < line.count - 1, line[index].kind == .indent || line[index].kind == .dedent { index += 1 }
            let question = line[line.count - 2]
            return Candidate(kind: .helpEnd(questionLine: question.startLine - 1, questionColumn: question.startColumn),
                             line: line[index].startLine - 1, column: line[index].startColumn)
        }
        return nil
    }
}
