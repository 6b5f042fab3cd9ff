import Diagnostics

/// Builds the fatal diagnostics the registry client throws. Ids in ``badInputIDs`` mean the
/// user's input was wrong (exit 2); the others mean the transfer failed (exit 1).
public enum RegistryFailure {
    /// The ids that are the user's to fix: a bad reference, credentials, a missing image.
    public static let badInputIDs: Set<String> = [
        "registry.bad-reference", "registry.auth-failed", "registry.auth-required", "registry.denied",
        "registry.not-found", "registry.bad-credentials-file", "registry.insecure-refused",
        "registry.no-platform", "registry.bad-ca-cert", "registry.bad-image",
    ]

    /// A fatal diagnostic about a registry or reference (named in the message; no file location).
    static func error(_ id: String, _ message: String, subject: String, notes: [String] = []) -> DiagnosticError {
        DiagnosticError(.error(id, message, notes: notes))
    }

    /// A fatal diagnostic about a file (credentials, CA certificate, image archive).
    static func atFile(_ id: String, _ message: String, path: String, notes: [String] = []) -> DiagnosticError {
        DiagnosticError(.error(id, message, at: SourceLocation(path: path, line: 1, column: 1), notes: notes))
    }
}

extension RegistryFailure {
    /// A push source that is not a usable image.
    /// - Parameters:
    ///   - message: What is wrong.
    ///   - path: The archive.
    /// - Returns: The error.
    public static func badImage(_ message: String, at path: String) -> DiagnosticError {
        atFile("registry.bad-image", message, path: path)
    }
}
