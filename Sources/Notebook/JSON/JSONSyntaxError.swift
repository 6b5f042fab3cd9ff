/// A JSON syntax error at a byte offset.
struct JSONSyntaxError: Error, Sendable, Equatable {
    /// Byte offset of the offending byte (the file's length for an unexpected end).
    var offset: Int
    /// Lower-case message without a final period.
    var message: String
}
