import Foundation
import Testing

/// `nbship new` and `nbship templates`, run as the real binary (stdin is not a terminal).
@Suite(.enabled(if: EmitTestSupport.binary != nil))
struct NewCommandTests {
    static func nbship(_ arguments: [String], environment: [String: String] = [:]) throws -> EmitTestSupport.Result {
        let binary = try #require(EmitTestSupport.binary)
        return try EmitTestSupport.run([binary.path] + arguments, environment: environment)
    }

    @Test func templatesListsTheBundledTemplates() throws {
        let result = try Self.nbship(["templates"], environment: ["NBSHIP_TEMPLATES": ""])
        #expect(result.status == 0, "\(result.stderr)")
        let names = result.stdout.split(separator: "\n").map { $0.split(separator: " ").first.map(String.init) ?? "" }
        #expect(names == ["ml-project", "ml-service"])
    }

    @Test func missingVariablesWithoutATerminalExitTwoAndWriteNothing() throws {
        let parent = try EmitTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: parent) }
        let target = parent.appendingPathComponent("p")
        let result = try Self.nbship(["new", "ml-project", target.path])
        #expect(result.status == 2)
        let manifest = EmitTestSupport.packageRoot.appendingPathComponent("templates/ml-project/template.toml").path
        #expect(result.stderr.hasPrefix("\(manifest):4:1: error: missing value for variable 'package' [template.missing-variable]\n"))
        #expect(result.stderr.contains("pass --set package=VALUE"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path).isEmpty)
    }

    @Test func invalidValueExitsTwoLocatedAtThePattern() throws {
        let parent = try EmitTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: parent) }
        let result = try Self.nbship(["new", "ml-project", parent.appendingPathComponent("p").path, "--set", "package=Bad-Name"])
        #expect(result.status == 2)
        let manifest = EmitTestSupport.packageRoot.appendingPathComponent("templates/ml-project/template.toml").path
        #expect(result.stderr.hasPrefix("\(manifest):6:1: error: invalid value 'Bad-Name' for variable 'package' (given): it must match ^[a-z_][a-z0-9_]*$ [template.invalid-value]\n"))
    }

    @Test func refusesANonEmptyFolderUnlessForced() throws {
        let parent = try EmitTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: parent) }
        let target = parent.appendingPathComponent("p")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        try "mine".write(to: target.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        let refused = try Self.nbship(["new", "ml-project", target.path, "--set", "package=pkg"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("is not empty [output.exists]"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: target.path) == ["notes.txt"])

        let forced = try Self.nbship(["new", "ml-project", target.path, "--set", "package=pkg", "--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(!FileManager.default.fileExists(atPath: target.appendingPathComponent("notes.txt").path))
        let answers = try String(contentsOf: target.appendingPathComponent(".nbship-answers.toml"), encoding: .utf8)
        #expect(answers.contains("_template = \"ml-project\"\n"))
        #expect(answers.contains("package = \"pkg\"\nproject = \"pkg\"\n"))
        // Only the project is left in the parent: no staging folders.
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["p"])
    }

    @Test func anInstructorsOwnTemplateFolder() throws {
        let root = try EmitTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let templates = root.appendingPathComponent("course-templates")
        try EmitTestSupport.writeTemplate(
            at: templates.appendingPathComponent("lab"),
            manifest: "name = \"lab\"\ndescription = \"a weekly lab\"\n\n[variables.week]\nhelp = \"week number\"\npattern = \"^[0-9]+$\"\n",
            files: ["week{{week}}/README.md": "# Week {{week}}\n"])
        let listed = try Self.nbship(["templates", "--templates", templates.path])
        #expect(listed.stdout == "lab  a weekly lab\n")
        let viaEnvironment = try Self.nbship(["templates"], environment: ["NBSHIP_TEMPLATES": templates.path])
        #expect(viaEnvironment.stdout.hasPrefix("lab         a weekly lab\nml-project  "))

        let target = root.appendingPathComponent("out")
        let made = try Self.nbship(["new", "lab", target.path, "--templates", templates.path, "--set", "week=3"])
        #expect(made.status == 0, "\(made.stderr)")
        #expect(try String(contentsOf: target.appendingPathComponent("week3/README.md"), encoding: .utf8) == "# Week 3\n")

        let unknown = try Self.nbship(["new", "nope", root.appendingPathComponent("x").path, "--templates", templates.path])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.hasPrefix("error: no template named 'nope' [template.not-found]\n  note: available: lab\n"))
    }
}
