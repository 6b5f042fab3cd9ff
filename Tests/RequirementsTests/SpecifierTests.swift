import Testing
@testable import Requirements

@Suite("PEP 440 specifiers")
struct SpecifierTests {
    /// (specifier set, version, admitted?) with pre-releases allowed, from PEP 440's sections
    /// on each operator.
    static let cases: [(String, String, Bool)] = [
        // Version matching: padding and local labels.
        ("==1.1", "1.1.0", true), ("==1.1", "1.1.post1", false), ("==1.1", "1.1+local", true),
        ("==1.1+local", "1.1", false), ("==1.1+local", "1.1+local", true), ("==1.1.0", "1.1", true),
        // Prefix matching.
        ("==1.1.*", "1.1.post1", true), ("==1.1.*", "1.1", true), ("==1.1.*", "1.1.2", true),
        ("==1.1.*", "1.10", false), ("==1.1.*", "1.2", false), ("==1.*", "1", true), ("==1.1.*", "1.1a1", true),
        ("!=1.1.*", "1.2", true), ("!=1.1.*", "1.1.3", false), ("!=1.1", "1.1.0", false),
        ("==1.1.0.*", "1.1", true), ("==2.*", "2.0.dev1", true),
        // Compatible release.
        ("~=2.2", "2.3", true), ("~=2.2", "2.2", true), ("~=2.2", "3.0", false), ("~=2.2", "2.1", false),
        ("~=1.4.5", "1.4.9", true), ("~=1.4.5", "1.5.0", false), ("~=1.4.5", "1.4.4", false),
        ("~=2.2.post3", "2.3", true), ("~=2.2.post3", "2.2.post2", false), ("~=1.4.5a4", "1.4.5", true),
        // Exclusive ordered comparison.
        (">1.7", "1.7.1", true), (">1.7", "1.7.0.post1", false), (">1.7", "1.7+local", false), (">1.7.post2", "1.7.1", true),
        (">1.7.post2", "1.7.0.post3", true), ("<3.0", "3.0rc1", false), ("<3.0rc2", "3.0rc1", true), ("<3.0", "2.9.9", true),
        // Inclusive ordered comparison ignores local labels.
        ("<=1.0", "1.0+local", true), (">=1.0", "1.0+local", true), (">=1.3", "1.3.2", true), (">=1.3", "1.2.9", false),
        // Combined and arbitrary.
        (">=1.3,<2", "1.9", true), (">=1.3,<2", "2.0", false), (">= 1.3 , != 1.5", "1.5", false),
        ("===1.0", "1.0", true), ("===1.0", "1.0.0", false),
        // Epochs.
        (">=2.0", "1!1.0", true), ("<2.0", "1!1.0", false),
    ]

    @Test("operators", arguments: cases)
    func operators(spec: String, version: String, admitted: Bool) throws {
        let set = try SpecifierSet(parsing: spec)
        let candidate = try #require(Version(version))
        #expect(set.contains(candidate, prereleases: true) == admitted, "\(spec) ∋ \(version)")
    }

    @Test("pre-releases are refused by default unless a clause names one")
    func prereleaseDefault() throws {
        let rc = try #require(Version("2.0rc1"))
        #expect(!(try SpecifierSet(parsing: ">=1.3")).contains(rc))
        #expect((try SpecifierSet(parsing: ">=1.3")).contains(rc, prereleases: true))
        #expect((try SpecifierSet(parsing: ">=2.0rc1")).contains(rc))
    }

    @Test("invalid specifiers are refused", arguments: [">=", "~=1", ">=1.*", "=1.0", "==1.0+local.*", "1.0", ">=abc", "==1.0,"])
    func invalid(text: String) {
        #expect(throws: RequirementSyntaxError.self) { try SpecifierSet(parsing: text) }
    }

    @Test("exact pins")
    func exactPins() throws {
        #expect(try SpecifierSet(parsing: "==2.1.4").exactPin?.versionText == "2.1.4")
        #expect(try SpecifierSet(parsing: "==2.1.*").exactPin == nil)
        #expect(try SpecifierSet(parsing: ">=2").exactPin == nil)
        #expect(try SpecifierSet(parsing: "===foo").exactPin?.versionText == "foo")
    }
}
