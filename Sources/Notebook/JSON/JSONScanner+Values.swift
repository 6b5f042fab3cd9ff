extension JSONScanner {
    private func tooDeep(_ offset: Int) -> JSONSyntaxError {
        JSONSyntaxError(offset: offset, message: "arrays and objects nested deeper than \(JSONScanner.maxDepth) levels")
    }

    /// Parses the value at the current position (after whitespace) into a located tree.
    /// - Parameters:
    ///   - at: Where in the notebook this value is; decides which members stay raw.
    ///   - depth: How many containers enclose this value.
    mutating func parseValue(at place: NotebookPosition, depth: Int) throws(JSONSyntaxError) -> JSONNode {
        skipWhitespace()
        guard let byte = current else { throw endOfFile() }
        let start = position
        switch byte {
        case UInt8(ascii: "{"):
            return JSONNode(offset: start, kind: .object(try parseObjectMembers(at: place, depth: depth + 1)))
        case UInt8(ascii: "["):
            return JSONNode(offset: start, kind: .array(try parseArrayElements(at: place, depth: depth + 1)))
        case UInt8(ascii: "\""):
            return JSONNode(offset: start, kind: .string(try scanString()))
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return JSONNode(offset: start, kind: .number(text(try scanNumber())))
        default:
            return JSONNode(offset: start, kind: try scanLiteral())
        }
    }

    private mutating func parseObjectMembers(at place: NotebookPosition, depth: Int) throws(JSONSyntaxError) -> [JSONNode.Member] {
        guard depth <= JSONScanner.maxDepth else { throw tooDeep(position) }
        position += 1
        var members: [JSONNode.Member] = []
        skipWhitespace()
        if current == UInt8(ascii: "}") {
            position += 1
            return members
        }
        while true {
            skipWhitespace()
            guard let byte = current else { throw endOfFile() }
            guard byte == UInt8(ascii: "\"") else {
                let expected = members.isEmpty ? "expected a string key or '}'" : "expected a string key after ','"
                throw JSONSyntaxError(offset: position, message: "\(expected), found \(describe(at: position))")
            }
            let keyOffset = position
            let key = try scanString()
            try skipKeySeparator()
            let childPlace = place.member(key)
            let value: JSONNode
            if childPlace == .raw {
                skipWhitespace()
                let start = position
                try skipValue(depth: depth)
                value = JSONNode(offset: start, kind: .raw(start..<position))
            } else {
                value = try parseValue(at: childPlace, depth: depth)
            }
            members.append(JSONNode.Member(key: key, keyOffset: keyOffset, value: value))
            if try skipSeparator(orClose: .object) { return members }
        }
    }

    private mutating func parseArrayElements(at place: NotebookPosition, depth: Int) throws(JSONSyntaxError) -> [JSONNode] {
        guard depth <= JSONScanner.maxDepth else { throw tooDeep(position) }
        position += 1
        var elements: [JSONNode] = []
        skipWhitespace()
        if current == UInt8(ascii: "]") {
            position += 1
            return elements
        }
        let elementPlace = place.element
        while true {
            elements.append(try parseValue(at: elementPlace, depth: depth))
            if try skipSeparator(orClose: .array) { return elements }
        }
    }

    /// Validates the value at the current position (after whitespace) and moves past it,
    /// building nothing. Used for cell outputs, which can be megabytes.
    mutating func skipValue(depth: Int) throws(JSONSyntaxError) {
        skipWhitespace()
        guard let byte = current else { throw endOfFile() }
        switch byte {
        case UInt8(ascii: "{"):
            guard depth + 1 <= JSONScanner.maxDepth else { throw tooDeep(position) }
            position += 1
            skipWhitespace()
            if current == UInt8(ascii: "}") {
                position += 1
                return
            }
            var first = true
            while true {
                skipWhitespace()
                guard let quote = current else { throw endOfFile() }
                guard quote == UInt8(ascii: "\"") else {
                    let expected = first ? "expected a string key or '}'" : "expected a string key after ','"
                    throw JSONSyntaxError(offset: position, message: "\(expected), found \(describe(at: position))")
                }
                first = false
                try skipString()
                try skipKeySeparator()
                try skipValue(depth: depth + 1)
                if try skipSeparator(orClose: .object) { return }
            }
        case UInt8(ascii: "["):
            guard depth + 1 <= JSONScanner.maxDepth else { throw tooDeep(position) }
            position += 1
            skipWhitespace()
            if current == UInt8(ascii: "]") {
                position += 1
                return
            }
            while true {
                try skipValue(depth: depth + 1)
                if try skipSeparator(orClose: .array) { return }
            }
        case UInt8(ascii: "\""):
            try skipString()
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            _ = try scanNumber()
        default:
            _ = try scanLiteral()
        }
    }

    /// The kind of container whose element just ended.
    enum Container {
        case object, array
    }

    /// Moves past the `:` after an object key (and the whitespace before it).
    @inline(__always)
    private mutating func skipKeySeparator() throws(JSONSyntaxError) {
        skipWhitespace()
        guard let colon = current else { throw endOfFile() }
        guard colon == UInt8(ascii: ":") else {
            throw JSONSyntaxError(offset: position, message: "expected ':' after object key, found \(describe(at: position))")
        }
        position += 1
    }

    /// Moves past what follows a member or element: a `,` (returns `false`, more follow) or the
    /// container's closing bracket (returns `true`). Shared by the parsing and skipping paths
    /// so both report the same located errors.
    @inline(__always)
    private mutating func skipSeparator(orClose container: Container) throws(JSONSyntaxError) -> Bool {
        skipWhitespace()
        guard let next = current else { throw endOfFile() }
        let close = container == .object ? UInt8(ascii: "}") : UInt8(ascii: "]")
        if next == UInt8(ascii: ",") {
            position += 1
            return false
        }
        if next == close {
            position += 1
            return true
        }
        let message = container == .object
            ? "expected ',' or '}' after object member, found \(describe(at: position))"
            : "expected ',' or ']' after array element, found \(describe(at: position))"
        throw JSONSyntaxError(offset: position, message: message)
    }

    /// Parses a whole document: one value, then only whitespace.
    mutating func parseDocument() throws(JSONSyntaxError) -> JSONNode {
        let root = try parseValue(at: .root, depth: 0)
        skipWhitespace()
        if position < count {
            throw JSONSyntaxError(offset: position, message: "unexpected \(describe(at: position)) after the end of the JSON document")
        }
        return root
    }
}
