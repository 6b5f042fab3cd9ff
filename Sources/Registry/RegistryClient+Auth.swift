import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

extension RegistryClient {
    /// The `Authorization` value for a request needing `scope`, from what the registry asked for.
    func authorization(for scope: String) async throws -> String? {
        guard let challenge = await session.challenge else { return nil }
        switch challenge.scheme {
        case "basic":
            return credential.map { "Basic \($0.basicToken)" }
        case "bearer":
            if let token = await session.token(for: scope) { return "Bearer \(token)" }
            // The challenge is known (from the ping): fetch the scope's token before asking,
            // instead of collecting a 401 first.
            try await fetchToken(challenge, scope: scope)
            return await session.token(for: scope).map { "Bearer \($0)" }
        default:
            return nil
        }
    }

    /// Answers a 401: remembers the challenge and, for Bearer, fetches a token for `scope`.
    func answer(_ challenge: AuthChallenge, scope: String) async throws {
        await session.setChallenge(challenge)
        switch challenge.scheme {
        case "basic":
            guard credential != nil else {
                throw RegistryFailure.error("registry.auth-required", "\(registry) needs credentials for \(scope)", subject: registry,
                                            notes: ["give them with --creds-file, REGISTRY_AUTH_FILE or ~/.docker/config.json"])
            }
        case "bearer":
            try await fetchToken(challenge, scope: scope)
        default:
            throw RegistryFailure.error("registry.auth-failed", "\(registry) asks for unsupported authentication '\(challenge.scheme)'",
                                        subject: registry)
        }
    }

    func fetchToken(_ challenge: AuthChallenge, scope: String) async throws {
        guard let realm = challenge.parameters["realm"], var components = URLComponents(string: realm),
              components.scheme == "https" || (components.scheme == "http" && (allowPlainHTTP || isLoopbackHost(components.host))) else {
            throw RegistryFailure.error("registry.auth-failed", "\(registry) names no usable token realm", subject: registry)
        }
        var query = components.queryItems ?? []
        if let service = challenge.parameters["service"] { query.append(URLQueryItem(name: "service", value: service)) }
        var scopes = [scope]
        if let asked = challenge.parameters["scope"] {
            scopes += asked.split(separator: " ").map(String.init).filter { $0 != scope }
        }
        for item in scopes { query.append(URLQueryItem(name: "scope", value: item)) }
        components.queryItems = query
        guard let url = components.url?.absoluteString else {
            throw RegistryFailure.error("registry.auth-failed", "\(registry) names no usable token realm", subject: registry)
        }
        var request = HTTPClientRequest(url: url)
        request.method = .GET
        if let credential { request.headers.add(name: "Authorization", value: "Basic \(credential.basicToken)") }
        let response: HTTPClientResponse
        var body: ByteBuffer
        do {
            response = try await http.execute(request, timeout: .seconds(min(options.stallTimeout, 30)))
            body = try await response.body.collect(upTo: 1 << 20)
        } catch {
            throw RegistryFailure.error("registry.unreachable",
                                        "cannot reach the token service of \(registry): \(Self.describe(error))", subject: registry)
        }
        guard response.status == .ok else {
            if response.status == .unauthorized || response.status == .forbidden {
                if let credential {
                    throw RegistryFailure.error("registry.auth-failed", "the token service of \(registry) rejected the credentials of \(credential)",
                                                subject: registry)
                }
                throw RegistryFailure.error("registry.auth-required", "\(registry) needs credentials for \(scope)", subject: registry,
                                            notes: ["give them with --creds-file, REGISTRY_AUTH_FILE or ~/.docker/config.json"])
            }
            throw RegistryFailure.error("registry.auth-failed", "the token service of \(registry) answered \(response.status.code)",
                                        subject: registry)
        }
        let bytes = body.readBytes(length: body.readableBytes) ?? []
        guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any],
              let token = (object["token"] as? String) ?? (object["access_token"] as? String), !token.isEmpty else {
            throw RegistryFailure.error("registry.auth-failed", "the token service of \(registry) sent no token", subject: registry)
        }
        let lifetime = (object["expires_in"] as? Double) ?? (object["expires_in"] as? Int).map(Double.init) ?? 60
        await session.store(token: token, for: scope, lifetime: lifetime)
    }

    private func isLoopbackHost(_ host: String?) -> Bool {
        guard let host else { return false }
        return host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }
}
