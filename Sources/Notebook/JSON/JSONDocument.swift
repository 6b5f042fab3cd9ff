/// Parses JSON text into a located tree, keeping notebook outputs raw.
enum JSONDocument {
    /// The parse of a whole file.
    struct Parsed {
        var root: JSONNode
        /// Offsets of every newline before the end of the document.
        var newlines: [Int]
    }

    /// Parses `bytes` from `start`.
    /// - Returns: The tree, or the first syntax error and the newlines seen before it.
    static func parse(_ storage: ByteStorage, from start: Int) -> Result<Parsed, Failure> {
        storage.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress, !buffer.isEmpty else {
                return .failure(Failure(error: JSONSyntaxError(offset: 0, message: "unexpected end of file"), newlines: []))
            }
            var scanner = JSONScanner(base: base, count: buffer.count, start: start)
            do throws(JSONSyntaxError) {
                let root = try scanner.parseDocument()
                return .success(Parsed(root: root, newlines: scanner.newlines))
            } catch {
                return .failure(Failure(error: error, newlines: scanner.newlines))
            }
        }
    }

    struct Failure: Error {
        var error: JSONSyntaxError
        var newlines: [Int]
    }
}
