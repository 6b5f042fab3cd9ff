import Diagnostics
import Emit
import Testing

/// `template.toml`: what is read, and located errors for what is wrong.
@Suite struct ManifestTests {
    static let manifest = """
        name = "demo"
        description = "a demo"

        [variables.package]
        help = "import name"
        pattern = "^[a-z_]+$"

        [variables.flavour]
        default = "plain"
        choices = ["plain", "fancy"]

        [variables.title]
        default = "{{package}} ({{flavour}})"

        """

    @Test func readsVariablesInDeclarationOrderWithTheirLines() throws {
        let parsed = try TemplateManifest.parse(toml: Self.manifest, path: "demo/template.toml")
        #expect(parsed.name == "demo")
        #expect(parsed.description == "a demo")
        #expect(parsed.variables.map(\.name) == ["package", "flavour", "title"])
        #expect(parsed.variables.map(\.line) == [4, 8, 12])
        let package = try #require(parsed.variable(named: "package"))
        #expect(package.isRequired)
        #expect(package.pattern == "^[a-z_]+$")
        #expect(package.keyLines["pattern"] == 6)
        #expect(parsed.variable(named: "flavour")?.choices == ["plain", "fancy"])
        #expect(parsed.variable(named: "title")?.defaultValue == "{{package}} ({{flavour}})")
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var toml: String
        var location: String
        var message: String
        var testDescription: String { name }
    }

    static let errors: [Case] = [
        Case(name: "invalid TOML", toml: "name = \"x\"\n[variables.a\n", location: "t.toml:2:", message: "invalid TOML"),
        Case(name: "no name", toml: "description = \"x\"\n", location: "t.toml:1:1", message: "the manifest needs a 'name' (a string)"),
        Case(name: "unknown key", toml: "name = \"x\"\n\n[variables.a]\nhelp = \"h\"\ndefualt = \"d\"\n", location: "t.toml:5:1", message: "unknown key 'defualt' in variable 'a' (expected default, help, pattern or choices)"),
        Case(name: "bad regex", toml: "name = \"x\"\n[variables.a]\npattern = \"([a-z\"\n", location: "t.toml:3:1", message: "'pattern' of variable 'a' is not a valid regular expression"),
        Case(name: "bad choices", toml: "name = \"x\"\n[variables.a]\nchoices = [1, 2]\n", location: "t.toml:3:1", message: "'choices' of variable 'a' must be a non-empty list of strings"),
        Case(name: "bad variable name", toml: "name = \"x\"\n[variables.\"a-b\"]\nhelp = \"h\"\n", location: "t.toml:2:1", message: "'a-b' is not a valid variable name (letters, digits and '_', not starting with a digit)"),
    ]

    @Test(arguments: errors)
    func invalidManifestsFailLocated(_ testCase: Case) {
        let error = #expect(throws: DiagnosticError.self) {
            try TemplateManifest.parse(toml: testCase.toml, path: "t.toml")
        }
        #expect(error?.diagnostic.id == "template.invalid-manifest")
        #expect(error?.diagnostic.location?.rendered.hasPrefix(testCase.location) == true, "\(String(describing: error?.diagnostic.location?.rendered))")
        #expect(error?.diagnostic.message.hasPrefix(testCase.message) == true, "\(String(describing: error?.diagnostic.message))")
    }
}
