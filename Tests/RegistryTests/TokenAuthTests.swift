import Foundation
import Testing
import TestSupport

/// The Bearer flow: distribution with `auth: token`, and a small token service from the tests.
@Suite(.enabled(if: RegistrySupport.enabled, "needs docker-registry, skopeo, openssl, htpasswd and a built nbship"))
struct TokenAuthTests {
    @Test func bearerTokensAreFetchedWithTheCredentialsAndCachedPerScope() throws {
        let work = try RegistrySupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let key = work + "/token-key.pem", certificate = work + "/token-cert.pem"
        let made = try ProcessRunner.run(["/usr/bin/openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                                          "-keyout", key, "-out", certificate, "-subj", "/CN=nbship-token"])
        try #require(made.status == 0, "\(made.stderr)")
        let secret = "tok-Pw-4431"
        let log = work + "/token.log"
        let server = Process()
        server.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        server.arguments = ["python3", PackagePaths.root.path + "/Tests/RegistryTests/token_server.py", key, certificate,
                            "nbship-issuer", "alice", secret, log, work + "/token.port"]
        try server.run()
        defer { server.terminate() }
        var tokenPort: Int?
        let deadline = Date().addingTimeInterval(10)
        while tokenPort == nil, Date() < deadline {
            tokenPort = (try? String(contentsOfFile: work + "/token.port", encoding: .utf8)).flatMap { Int($0) }
            usleep(20_000)
        }
        let port = try #require(tokenPort, "the token service did not start")
        let registry = try RegistryServer(token: .init(realm: "http://127.0.0.1:\(port)/token", service: "nbship-registry",
                                                       issuer: "nbship-issuer", certificate: certificate))
        defer { registry.destroy() }

        try RegistrySupport.makeProject(at: work + "/project", dataBytes: 1 << 20)
        try #require(try RegistrySupport.build(work + "/project", output: work + "/app.tar", cache: work + "/cache").status == 0)
        func creds(_ password: String) throws -> String {
            let path = work + "/auth-\(password.count).json"
            try Data(#"{"auths": {"\#(registry.address)": {"username": "alice", "password": "\#(password)"}}}"#.utf8)
                .write(to: URL(fileURLWithPath: path))
            return path
        }
        let target = "\(registry.address)/team/app:1"
        let push = try RegistrySupport.nbship(["push", work + "/app.tar", target, "--creds-file", try creds(secret),
                                               "--cache-dir", work + "/cache", "--format", "json"])
        try #require(push.status == 0, "\(push.stderr)")
        #expect(Set(RegistrySupport.outcomes(try RegistrySupport.pushReport(push)).values) == ["uploaded"])
        let requests = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n")
        // One token for repository:team/app:pull,push serves every request of the push.
        #expect(requests.count == 1, "\(requests)")
        #expect(requests.first?.contains("repository:team/app:pull,push") == true)

        let pull = try RegistrySupport.nbship(["pull", target, "-o", work + "/pulled.tar", "--creds-file", try creds(secret),
                                               "--cache-dir", work + "/pull-cache"])
        #expect(pull.status == 0, "\(pull.stderr)")
        #expect(try RegistrySupport.inspectedDigest(work + "/pulled.tar") == RegistrySupport.inspectedDigest(work + "/app.tar"))

        let wrongPassword = "nope-Pw-9"
        let wrong = try RegistrySupport.nbship(["pull", target, "-o", work + "/x.tar", "--creds-file", try creds(wrongPassword),
                                                "--cache-dir", work + "/pull-cache"])
        #expect(wrong.status == 2)
        #expect(wrong.stderr.contains("[registry.auth-failed]"), "\(wrong.stderr)")
        #expect(!wrong.stderr.contains(wrongPassword) && !wrong.stdout.contains(wrongPassword))
    }
}
