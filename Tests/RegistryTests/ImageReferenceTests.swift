import Testing
@testable import Registry

@Suite struct ImageReferenceTests {
    @Test(arguments: [
        ("python:3.11-slim", "docker.io", "library/python", "3.11-slim"),
        ("docker://python:3.11-slim", "docker.io", "library/python", "3.11-slim"),
        ("ubuntu", "docker.io", "library/ubuntu", "latest"),
        ("jupyter/scipy-notebook:2024", "docker.io", "jupyter/scipy-notebook", "2024"),
        ("docker.io/python:3.12", "docker.io", "library/python", "3.12"),
        ("index.docker.io/library/python:3.12", "docker.io", "library/python", "3.12"),
        ("127.0.0.1:5000/team/app:1.0", "127.0.0.1:5000", "team/app", "1.0"),
        ("localhost/app:2", "localhost", "app", "2"),
        ("ghcr.io/org/img", "ghcr.io", "org/img", "latest"),
    ])
    func normalises(text: String, registry: String, repository: String, tag: String) throws {
        let reference = try ImageReference(parsing: text)
        #expect(reference.registry == registry)
        #expect(reference.repository == repository)
        #expect(reference.tag == tag)
        #expect(reference.digest == nil)
    }

    @Test func digestPinnedReferenceKeepsTagAndDigest() throws {
        let hex = String(repeating: "ab", count: 32)
        let reference = try ImageReference(parsing: "127.0.0.1:5000/app:1.0@sha256:\(hex)")
        #expect(reference.tag == "1.0")
        #expect(reference.digest?.hex == hex)
        #expect(reference.manifestReference == "sha256:\(hex)")
        #expect(reference.description == "127.0.0.1:5000/app:1.0@sha256:\(hex)")
        let digestOnly = try ImageReference(parsing: "python@sha256:\(hex)")
        #expect(digestOnly.tag == nil)
        #expect(digestOnly.description == "docker.io/library/python@sha256:\(hex)")
    }

    @Test func dockerHubIsServedFromRegistryOne() throws {
        #expect(try ImageReference(parsing: "python:3").apiHost == "registry-1.docker.io")
        #expect(try ImageReference(parsing: "quay.io/a/b:1").apiHost == "quay.io")
    }

    @Test(arguments: ["127.0.0.1:5000/a:1", "localhost:80/a", "[::1]:5000/a:1"])
    func loopbackRegistries(text: String) throws {
        #expect(try ImageReference(parsing: text).isLoopback)
    }

    @Test(arguments: ["registry.example.com/a:1", "python:3", "10.0.0.1:5000/a"])
    func otherRegistriesAreNotLoopback(text: String) throws {
        #expect(try !ImageReference(parsing: text).isLoopback)
    }

    @Test(arguments: ["", "Python:3", "app:", "app@sha256:1234", "app:bad/tag", "host:port:x/a", "a//b:1", "app:-x"])
    func rejectsInvalid(text: String) {
        #expect(throws: ReferenceError.self) { try ImageReference(parsing: text) }
    }
}
