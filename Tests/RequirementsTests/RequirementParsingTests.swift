import Testing
@testable import Requirements

@Suite("PEP 508 requirements")
struct RequirementParsingTests {
    @Test("names normalise as PEP 503 says", arguments: [
        ("Django", "django"), ("ruamel.yaml", "ruamel-yaml"), ("Foo__Bar--baz", "foo-bar-baz"), ("PyYAML", "pyyaml"),
        ("python_dateutil", "python-dateutil"), ("zope.interface", "zope-interface"), ("A-._b", "a-b"),
    ])
    func normalise(name: String, normalised: String) {
        #expect(DistributionName.normalize(name) == normalised)
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var text: String
        var name: String
        var extras: [String] = []
        var specifiers = ""
        var url: String?
        var marker: String?
        var pinned = false
        var testDescription: String { text }
    }

    static let cases: [Case] = [
        Case(text: "pandas==2.1.4", name: "pandas", specifiers: "==2.1.4", pinned: true),
        Case(text: "scikit-learn>=1.3", name: "scikit-learn", specifiers: ">=1.3"),
        Case(text: "torch[cuda]", name: "torch", extras: ["cuda"]),
        Case(text: "\"pandas>=2\"", name: "pandas", specifiers: ">=2"),
        Case(text: "requests [security,tests] >= 2.8.1, == 2.8.* ; python_version < \"2.7\"", name: "requests", extras: ["security", "tests"], specifiers: ">=2.8.1,==2.8.*", marker: "python_version < \"2.7\""),
        Case(text: "name (>=1.0,<2)", name: "name", specifiers: ">=1.0,<2"),
        Case(text: "name>=3;python_version<'3.9'", name: "name", specifiers: ">=3", marker: "python_version<'3.9'"),
        Case(text: "pip @ https://github.com/pypa/pip/archive/1.3.1.zip#sha256=abc", name: "pip", url: "https://github.com/pypa/pip/archive/1.3.1.zip#sha256=abc", pinned: true),
        Case(text: "lib @ git+https://github.com/org/lib.git@0123456789abcdef0123456789abcdef01234567", name: "lib", url: "git+https://github.com/org/lib.git@0123456789abcdef0123456789abcdef01234567", pinned: true),
        Case(text: "lib @ git+https://github.com/org/lib.git@main ; sys_platform == 'linux'", name: "lib", url: "git+https://github.com/org/lib.git@main", marker: "sys_platform == 'linux'"),
        Case(text: "git+https://github.com/org/lib.git@v1.0#egg=my_lib", name: "my_lib", url: "git+https://github.com/org/lib.git@v1.0"),
        Case(text: "https://files.example/pkgs/tiny_pkg-1.0-py3-none-any.whl", name: "tiny_pkg", url: "https://files.example/pkgs/tiny_pkg-1.0-py3-none-any.whl"),
        Case(text: "Foo===1.0-weird", name: "Foo", specifiers: "===1.0-weird", pinned: true),
    ]

    @Test("parsing", arguments: cases)
    func parse(expected: Case) throws {
        let requirement = try Requirement(parsing: expected.text)
        #expect(requirement.name == expected.name)
        #expect(requirement.extras == expected.extras)
        #expect(requirement.specifiers.description == expected.specifiers)
        #expect(requirement.url == expected.url)
        #expect(requirement.marker == expected.marker)
        #expect(requirement.isPinned == expected.pinned)
    }

    @Test("invalid requirements are refused", arguments: [
        "", "-pandas", "pandas[", "pandas==", "pandas>=abc", "pandas @", "git+https://github.com/org/lib.git", "pan das==1.0", "pandas[a b]",
    ])
    func invalid(text: String) {
        #expect(throws: RequirementSyntaxError.self) { try Requirement(parsing: text) }
    }

    @Test("rendering is normalised PEP 508")
    func rendering() throws {
        #expect(try Requirement(parsing: "Scikit_Learn [Plot] >= 1.3 ; python_version>='3.9'").description == "scikit-learn[plot]>=1.3; python_version>='3.9'")
        #expect(try Requirement(parsing: "x @ https://h/x.zip ; os_name=='posix'").description == "x @ https://h/x.zip ; os_name=='posix'")
    }
}
