import Testing
@testable import Lint

@Suite struct ImageReferenceTests {
    struct Valid: Sendable, CustomTestStringConvertible {
        var text: String
        var canonical: String
        var domain: String
        var tag: String?
        var hasDigest = false
        var testDescription: String { text }
    }

    static let hex64 = String(repeating: "f", count: 64)

    static let valid: [Valid] = [
        Valid(text: "nginx", canonical: "docker.io/library/nginx:latest", domain: "docker.io", tag: nil),
        Valid(text: "index.docker.io/ubuntu:latest", canonical: "docker.io/library/ubuntu:latest",
              domain: "docker.io", tag: "latest"),
        Valid(text: "test.com:5000", canonical: "docker.io/library/test.com:5000", domain: "docker.io", tag: "5000"),
        Valid(text: "test:5000/repo", canonical: "test:5000/repo:latest", domain: "test:5000", tag: nil),
        Valid(text: "test:5000/repo:tag", canonical: "test:5000/repo:tag", domain: "test:5000", tag: "tag"),
        Valid(text: "test:5000/repo:tag@sha256:\(hex64)", canonical: "test:5000/repo:tag@sha256:\(hex64)",
              domain: "test:5000", tag: "tag", hasDigest: true),
        Valid(text: "lowercase:Uppercase", canonical: "docker.io/library/lowercase:Uppercase",
              domain: "docker.io", tag: "Uppercase"),
        Valid(text: "192.168.1.1:5000/repo:5050", canonical: "192.168.1.1:5000/repo:5050",
              domain: "192.168.1.1:5000", tag: "5050"),
        Valid(text: "[2001:db8::1]:5000/repo:tag", canonical: "[2001:db8::1]:5000/repo:tag",
              domain: "[2001:db8::1]:5000", tag: "tag"),
        Valid(text: "[::1]:5000/img", canonical: "[::1]:5000/img:latest", domain: "[::1]:5000", tag: nil),
        Valid(text: "b.gcr.io/test.example.com/my-app:test.example.com",
              canonical: "b.gcr.io/test.example.com/my-app:test.example.com",
              domain: "b.gcr.io", tag: "test.example.com"),
        Valid(text: "localhost/img", canonical: "localhost/img:latest", domain: "localhost", tag: nil),
        Valid(text: "localhost:5000/img", canonical: "localhost:5000/img:latest", domain: "localhost:5000", tag: nil),
        Valid(text: "localhost:5000/img:1.0", canonical: "localhost:5000/img:1.0", domain: "localhost:5000", tag: "1.0"),
        Valid(text: "user/repo", canonical: "docker.io/user/repo:latest", domain: "docker.io", tag: nil),
        Valid(text: "a__b/c-d--e/f.g_h:1", canonical: "docker.io/a__b/c-d--e/f.g_h:1", domain: "docker.io", tag: "1"),
        Valid(text: "ruby@sha256:\(hex64)", canonical: "docker.io/library/ruby@sha256:\(hex64)",
              domain: "docker.io", tag: nil, hasDigest: true),
        Valid(text: "example.com/latest:v1.0.0", canonical: "example.com/latest:v1.0.0",
              domain: "example.com", tag: "v1.0.0"),
    ]

    @Test(arguments: valid)
    func parsesAndNormalises(_ case_: Valid) throws {
        let reference = try ImageReference.parse(case_.text)
        #expect(reference.canonical == case_.canonical)
        #expect(reference.domain == case_.domain)
        #expect(reference.tag == case_.tag)
        #expect(reference.isPinnedByDigest == case_.hasDigest)
    }

    static let invalid: [(String, ImageReferenceError)] = [
        ("", .empty),
        (":justtag", .invalidFormat("missing repository name")),
        ("repo@sha256:ffffffffffffffffffffffffffffffffff", .invalidDigestLength(algorithm: "sha256", expected: 64, actual: 34)),
        ("ruby@sha256:f1dbca0f5dbc9", .invalidDigestLength(algorithm: "sha256", expected: 64, actual: 13)),
        ("repo@md5:\(String(repeating: "a", count: 32))", .unsupportedDigestAlgorithm("md5")),
        ("repo@sha256:\(String(repeating: "F", count: 64))", .invalidDigestFormat("sha256:\(String(repeating: "F", count: 64))")),
        ("Uppercase:tag", .nameContainsUppercase),
        ("docker.io/Library/nginx", .nameContainsUppercase),
        ("[fe80::1%eth0]:5000/repo", .invalidFormat("invalid registry host '[fe80::1%eth0]:5000'")),
        ("repo:-tag", .invalidTag("-tag")),
        ("repo:", .invalidTag("")),
        ("/ubuntu", .invalidFormat("invalid path component ''")),
        ("a//b", .invalidFormat("invalid path component ''")),
        ("a_-b", .invalidFormat("invalid path component 'a_-b'")),
        ("a___b", .invalidFormat("invalid path component 'a___b'")),
        ("localhost:port/img", .invalidFormat("invalid registry host 'localhost:port'")),
        (hex64, .hexadecimalName),
        ("repo:\(String(repeating: "t", count: 129))", .invalidTag(String(repeating: "t", count: 129))),
    ]

    @Test(arguments: invalid)
    func rejects(_ text: String, _ error: ImageReferenceError) {
        #expect(throws: error) { try ImageReference.parse(text) }
    }

    @Test func tagIsImplicitLatestOnlyWithoutDigest() throws {
        #expect(try ImageReference.parse("nginx").effectiveTag == "latest")
        #expect(try ImageReference.parse("nginx").isTagImplicit)
        #expect(try ImageReference.parse("nginx@sha256:\(Self.hex64)").effectiveTag == nil)
    }

    @Test func nameLongerThan255IsRejected() {
        let long = String(repeating: "a", count: 256)
        #expect(throws: ImageReferenceError.nameTooLong) { try ImageReference.parse(long) }
    }
}
