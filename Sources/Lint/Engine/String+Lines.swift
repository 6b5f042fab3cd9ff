extension StringProtocol {
    /// The lines of the text split at every `\n` (a `\r` before it stays on the line), so a
    /// CRLF file has as many lines as an LF one: Swift treats `\r\n` as one `Character`, which
    /// `split(separator: "\n")` would not split at.
    var physicalLines: [Substring] {
        Substring(self).unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { Substring($0) }
    }
}
