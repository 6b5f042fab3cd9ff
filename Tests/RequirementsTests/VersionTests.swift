import Testing
@testable import Requirements

@Suite("PEP 440 versions")
struct VersionTests {
    /// PEP 440's example ordering ("Summary of permitted suffixes and relative ordering"),
    /// lowest first.
    static let ordered = [
        "1.0.dev456", "1.0a1", "1.0a2.dev456", "1.0a12.dev456", "1.0a12", "1.0b1.dev456", "1.0b2",
        "1.0b2.post345.dev456", "1.0b2.post345", "1.0rc1.dev456", "1.0rc1", "1.0", "1.0+abc.5",
        "1.0+abc.7", "1.0+5", "1.0.post456.dev34", "1.0.post456", "1.0.15", "1.1.dev1",
    ]

    @Test("PEP 440's example versions sort in the documented order")
    func documentedOrder() throws {
        let versions = try Self.ordered.map { try #require(Version($0)) }
        for (lower, higher) in zip(versions, versions.dropFirst()) {
            #expect(lower < higher, "\(lower) < \(higher)")
            #expect(!(higher < lower))
        }
        #expect(versions.shuffled().sorted() == versions)
    }

    @Test("normalisation", arguments: [
        ("1.0", "1.0"), ("v1.0", "1.0"), ("1.0-RC1", "1.0rc1"), ("1.0alpha1", "1.0a1"), ("1.0.beta.2", "1.0b2"),
        ("1.0c1", "1.0rc1"), ("1.0pre1", "1.0rc1"), ("1.0preview2", "1.0rc2"), ("1.0a", "1.0a0"),
        ("1.0-1", "1.0.post1"), ("1.0rev3", "1.0.post3"), ("1.0r", "1.0.post0"), ("1.0-post-2", "1.0.post2"),
        ("1.0.dev", "1.0.dev0"), ("1.0-dev-3", "1.0.dev3"), ("1!2.0", "1!2.0"), ("0!2.0", "2.0"),
        ("1.0+Ubuntu-1", "1.0+ubuntu.1"), ("1.0+abc_5", "1.0+abc.5"), (" 2.1.4\n", "2.1.4"), ("01.002", "1.2"),
        ("1.0a1.post2.dev3+local.7", "1.0a1.post2.dev3+local.7"),
    ])
    func normalisation(written: String, normalised: String) throws {
        let version = try #require(Version(written))
        #expect(version.description == normalised)
    }

    @Test("invalid versions are refused", arguments: ["", "abc", "1.0+", "1.0.", "1..0", "1.0 dev", "1.0+a..b", "1.0-", "=1.0", "1.0.x"])
    func invalid(text: String) {
        #expect(Version(text) == nil)
    }

    @Test("equality ignores trailing zeros but not local labels")
    func equality() throws {
        #expect(try #require(Version("1.0")) == Version("1.0.0"))
        #expect(try #require(Version("1.0")).hashValue == Version("1.0.0.0")?.hashValue)
        #expect(try #require(Version("1.0")) != Version("1.0+local"))
        #expect(try #require(Version("1!1.0")) > #require(Version("2.0")))
    }

    @Test("parts", arguments: [
        ("1!2.3.4rc5.post6.dev7+x.8", 1, [2, 3, 4], PreRelease(.candidate, 5), 6, 7, [LocalSegment.text("x"), .number(8)]),
    ])
    func parts(text: String, epoch: Int, release: [Int], pre: PreRelease, post: Int, dev: Int, local: [LocalSegment]) throws {
        let version = try #require(Version(text))
        #expect(version.epoch == epoch)
        #expect(version.release == release)
        #expect(version.pre == pre)
        #expect(version.post == post)
        #expect(version.dev == dev)
        #expect(version.local == local)
        #expect(version.isPrerelease)
        #expect(version.isPostrelease)
    }
}
