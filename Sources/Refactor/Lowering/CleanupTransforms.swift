/// IPython's `cleanup_transforms` that run before anything else: `leading_empty_lines`,
/// `leading_indent`, `classic_prompt` (`>>> `, `... `) and `ipython_prompt` (`In [1]: `,
/// `...: `). Lines are never removed here (the caller keeps leading blank lines in place);
/// instead each line records how many leading characters were stripped, so columns can be
/// mapped back to the source.
struct CleanupTransforms {
    /// The lines after cleanup (only those from the first non-blank line on).
    var lines: [Scalars]
    /// For each of `lines`, how many characters were removed from its start.
    var removed: [Int]
    /// Whether a prompt was stripped.
    var strippedPrompts = false

    init(_ lines: [Scalars]) {
        self.lines = lines
        self.removed = Array(repeating: 0, count: lines.count)
        guard !lines.isEmpty else { return }
        leadingIndent()
        strip(prompt: Self.classicPrompt, initial: Self.classicInitial)
        strip(prompt: Self.ipythonPrompt, initial: Self.ipythonPrompt)
    }

    /// `leading_indent`: the first line's leading spaces/tabs removed from every line that
    /// starts with exactly that text.
    private mutating func leadingIndent() {
        var count = 0
        while count < lines[0].count, lines[0][count] == " " || lines[0][count] == "\t" { count += 1 }
        guard count > 0 else { return }
        let space = Array(lines[0][0..<count])
        for index in lines.indices where lines[index].count >= count && Array(lines[index][0..<count]) == space {
            lines[index].removeFirst(count)
            removed[index] += count
        }
    }

    private mutating func strip(prompt: (Scalars) -> Int?, initial: (Scalars) -> Int?) {
        let applies = initial(lines[0]) != nil || (lines.count > 1 && prompt(lines[1]) != nil)
        guard applies else { return }
        for index in lines.indices {
            if let length = prompt(lines[index]) {
                lines[index].removeFirst(length)
                removed[index] += length
                if length > 0 { strippedPrompts = true }
            }
        }
    }

    /// Python's `$` after a match ending at `index`: the end, or just before a final `\n`.
    private static func atEnd(_ line: Scalars, _ index: Int) -> Bool {
        index == line.count || (index == line.count - 1 && line[index] == "\n")
    }

    /// `^>>>( |$)`
    static func classicInitial(_ line: Scalars) -> Int? {
        guard SourceText.hasPrefix(line, ">>>") else { return nil }
        if line.count > 3, line[3] == " " { return 4 }
        return atEnd(line, 3) ? 3 : nil
    }

    /// `^(>>>|\.\.\.)( |$)`
    static func classicPrompt(_ line: Scalars) -> Int? {
        guard SourceText.hasPrefix(line, ">>>") || SourceText.hasPrefix(line, "...") else { return nil }
        if line.count > 3, line[3] == " " { return 4 }
        return atEnd(line, 3) ? 3 : nil
    }

    /// `^(((\[nav\]|\[ins\])?\ )?In\ \[\d+\]:\ |\s*\.{3,}:\ ?)`
    static func ipythonPrompt(_ line: Scalars) -> Int? {
        for start in [0, 1, 6] {
            // `In [n]: ` preceded by nothing, a space, or `[nav] `/`[ins] `.
            if start == 1, !SourceText.hasPrefix(line, " ") { continue }
            if start == 6, !(SourceText.hasPrefix(line, "[nav] ") || SourceText.hasPrefix(line, "[ins] ")) { continue }
            let rest = Array(line[min(start, line.count)...])
            guard SourceText.hasPrefix(rest, "In [") else { continue }
            var index = 4
            while index < rest.count, SourceText.isDigit(rest[index]) { index += 1 }
            guard index > 4, index + 2 < rest.count else { continue }
            if rest[index] == "]", rest[index + 1] == ":", rest[index + 2] == " " {
                return start + index + 3
            }
        }
        var index = 0
        while index < line.count, SourceText.isSpace(line[index]) { index += 1 }
        var dots = 0
        while index + dots < line.count, line[index + dots] == "." { dots += 1 }
        guard dots >= 3 else {
            return nil
        }
        index += dots
        guard index < line.count, line[index] == ":" else { return nil }
        index += 1
        if index < line.count, line[index] == " " { index += 1 }
        return index
    }
}
