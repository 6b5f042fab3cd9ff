import Foundation

/// A user name and password (or token) for one registry. Its description never shows the
/// password, so it can be interpolated into messages safely.
public struct RegistryCredential: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The user name.
    public var username: String
    /// The password or identity token.
    public var password: String
    /// The file it came from, for messages.
    public var source: String

    /// Creates a credential.
    /// - Parameters:
    ///   - username: The user.
    ///   - password: The secret.
    ///   - source: Where it came from.
    public init(username: String, password: String, source: String) {
        self.username = username
        self.password = password
        self.source = source
    }

    /// `user:password`, base64, for `Authorization: Basic`.
    var basicToken: String { Data("\(username):\(password)".utf8).base64EncodedString() }

    public var description: String { "user '\(username)' (from \(source))" }
    public var debugDescription: String { description }
}
