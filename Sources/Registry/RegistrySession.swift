import Foundation

/// What a ``RegistryClient`` learns while it talks to a registry: the scheme that answers,
/// whether Basic auth was asked for, and bearer tokens by scope until they expire.
actor RegistrySession {
    /// `https` or `http`, once a ping has decided.
    var scheme: String?
    /// The challenge the registry answered 401 with, once it did.
    var challenge: AuthChallenge?
    private var tokens: [String: (token: String, expires: Date)] = [:]

    func setScheme(_ scheme: String) { self.scheme = scheme }
    func setChallenge(_ challenge: AuthChallenge) { self.challenge = challenge }

    func token(for scope: String) -> String? {
        guard let entry = tokens[scope], entry.expires > Date() else { return nil }
        return entry.token
    }

    func store(token: String, for scope: String, lifetime: Double) {
        tokens[scope] = (token, Date().addingTimeInterval(max(10, lifetime - 5)))
    }
}
