import Diagnostics
import Emit
import Testing

/// Rendering a template in memory: paths, contents, validation and located errors.
@Suite struct RendererTests {
    static func template(_ files: [TemplateSource], manifest: String = ManifestTests.manifest) throws -> Template {
        Template(manifest: try TemplateManifest.parse(toml: manifest, path: "demo/template.toml"), sources: files, directory: "demo")
    }

    static let sources = [
        TemplateSource(path: "src/{{package}}/__init__.py", text: "NAME = \"{{title}}\"\n"),
        TemplateSource(path: "README.md", text: "# {{title}}\n{{#package}}has a package{{/package}}\n"),
        TemplateSource(path: "bin/run", text: "#!/bin/sh\necho {{package}} <&> \"'\n", executable: true),
        TemplateSource(path: "{{missing_optional}}notes.txt", text: "kept\n"),
    ]

    @Test func rendersPathsAndContentsWithoutHTMLEscaping() throws {
        let files = try TemplateRenderer().render(Self.template(Self.sources, manifest: Self.optionalManifest), values: ["package": "a_b"])
        #expect(files.map(\.path) == ["README.md", "bin/run", "notes.txt", "src/a_b/__init__.py"])
        #expect(files[0].contents == "# a_b (plain)\nhas a package\n")
        #expect(files[1].contents == "#!/bin/sh\necho a_b <&> \"'\n")
        #expect(files[1].executable)
        #expect(!files[0].executable)
        #expect(files[3].contents == "NAME = \"a_b (plain)\"\n")
    }

    static let optionalManifest = ManifestTests.manifest + "\n[variables.missing_optional]\ndefault = \"\"\n"

    @Test func aPathComponentThatRendersEmptyDropsTheFile() throws {
        let template = try Self.template([
            TemplateSource(path: "{{missing_optional}}/x.txt", text: "x"),
            TemplateSource(path: "{{missing_optional}}notes.txt", text: "kept\n"),
        ], manifest: Self.optionalManifest)
        let files = try TemplateRenderer().render(template, values: ["package": "p"])
        #expect(files.map(\.path) == ["notes.txt"])
        let withValue = try TemplateRenderer().render(template, values: ["package": "p", "missing_optional": "docs"])
        #expect(withValue.map(\.path) == ["docs/x.txt", "docsnotes.txt"])
    }

    @Test func renderingIsDeterministic() throws {
        let template = try Self.template(Array(Self.sources.dropLast()).reversed())
        let first = try TemplateRenderer().render(template, values: ["package": "a", "flavour": "fancy"])
        let second = try TemplateRenderer().render(template, values: ["flavour": "fancy", "package": "a"])
        #expect(first == second)
        #expect(first.map(\.path) == first.map(\.path).sorted())
    }

    @Test func missingVariablesAreNamedAndLocatedAtTheManifestLine() throws {
        let template = try Self.template(Array(Self.sources.dropLast()))
        #expect(TemplateRenderer().missingVariables(of: template, given: [:]).map(\.name) == ["package"])
        let error = #expect(throws: DiagnosticError.self) {
            try TemplateRenderer().render(template, values: [:])
        }
        #expect(error?.diagnostic.id == "template.missing-variable")
        #expect(error?.diagnostic.message == "missing value for variable 'package'")
        #expect(error?.diagnostic.location?.rendered == "demo/template.toml:4:1")
        #expect(error?.diagnostic.notes.first == "package (demo/template.toml:4): import name")
    }

    struct InvalidCase: Sendable, CustomTestStringConvertible {
        var values: [String: String]
        var id: String
        var message: String
        var location: String?
        var testDescription: String { message }
    }

    static let invalid: [InvalidCase] = [
        InvalidCase(values: ["package": "Not Valid"], id: "template.invalid-value",
                    message: "invalid value 'Not Valid' for variable 'package' (given): it must match ^[a-z_]+$", location: "demo/template.toml:6:1"),
        InvalidCase(values: ["package": "p", "flavour": "spicy"], id: "template.invalid-value",
                    message: "invalid value 'spicy' for variable 'flavour' (given): expected one of plain, fancy", location: "demo/template.toml:10:1"),
        InvalidCase(values: ["package": "p", "colour": "red"], id: "template.unknown-variable",
                    message: "template 'demo' has no variable 'colour'", location: "demo/template.toml:1:1"),
    ]

    @Test(arguments: invalid)
    func invalidValuesFailLocated(_ testCase: InvalidCase) throws {
        let template = try Self.template(Array(Self.sources.dropLast()))
        let error = #expect(throws: DiagnosticError.self) {
            try TemplateRenderer().render(template, values: testCase.values)
        }
        #expect(error?.diagnostic.id == testCase.id)
        #expect(error?.diagnostic.message == testCase.message)
        #expect(error?.diagnostic.location?.rendered == testCase.location)
    }

    @Test func anUndeclaredNameInATemplateIsLocatedInThatFile() throws {
        let template = try Self.template([TemplateSource(path: "a.py", text: "x = 1\ny = {{packge}}\n")])
        let error = #expect(throws: DiagnosticError.self) {
            try TemplateRenderer().render(template, values: ["package": "p"])
        }
        #expect(error?.diagnostic.id == "template.undeclared-variable")
        #expect(error?.diagnostic.location?.rendered == "demo/a.py:2:5")
        #expect(error?.diagnostic.message == "the template uses 'packge', which template.toml does not declare")
    }

    @Test func aTemplateSyntaxErrorIsLocated() throws {
        let template = try Self.template([TemplateSource(path: "a.py", text: "ok\n{{#package}}\nnever closed\n")])
        let error = #expect(throws: DiagnosticError.self) {
            try TemplateRenderer().render(template, values: ["package": "p"])
        }
        #expect(error?.diagnostic.id == "template.syntax")
        #expect(error?.diagnostic.location?.path == "demo/a.py")
    }

    @Test func setDelimitersLetATemplateWriteLiteralBraces() throws {
        let template = try Self.template([TemplateSource(path: "ci.yml", text: "tag: {{package}}:${{=<% %>=}}{{ github.sha }}<%={{ }}=%>\n")])
        let files = try TemplateRenderer().render(template, values: ["package": "p"])
        #expect(files.first?.contents == "tag: p:${{ github.sha }}\n")
    }

    @Test func answersFileRecordsEveryValueInManifestOrder() throws {
        let template = try Self.template(Self.sources)
        let values = try TemplateRenderer().resolve(template, values: ["package": "a_b", "flavour": "fancy"])
        let file = TemplateAnswers.file(for: template, values: values, generator: "nbship 9.9.9")
        #expect(file.path == ".nbship-answers.toml")
        #expect(file.contents == """
            # Answers nbship used to render this project; `nbship new` can re-render it from them.
            _template = "demo"
            _generator = "nbship 9.9.9"

            [answers]
            package = "a_b"
            flavour = "fancy"
            title = "a_b (fancy)"

            """)
    }

    /// `convert`'s path: a caller-built view model with arrays and dictionaries.
    @Test func rendersACallerBuiltViewModel() throws {
        let template = try Self.template([
            TemplateSource(path: "src/{{package}}/model.py", text: "{{#imports}}import {{module}}\n{{/imports}}\n{{#functions}}def {{name}}():\n    return {{value}}\n{{/functions}}"),
        ])
        let viewModel: [String: Any] = [
            "package": "pkg",
            "imports": [["module": "math"], ["module": "os"]],
            "functions": [["name": "seed", "value": "0"]],
        ]
        let files = try TemplateRenderer().render(template, viewModel: viewModel)
        #expect(files == [GeneratedFile(path: "src/pkg/model.py", contents: "import math\nimport os\ndef seed():\n    return 0\n")])
        let error = #expect(throws: DiagnosticError.self) {
            try TemplateRenderer().render(template, viewModel: ["imports": [], "functions": []])
        }
        #expect(error?.diagnostic.location?.rendered == "demo/src/{{package}}/model.py:1:5")
    }
}
