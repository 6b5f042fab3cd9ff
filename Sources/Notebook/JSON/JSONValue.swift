/// A JSON value with its text kept exact: numbers stay as written, object members keep
/// their order (and duplicates, as in the file).
///
/// Used for notebook and cell metadata, which nbship does not interpret beyond a few keys
/// but must be able to carry and print.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    /// A number as written in the file (`1`, `-0.5e3`); never rounded, never trapping.
    case number(String)
    case string(String)
    case array([JSONValue])
    /// Members in file order.
    case object([JSONMember])

    /// The last member named `key` when this is an object (JSON parsers, Python's
    /// included, keep the last of duplicate keys), else `nil`.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.last(where: { $0.key == key })?.value
    }

    /// The string, when this is a string.
    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The elements, when this is an array.
    public var arrayValue: [JSONValue]? {
        if case .array(let value) = self { return value }
        return nil
    }

    /// The members, when this is an object.
    public var objectValue: [JSONMember]? {
        if case .object(let value) = self { return value }
        return nil
    }

    /// The number as an `Int`, when this is an integer literal that fits (no fraction,
    /// no exponent); `nil` otherwise, including on overflow.
    public var intValue: Int? {
        guard case .number(let text) = self else { return nil }
        return JSONNumber.integer(text)
    }
}

/// One `"key": value` pair of a JSON object.
public struct JSONMember: Sendable, Hashable {
    /// The key.
    public var key: String
    /// The value.
    public var value: JSONValue

    /// Creates a member.
    /// - Parameters:
    ///   - key: The key.
    ///   - value: The value.
    public init(key: String, value: JSONValue) {
        self.key = key
        self.value = value
    }
}
