import Crypto
import Diagnostics
import Foundation

/// The SHA-256 of a file, in hex (the notebook's digest recorded in `pyproject.toml` and in
/// image labels).
public enum FileDigest {
    /// Hashes a file.
    /// - Parameter path: The file.
    /// - Returns: 64 lower-case hex digits.
    /// - Throws: `convert.io` when the file cannot be read.
    public static func sha256(path: String) throws(DiagnosticError) -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw DiagnosticError(.error("convert.io", "cannot read '\(path)'"))
        }
        defer { try? handle.close() }
        var hasher = SHA256()
        while true {
            let chunk: Data
            do {
                chunk = try handle.read(upToCount: 1 << 20) ?? Data()
            } catch {
                throw DiagnosticError(.error("convert.io", "cannot read '\(path)': \(error.localizedDescription.lowercased())"))
            }
            if chunk.isEmpty { break }
            hasher.update(data: chunk)
        }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }
}
