import Diagnostics

/// How a source split into a list of lines is joined back, per nbformat version.
enum SourceJoinRule {
    /// nbformat 4: lines keep their newlines, joined with nothing.
    case concatenate
    /// nbformat 3: joined with nothing when the first line ends in a newline, else with `\n`.
    case v3
    /// nbformat 2: joined with `\n`.
    case v2
}

extension ReadContext {
    /// A cell's source (or v3 `input`): a string, or a list of strings joined by `rule`.
    func joinedSource(_ node: JSONNode, cell index: Int, key: String, rule: SourceJoinRule) throws(DiagnosticError) -> String {
        switch node.kind {
        case .string(let text):
            return text
        case .array(let elements):
            var lines: [String] = []
            lines.reserveCapacity(elements.count)
            for element in elements {
                guard let line = element.string else {
                    throw error("notebook.invalid-type", "'\(key)' of cell \(index) must be a string or a list of strings, but an element is \(element.typeDescription)", at: element.offset)
                }
                lines.append(line)
            }
            switch rule {
            case .concatenate:
                return lines.joined()
            case .v2:
                return lines.joined(separator: "\n")
            case .v3:
                let last = lines.first?.unicodeScalars.last
                return last == "\n" || last == "\r" ? lines.joined() : lines.joined(separator: "\n")
            }
        default:
            throw error("notebook.invalid-type", "'\(key)' of cell \(index) must be a string or a list of strings, found \(node.typeDescription)", at: node.offset)
        }
    }

    /// `metadata.tags` of a cell; a warning (and no tags) when it is not a list of strings.
    mutating func tags(_ metadata: JSONNode, cell index: Int) -> [String] {
        guard let member = metadata.member("tags") else { return [] }
        guard let elements = member.value.elements else {
            warn("notebook.invalid-metadata", "'metadata.tags' of cell \(index) must be a list of strings, found \(member.value.typeDescription); ignored", at: member.value.offset)
            return []
        }
        var tags: [String] = []
        for element in elements {
            if let tag = element.string {
                tags.append(tag)
            } else {
                warn("notebook.invalid-metadata", "a tag of cell \(index) is \(element.typeDescription), not a string; ignored", at: element.offset)
            }
        }
        return tags
    }

    /// An execution count (`execution_count`, v3 `prompt_number`): an integer or null.
    mutating func executionCount(_ node: JSONNode, cell index: Int) -> Int? {
        if case .null = node.kind { return nil }
        if let value = node.int, value >= 0 {
            return value
        }
        warn("notebook.invalid-type", "the execution count of cell \(index) must be a non-negative integer or null, found \(node.typeDescription); ignored", at: node.offset)
        return nil
    }

    /// A raw cell's target format: `metadata.format`, else `metadata.raw_mimetype`.
    func rawMimetype(_ metadata: JSONNode) -> String? {
        metadata.member("format")?.value.string ?? metadata.member("raw_mimetype")?.value.string
    }
}
