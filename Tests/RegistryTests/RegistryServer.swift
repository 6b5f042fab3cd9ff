import Foundation
import TestSupport

/// A real CNCF distribution registry (Debian's `docker-registry`) on 127.0.0.1, with its own
/// config and storage in a temporary directory; optionally TLS (a certificate made by the
/// test) and htpasswd auth. Stopped by ``stop()`` (tests call it in `defer`).
final class RegistryServer: @unchecked Sendable {
    static let binary = "/usr/bin/docker-registry"
    static var available: Bool { FileManager.default.isExecutableFile(atPath: binary) }

    let directory: String
    let port: Int
    let tls: Bool
    private var process: Process?

    /// `127.0.0.1:PORT`.
    var address: String { "127.0.0.1:\(port)" }
    /// Where the registry keeps blobs and repositories.
    var storage: String { directory + "/storage" }
    /// The CA certificate clients must trust (TLS only).
    var caCertificate: String { directory + "/ca.pem" }

    /// Writes the config and starts the registry, waiting until it answers.
    /// - Parameters:
    ///   - tls: Serve HTTPS with a fresh self-signed certificate for 127.0.0.1.
    ///   - users: htpasswd users (bcrypt), which turns on basic auth.
    ///   - directory: Reuse this directory (storage kept) instead of a new one.
    ///   - port: Reuse this port.
    /// Token auth (`auth: token`): the token service's URL and the certificate its JWTs carry.
    struct TokenAuth {
        var realm: String
        var service: String
        var issuer: String
        var certificate: String
    }

    init(tls: Bool = false, users: [String: String] = [:], token: TokenAuth? = nil, directory: String? = nil, port: Int? = nil) throws {
        self.directory = try directory ?? PackagePaths.temporaryDirectory(prefix: "nbship-registry").path
        self.port = try port ?? Self.freePort()
        self.tls = tls
        try FileManager.default.createDirectory(atPath: storage, withIntermediateDirectories: true)
        var config = """
            version: 0.1
            log:
              level: error
              accesslog:
                disabled: true
            storage:
              filesystem:
                rootdirectory: \(storage)
              delete:
                enabled: true
            http:
              addr: \(address)
              secret: nbship-test-secret

            """
        if tls {
            if !FileManager.default.fileExists(atPath: caCertificate) { try makeCertificate() }
            config += """
                  tls:
                    certificate: \(caCertificate)
                    key: \(self.directory)/key.pem

                """
        }
        if !users.isEmpty {
            let file = self.directory + "/htpasswd"
            FileManager.default.createFile(atPath: file, contents: nil)
            for (user, password) in users.sorted(by: { $0.key < $1.key }) {
                let result = try ProcessRunner.run(["/usr/bin/htpasswd", "-B", "-i", file, user], input: .data(Data(password.utf8)))
                guard result.status == 0 else { throw ServerError("htpasswd failed: \(result.stderr)") }
            }
            config += """
                auth:
                  htpasswd:
                    realm: nbship-test
                    path: \(file)

                """
        }
        if let token {
            config += """
                auth:
                  token:
                    realm: \(token.realm)
                    service: \(token.service)
                    issuer: \(token.issuer)
                    rootcertbundle: \(token.certificate)

                """
        }
        try Data(config.utf8).write(to: URL(fileURLWithPath: self.directory + "/config.yml"))
        try start()
    }

    /// Starts (or restarts) the registry process and waits until its port accepts connections.
    func start() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = ["serve", directory + "/config.yml"]
        process.standardOutput = FileHandle.nullDevice
        let log = directory + "/registry.log"
        FileManager.default.createFile(atPath: log, contents: nil)
        process.standardError = FileHandle(forWritingAtPath: log)
        try process.run()
        self.process = process
        let deadline = Date().addingTimeInterval(15)
        while Date() < deadline {
            if Self.canConnect(port: port) { return }
            guard process.isRunning else { break }
            usleep(20_000)
        }
        let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        stop()
        throw ServerError("docker-registry did not start on \(address): \(text)")
    }

    /// Stops the registry: SIGTERM, or SIGKILL when `kill` (a crash mid-transfer).
    func stop(kill: Bool = false) {
        guard let process, process.isRunning else { return }
        if kill { Foundation.kill(process.processIdentifier, SIGKILL) } else { process.terminate() }
        process.waitUntilExit()
        self.process = nil
    }

    /// Stops the registry and removes its directory.
    func destroy() {
        stop()
        try? FileManager.default.removeItem(atPath: directory)
    }

    private func makeCertificate() throws {
        let result = try ProcessRunner.run([
            "/usr/bin/openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
            "-keyout", directory + "/key.pem", "-out", caCertificate, "-subj", "/CN=127.0.0.1",
            "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
            "-addext", "basicConstraints=critical,CA:TRUE",
        ])
        guard result.status == 0 else { throw ServerError("openssl failed: \(result.stderr)") }
    }

    /// A port nothing listens on now (bound to 0, then released).
    static func freePort() throws -> Int {
        let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw ServerError("socket() failed") }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer -> Int32 in
                guard bind(socket, pointer, length) == 0 else { return -1 }
                return getsockname(socket, pointer, &length)
            }
        }
        guard bound == 0 else { throw ServerError("bind() failed") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Whether something accepts TCP connections on 127.0.0.1:`port`.
    static func canConnect(port: Int) -> Bool {
        let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { return false }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }
}

/// A test setup failure.
struct ServerError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
