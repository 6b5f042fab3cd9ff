/// A parsed JSON value together with the byte offset where it starts, so the reader can
/// point diagnostics at the exact key or value.
struct JSONNode: Sendable {
    /// Byte offset of the value's first byte in the file.
    var offset: Int
    var kind: Kind

    enum Kind: Sendable {
        case null
        case bool(Bool)
        case number(String)
        case string(String)
        case array([JSONNode])
        case object([Member])
        /// A value validated but kept as its byte range (cell outputs, attachments).
        case raw(Range<Int>)
    }

    struct Member: Sendable {
        var key: String
        /// Byte offset of the key's opening quote.
        var keyOffset: Int
        var value: JSONNode
    }

    /// The last member named `key` (duplicate keys: the last wins, as in Python's `json`).
    func member(_ key: String) -> Member? {
        guard case .object(let members) = kind else { return nil }
        return members.last(where: { $0.key == key })
    }

    var string: String? {
        if case .string(let value) = kind { return value }
        return nil
    }

    var elements: [JSONNode]? {
        if case .array(let value) = kind { return value }
        return nil
    }

    var isObject: Bool {
        if case .object = kind { return true }
        return false
    }

    /// An integer that fits in `Int`, else `nil`.
    var int: Int? {
        if case .number(let text) = kind { return JSONNumber.integer(text) }
        return nil
    }

    /// What kind of value this is, for messages (`an object`, `a string`).
    var typeDescription: String {
        switch kind {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        case .raw: "a value"
        }
    }

    /// The value without locations. Raw values do not occur where this is used (metadata);
    /// if one does, it becomes `null`.
    var jsonValue: JSONValue {
        switch kind {
        case .null, .raw: .null
        case .bool(let value): .bool(value)
        case .number(let text): .number(text)
        case .string(let text): .string(text)
        case .array(let elements): .array(elements.map(\.jsonValue))
        case .object(let members): .object(members.map { JSONMember(key: $0.key, value: $0.value.jsonValue) })
        }
    }
}
