import Foundation
import Testing
@testable import Registry

@Suite struct AuthAndRetryTests {
    @Test func parsesBearerChallengeWithQuotedCommas() throws {
        let challenge = try #require(AuthChallenge(header:
            #"Bearer realm="https://auth.example/token",service="registry.example",scope="repository:a/b:pull,push""#))
        #expect(challenge.scheme == "bearer")
        #expect(challenge.parameters["realm"] == "https://auth.example/token")
        #expect(challenge.parameters["service"] == "registry.example")
        #expect(challenge.parameters["scope"] == "repository:a/b:pull,push")
    }

    @Test func parsesBasicChallenge() throws {
        let challenge = try #require(AuthChallenge(header: #"Basic realm="nbship-test""#))
        #expect(challenge.scheme == "basic")
        #expect(challenge.parameters == ["realm": "nbship-test"])
        #expect(AuthChallenge(header: "") == nil)
    }

    @Test func backoffDoublesUpToTheCapAndStopsAtTheCount() {
        let policy = RetryPolicy(maxAttempts: 4, baseDelay: 0.5, maxDelay: 1.5, budget: 100)
        #expect(policy.delay(afterAttempt: 1, retryAfter: nil, elapsed: 0) == 0.5)
        #expect(policy.delay(afterAttempt: 2, retryAfter: nil, elapsed: 0) == 1.0)
        #expect(policy.delay(afterAttempt: 3, retryAfter: nil, elapsed: 0) == 1.5)
        #expect(policy.delay(afterAttempt: 4, retryAfter: nil, elapsed: 0) == nil)
    }

    @Test func retryAfterIsHonouredButCappedAndBudgetBounds() {
        let policy = RetryPolicy(maxAttempts: 10, baseDelay: 0.1, maxDelay: 5, budget: 8)
        #expect(policy.delay(afterAttempt: 1, retryAfter: 3, elapsed: 0) == 3)
        #expect(policy.delay(afterAttempt: 1, retryAfter: 60, elapsed: 0) == 5)
        #expect(policy.delay(afterAttempt: 1, retryAfter: 3, elapsed: 6) == nil)
        #expect(RetryPolicy.retryAfterSeconds(" 2 ") == 2)
        #expect(RetryPolicy.retryAfterSeconds("Wed, 21 Oct 2015 07:28:00 GMT") == nil)
    }

    @Test func credentialsComeFromTheFirstExistingFileAndNeverShowThePassword() throws {
        let directory = try RegistrySupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let auth = Data("alice:s3cret-pw".utf8).base64EncodedString()
        try Data(#"{"auths": {"127.0.0.1:5000": {"auth": "\#(auth)"}, "https://index.docker.io/v1/": {"username": "bob", "password": "hub-pw"}}}"#.utf8)
            .write(to: URL(fileURLWithPath: directory + "/auth.json"))
        try FileManager.default.createDirectory(atPath: directory + "/docker", withIntermediateDirectories: true)
        try Data(#"{"auths": {"127.0.0.1:5000": {"auth": "\#(Data("carol:other".utf8).base64EncodedString())"}}}"#.utf8)
            .write(to: URL(fileURLWithPath: directory + "/docker/config.json"))
        let fromEnvironment = CredentialStore(explicitFile: nil, environment: ["REGISTRY_AUTH_FILE": directory + "/auth.json",
                                                                                 "DOCKER_CONFIG": directory + "/docker"])
        let local = try #require(try fromEnvironment.credential(for: "127.0.0.1:5000"))
        #expect(local.username == "alice")
        #expect(local.password == "s3cret-pw")
        #expect(!"\(local)".contains("s3cret"))
        #expect(try fromEnvironment.credential(for: "docker.io")?.username == "bob")
        #expect(try fromEnvironment.credential(for: "ghcr.io") == nil)
        let dockerConfig = CredentialStore(explicitFile: nil, environment: ["DOCKER_CONFIG": directory + "/docker"])
        #expect(try dockerConfig.credential(for: "127.0.0.1:5000")?.username == "carol")
        let missing = CredentialStore(explicitFile: directory + "/nope.json", environment: [:])
        #expect(throws: (any Error).self) { try missing.credential(for: "127.0.0.1:5000") }
    }

    @Test func pinIsReadAndRewrittenInPlace() {
        let text = "[project]\nname = \"app\"\n\n[tool.nbship]\nnotebook = \"nb.ipynb\"\n\n[tool.other]\nbase = \"x\"\n"
        #expect(BasePin.read(text) == nil)
        let pinned = BasePin.write("r/app:1@sha256:aa", into: text)
        #expect(pinned == "[project]\nname = \"app\"\n\n[tool.nbship]\nbase = \"r/app:1@sha256:aa\"\nnotebook = \"nb.ipynb\"\n\n[tool.other]\nbase = \"x\"\n")
        #expect(BasePin.read(pinned) == "r/app:1@sha256:aa")
        let repinned = BasePin.write("r/app:1@sha256:bb", into: pinned)
        #expect(BasePin.read(repinned) == "r/app:1@sha256:bb")
        #expect(repinned.components(separatedBy: "base = ").count == 3)
        let added = BasePin.write("r/app:1@sha256:cc", into: "[project]\nname = \"app\"\n")
        #expect(added == "[project]\nname = \"app\"\n\n[tool.nbship]\nbase = \"r/app:1@sha256:cc\"\n")
    }
}

@Suite struct TransportPolicyTests {
    @Test(arguments: [
        ("127.0.0.1:5000/a:1", false, true),
        ("localhost:5000/a:1", false, true),
        ("registry.example.com/a:1", false, false),
        ("registry.example.com/a:1", true, true),
        ("python:3.11", false, false),
    ])
    func plainHTTPOnlyForLoopbackOrInsecure(reference: String, insecure: Bool, allowed: Bool) async throws {
        let options = RegistryOptions(insecure: insecure, credentials: CredentialStore(explicitFile: nil, environment: [:]))
        let client = try RegistryClient(for: try ImageReference(parsing: reference), options: options)
        #expect(client.allowPlainHTTP == allowed)
        await client.shutdown()
    }

    @Test func redirectsKeepCredentialsOnlyOnTheSameAuthority() {
        #expect(RegistryClient.authority("http://127.0.0.1:5000/v2/a") == RegistryClient.authority("http://127.0.0.1:5000/other"))
        #expect(RegistryClient.authority("http://127.0.0.1:5000/v2/a") != RegistryClient.authority("http://127.0.0.1:5001/v2/a"))
        #expect(RegistryClient.authority("https://r.example/v2/") == "https://r.example:443")
        #expect(RegistryClient.authority("https://r.example/v2/") != RegistryClient.authority("https://storage.example/blob"))
    }

    @Test func uploadOffsetsFromRangeHeaders() {
        #expect(ImagePusher.nextOffset(range: "0-1048575") == 1_048_576)
        #expect(ImagePusher.nextOffset(range: "bytes=0-9") == 10)
        #expect(ImagePusher.nextOffset(range: "garbage") == 0)
        #expect(ImagePusher.appending("digest=sha256:aa", to: "/v2/a/blobs/uploads/u?_state=x") == "/v2/a/blobs/uploads/u?_state=x&digest=sha256:aa")
        #expect(ImagePusher.appending("digest=sha256:aa", to: "/v2/a/blobs/uploads/u") == "/v2/a/blobs/uploads/u?digest=sha256:aa")
    }
}
