import Foundation
import Diagnostics

/// Reads a requirements or constraints file, following `-r`/`--requirement` and
/// `-c`/`--constraint` relative to the file that names them. Handles `\` continuations,
/// comments, environment markers, extras, `--hash` options, `-e`, direct URLs and paths.
/// A requirement pinned exactly by a constraints file counts as pinned.
public enum RequirementsFacts {
    /// Extracts the facts of a requirements file and the files it includes.
    /// - Parameters:
    ///   - path: The file, as the user named it.
    ///   - text: Its text.
    ///   - fileSystem: Where to read included files.
    /// - Returns: The facts; installs and ignores may point into included files.
    public static func extract(path: String, text: String, fileSystem: any LintFileSystem) -> FileFacts {
        var walker = Walker(fileSystem: fileSystem, facts: FileFacts(path: path))
        walker.read(path: path, text: text, isConstraints: LintPath.fileName(of: path).lowercased().hasPrefix("constraints"))
        var facts = walker.facts
        facts.installs = facts.installs.map { install in
            var install = install
            if install.pin < .exact, walker.exactConstraints.contains(PythonRequirement.normalise(install.name)) {
                install.pin = .exact
            }
            return install
        }
        return facts
    }

    /// The files a requirements text includes with `-r` or `-c` (resolved against `path`).
    /// - Parameters:
    ///   - path: The including file.
    ///   - text: Its text.
    /// - Returns: The included paths.
    public static func includes(path: String, text: String) -> [String] {
        logicalLines(text).compactMap { line in
            guard let (option, value) = option(in: line.text.string),
                  ["-r", "--requirement", "-c", "--constraint"].contains(option), let value else { return nil }
            return LintPath.sibling(value, of: path)
        }
    }

    struct Walker {
        let fileSystem: any LintFileSystem
        var facts: FileFacts
        var visited: Set<String> = []
        var exactConstraints: Set<String> = []
        var stack: [String] = []

        mutating func read(path: String, text: String, isConstraints: Bool) {
            guard visited.insert(LintPath.normalise(path)).inserted else { return }
            stack.append(LintPath.normalise(path))
            defer { stack.removeLast() }
            let lineIndex = LineIndex(text)
            if path != facts.path {
                facts.ignores += IgnoreScanner.scan(text: text, path: path, cell: nil)
            } else {
                facts.ignores = IgnoreScanner.scan(text: text, path: path, cell: nil) + facts.ignores
            }
            for line in RequirementsFacts.logicalLines(text) {
                let content = line.text.string
                guard let first = content.firstIndex(where: { $0 != " " && $0 != "\t" }) else { continue }
                let firstByte = content.utf8.distance(from: content.utf8.startIndex, to: first.samePosition(in: content.utf8) ?? content.utf8.startIndex)
                let location = { (byte: Int) -> SourceLocation in
                    let (row, column) = lineIndex.lineAndColumn(of: line.text.originalOffset(at: byte))
                    return SourceLocation(path: path, line: row, column: column)
                }
                for start in line.lineNumbers {
                    facts.statementStarts[LineKey(cell: nil, line: start)] = line.lineNumbers.first
                }
                if content[first] == "-" {
                    guard let (option, value) = RequirementsFacts.option(in: content) else { continue }
                    switch option {
                    case "-r", "--requirement", "-c", "--constraint":
                        guard let value else { continue }
                        let included = LintPath.sibling(value, of: path)
                        if let loopStart = stack.firstIndex(of: included) {
                            facts.includeCycles.append(IncludeCycle(chain: Array(stack[loopStart...]) + [included], location: location(firstByte)))
                            continue
                        }
                        guard let includedText = fileSystem.contents(of: included) else {
                            facts.problems.append(.error(
                                "lint.unreadable-file", "cannot read '\(value)' named by \(option)",
                                at: location(firstByte)))
                            continue
                        }
                        read(path: included, text: includedText, isConstraints: option.contains("c"))
                    case "-e", "--editable":
                        guard let value, let valueStart = content.range(of: value, options: .backwards) else { continue }
                        let (name, pin) = PythonRequirement.classify(value)
                        let byte = content.utf8.distance(from: content.utf8.startIndex, to: valueStart.lowerBound)
                        add(PackageInstall(ecosystem: .pip, context: .requirements, spec: value, name: name, pin: pin,
                                           location: location(byte)), isConstraints: isConstraints)
                    default:
                        continue
                    }
                    continue
                }
                var requirement = String(content[first...])
                if let option = requirement.range(of: " -") { requirement = String(requirement[..<option.lowerBound]) }
                if let option = requirement.range(of: "\t-") { requirement = String(requirement[..<option.lowerBound]) }
                requirement = requirement.trimmingSpaces
                guard !requirement.isEmpty, !requirement.contains("${") else { continue }
                let (name, pin) = PythonRequirement.classify(requirement)
                add(PackageInstall(ecosystem: .pip, context: .requirements, spec: requirement, name: name, pin: pin,
                                   location: location(firstByte)), isConstraints: isConstraints)
            }
        }

        mutating func add(_ install: PackageInstall, isConstraints: Bool) {
            if isConstraints, install.pin == .exact {
                exactConstraints.insert(PythonRequirement.normalise(install.name))
            }
            facts.installs.append(install)
        }
    }

    struct LogicalLine {
        var text: MappedText
        var lineNumbers: [Int]
    }

    /// Lines joined at a trailing `\`, with comments (`#` at the start or after whitespace) removed.
    static func logicalLines(_ text: String) -> [LogicalLine] {
        let bytes = Array(text.utf8)
        var result: [LogicalLine] = []
        var current: LogicalLine?
        for (number, range) in DockerfileParser.physicalLines(bytes).enumerated() {
            var end = range.upperBound
            var index = range.lowerBound
            while index < range.upperBound {
                if bytes[index] == UInt8(ascii: "#"),
                   index == range.lowerBound || bytes[index - 1] == UInt8(ascii: " ") || bytes[index - 1] == UInt8(ascii: "\t") {
                    end = index
                    break
                }
                index += 1
            }
            var line = current ?? LogicalLine(text: MappedText(endOffset: range.lowerBound), lineNumbers: [])
            line.text.append(bytes[range.lowerBound..<end], from: range.lowerBound)
            line.lineNumbers.append(number + 1)
            if let last = line.text.bytes.last, last == UInt8(ascii: "\\"), end == range.upperBound {
                line.text.removeLast(1)
                current = line
            } else {
                result.append(line)
                current = nil
            }
        }
        if let current { result.append(current) }
        return result
    }

    /// The option and its value on an option line (`-r file`, `--requirement=file`, `-rfile`).
    static func option(in line: String) -> (String, String?)? {
        let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "=" && !line.hasPrefix("-e") })
        guard let first = words.first, first.hasPrefix("-") else { return nil }
        var option = String(first)
        var value = words.count > 1 ? String(words[1]) : nil
        if !option.hasPrefix("--"), option.count > 2 {
            value = String(option.dropFirst(2))
            option = String(option.prefix(2))
        }
        return (option, value)
    }
}
