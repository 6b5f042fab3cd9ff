import AsyncHTTPClient
import Diagnostics
import Foundation
import NIOCore
import NIOHTTP1
import NIOSSL

/// Talks to one registry over the OCI distribution API: picks the scheme (HTTPS; plain HTTP
/// only for loopback or with `insecure`), answers Basic and Bearer challenges (tokens cached
/// per scope), retries transient failures by its ``RetryPolicy`` and follows redirects itself
/// so credentials never go to another host. Call ``shutdown()`` when done.
public final class RegistryClient: Sendable {
    /// The registry, as in references (`docker.io`, `127.0.0.1:5000`).
    public let registry: String
    let host: String
    let options: RegistryOptions
    let credential: RegistryCredential?
    let http: HTTPClient
    let session = RegistrySession()
    let allowPlainHTTP: Bool

    /// Opens a client.
    /// - Parameters:
    ///   - reference: Any reference on the registry.
    ///   - options: Transport, credentials, retries.
    /// - Throws: `DiagnosticError` for an unreadable CA file or credentials file.
    public init(for reference: ImageReference, options: RegistryOptions) throws {
        registry = reference.registry
        host = reference.apiHost
        self.options = options
        credential = try options.credentials.credential(for: reference.registry)
        allowPlainHTTP = options.insecure || reference.isLoopback
        var tls = TLSConfiguration.makeClientConfiguration()
        if let ca = options.caCertificate {
            do {
                let certificates = try NIOSSLCertificate.fromPEMFile(ca)
                guard !certificates.isEmpty else { throw NIOSSLError.failedToLoadCertificate }
                tls.additionalTrustRoots = [.certificates(certificates)]
            } catch {
                throw RegistryFailure.atFile("registry.bad-ca-cert", "cannot read a PEM certificate from the CA file", path: ca)
            }
        }
        if options.insecure { tls.certificateVerification = .none }
        var configuration = HTTPClient.Configuration(
            tlsConfiguration: tls, redirectConfiguration: .disallow,
            timeout: .init(connect: .seconds(min(options.stallTimeout, 10)), read: .seconds(options.stallTimeout)))
        configuration.httpVersion = .http1Only
        // Retries are this client's (bounded by its policy), not the pool's until the deadline.
        configuration.connectionPool.retryConnectionEstablishment = false
        http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    /// Closes the connections.
    public func shutdown() async {
        try? await http.shutdown()
    }

    /// A response whose body has been read into memory.
    public struct Response: Sendable {
        /// The status.
        public var status: HTTPResponseStatus
        /// The headers.
        public var headers: HTTPHeaders
        /// The body.
        public var body: [UInt8]
    }

    /// Sends `request` and reads the whole response body (at most `limit` bytes).
    /// - Parameters:
    ///   - request: The request.
    ///   - limit: The largest body accepted.
    /// - Returns: The response (any status that is not an auth failure or an exhausted retry).
    /// - Throws: `DiagnosticError` for unreachable registries, auth failures, exhausted retries.
    public func send(_ request: RegistryRequest, limit: Int = 16 << 20) async throws -> Response {
        let response = try await perform(request)
        let body = try await readBody(response, limit: limit, request: request)
        return Response(status: response.status, headers: response.headers, body: body)
    }

    private func readBody(_ response: HTTPClientResponse, limit: Int, request: RegistryRequest) async throws -> [UInt8] {
        do {
            var buffer = try await response.body.collect(upTo: limit)
            return buffer.readBytes(length: buffer.readableBytes) ?? []
        } catch {
            throw RegistryFailure.error("registry.transfer-failed",
                                        "reading the response to \(request.method) failed: \(Self.describe(error))", subject: registry)
        }
    }

    /// Sends `request` (with auth, retries and redirects) and returns the response with its
    /// body still to be streamed; 5xx, 429 and 401/403 never come back from here.
    /// - Parameter request: The request.
    /// - Returns: The response.
    /// - Throws: `DiagnosticError`.
    public func perform(_ request: RegistryRequest) async throws -> HTTPClientResponse {
        let scheme = try await ensureScheme()
        let started = Date()
        var attempt = 0
        var authRetried = false
        var url = absoluteURL(request.target, scheme: scheme)
        var redirects = 0
        while true {
            attempt += 1
            var outgoing = HTTPClientRequest(url: url)
            outgoing.method = request.method
            for (name, value) in request.headers { outgoing.headers.add(name: name, value: value) }
            let sameHost = Self.authority(url) == Self.authority(absoluteURL("/", scheme: scheme))
            if sameHost, let authorization = try await authorization(for: request.scope) {
                outgoing.headers.replaceOrAdd(name: "Authorization", value: authorization)
            }
            if let body = request.body {
                outgoing.body = .bytes(body)
            } else if request.method == .PUT || request.method == .POST || request.method == .PATCH {
                outgoing.headers.replaceOrAdd(name: "Content-Length", value: "0")
            }
            let response: HTTPClientResponse
            do {
                response = try await http.execute(outgoing, timeout: .seconds(max(600, options.stallTimeout * 10)))
            } catch {
                if Self.isTLSFailure(error) {
                    throw RegistryFailure.error("registry.tls-failed",
                                                "TLS with \(registry) failed: \(Self.describe(error))", subject: registry,
                                                notes: ["pass --ca-cert FILE to trust the registry's certificate authority"])
                }
                if request.resendable,
                   let wait = options.retry.delay(afterAttempt: attempt, retryAfter: nil, elapsed: -started.timeIntervalSinceNow) {
                    try await Task.sleep(nanoseconds: UInt64(wait * 1e9))
                    continue
                }
                throw RegistryFailure.error("registry.unreachable",
                                            "cannot reach \(registry) (\(request.method) \(Self.pathOnly(url))): \(Self.describe(error))",
                                            subject: registry, notes: ["gave up after \(attempt) tries"])
            }
            let status = response.status.code
            if status == 401 {
                _ = try? await response.body.collect(upTo: 1 << 20)
                guard !authRetried, let header = response.headers.first(name: "WWW-Authenticate"),
                      let challenge = AuthChallenge(header: header) else {
                    throw authFailure(request)
                }
                authRetried = true
                attempt -= 1
                try await answer(challenge, scope: request.scope)
                continue
            }
            if status == 403 {
                let body = (try? await response.body.collect(upTo: 1 << 20)).map { Array($0.readableBytesView) } ?? []
                throw RegistryFailure.error("registry.denied",
                                            "\(registry) denied \(request.method) on \(request.scope): \(RegistryErrorBody.summary(body))",
                                            subject: registry)
            }
            if status == 429 || status >= 500 {
                _ = try? await response.body.collect(upTo: 1 << 20)
                let retryAfter = RetryPolicy.retryAfterSeconds(response.headers.first(name: "Retry-After"))
                if status == 429 || request.resendable,
                   let wait = options.retry.delay(afterAttempt: attempt, retryAfter: retryAfter, elapsed: -started.timeIntervalSinceNow) {
                    try await Task.sleep(nanoseconds: UInt64(wait * 1e9))
                    continue
                }
                throw RegistryFailure.error("registry.server-error",
                                            "\(registry) answered \(status) to \(request.method) \(Self.pathOnly(url))",
                                            subject: registry, notes: ["gave up after \(attempt) tries"])
            }
            if [301, 302, 303, 307, 308].contains(status), request.method == .GET || request.method == .HEAD,
               let location = response.headers.first(name: "Location"), redirects < 5 {
                _ = try? await response.body.collect(upTo: 1 << 20)
                redirects += 1
                url = URL(string: location, relativeTo: URL(string: url))?.absoluteString ?? location
                continue
            }
            return response
        }
    }

    private func authFailure(_ request: RegistryRequest) -> DiagnosticError {
        if let credential {
            return RegistryFailure.error("registry.auth-failed",
                                         "\(registry) rejected the credentials of \(credential)", subject: registry)
        }
        return RegistryFailure.error("registry.auth-required", "\(registry) needs credentials for \(request.scope)",
                                     subject: registry, notes: ["give them with --creds-file, REGISTRY_AUTH_FILE or ~/.docker/config.json"])
    }

    /// The full URL of a path (absolute URLs are kept).
    func absoluteURL(_ target: String, scheme: String) -> String {
        if target.hasPrefix("http://") || target.hasPrefix("https://") { return target }
        return "\(scheme)://\(host)\(target)"
    }

    /// `scheme://host:port` of a URL, to tell whether a redirect or upload location leaves the registry.
    static func authority(_ url: String) -> String? {
        guard let parsed = URL(string: url), let host = parsed.host else { return nil }
        return "\(parsed.scheme ?? "")://\(host):\(parsed.port ?? (parsed.scheme == "http" ? 80 : 443))"
    }

    static func pathOnly(_ url: String) -> String {
        guard let parsed = URL(string: url) else { return url }
        return parsed.path
    }

    static func isTLSFailure(_ error: Error) -> Bool {
        error is NIOSSLError || error is NIOSSLExtraError || error is BoringSSLError
    }

    static func describe(_ error: Error) -> String {
        if let failure = error as? HTTPClientError { return String(describing: failure) }
        return String(describing: error)
    }

    /// The scheme that answers. Where plain HTTP is allowed (loopback, `--insecure`) the ping
    /// (which carries no credentials) goes over HTTP first: an HTTPS server answers it with a
    /// 400 at once, while an HTTP server can leave a TLS handshake waiting. Otherwise HTTPS only.
    func ensureScheme() async throws -> String {
        if let scheme = await session.scheme { return scheme }
        let started = Date()
        var attempt = 0
        var lastError: Error?
        while true {
            attempt += 1
            for scheme in allowPlainHTTP ? ["http", "https"] : ["https"] {
                var ping = HTTPClientRequest(url: "\(scheme)://\(host)/v2/")
                ping.method = .GET
                do {
                    let response = try await http.execute(ping, timeout: .seconds(min(options.stallTimeout, 30)))
                    _ = try? await response.body.collect(upTo: 1 << 20)
                    if scheme == "http", response.status == .badRequest {
                        continue  // an HTTPS server answering plain HTTP
                    }
                    if response.status == .unauthorized, let header = response.headers.first(name: "WWW-Authenticate"),
                       let challenge = AuthChallenge(header: header) {
                        await session.setChallenge(challenge)
                    }
                    await session.setScheme(scheme)
                    return scheme
                } catch {
                    if Self.isTLSFailure(error) {
                        throw RegistryFailure.error("registry.tls-failed", "TLS with \(registry) failed: \(Self.describe(error))",
                                                    subject: registry,
                                                    notes: ["pass --ca-cert FILE to trust the registry's certificate authority"
                                                            + (allowPlainHTTP ? "" : ", or --insecure to skip verification")])
                    }
                    lastError = error
                }
            }
            if let wait = options.retry.delay(afterAttempt: attempt, retryAfter: nil, elapsed: -started.timeIntervalSinceNow) {
                try await Task.sleep(nanoseconds: UInt64(wait * 1e9))
                continue
            }
            var notes = ["gave up after \(attempt) tries"]
            if !allowPlainHTTP { notes.append("plain HTTP is tried only for loopback registries or with --insecure") }
            throw RegistryFailure.error("registry.unreachable",
                                        "cannot reach \(registry): \(lastError.map(Self.describe) ?? "no answer")",
                                        subject: registry, notes: notes)
        }
    }
}
