import Foundation

/// Quotes a word for a POSIX shell, so a printed command works when pasted verbatim.
enum ShellQuote {
    /// The word as is when it holds only characters no shell treats specially, else in single
    /// quotes (a single quote inside written as `'\''`).
    /// - Parameter word: A path or argument.
    /// - Returns: The quoted word.
    static func quote(_ word: String) -> String {
        let plain = !word.isEmpty && word.unicodeScalars.allSatisfy(isPlain)
        return plain ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    private static func isPlain(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", "/", ".", "_", "-", "+", ",", ":", "@", "%", "=": true
        default: false
        }
    }
}
