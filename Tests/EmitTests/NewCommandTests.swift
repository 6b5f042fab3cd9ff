import Foundation
import TestSupport
import Testing

/// `nbship new` and `nbship templates`, run as the real binary (stdin is not a terminal).
@Suite(.enabled(if: PackagePaths.builtBinary != nil))
struct NewCommandTests {
    static func nbship(_ arguments: [String], environment: [String: String] = [:]) throws -> ProcessRunner.Result {
        let binary = try #require(PackagePaths.builtBinary)
        return try EmitTestSupport.run([binary.path] + arguments, environment: environment)
    }

    @Test func templatesListsTheBundledTemplates() throws {
        let result = try Self.nbship(["templates"], environment: ["NBSHIP_TEMPLATES": ""])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        let names = lines.map { $0.split(separator: " ").first.map(String.init) ?? "" }
        #expect(names == ["ml-project", "ml-service", "notebook-project"])
        // The convert template is listed, marked as convert's (nbship new does not render it).
        #expect(lines.last?.hasSuffix(" (used by nbship convert)") == true)
        #expect(lines.dropLast().allSatisfy { !$0.contains("(used by nbship convert)") })
    }

    @Test func theConvertTemplateIsRefusedByNew() throws {
        let parent = try PackagePaths.temporaryDirectory(prefix: "nbship-emit")
        defer { try? FileManager.default.removeItem(at: parent) }
        let result = try Self.nbship(["new", "notebook-project", parent.appendingPathComponent("p").path], environment: ["NBSHIP_TEMPLATES": ""])
        #expect(result.status == 2)
        let manifest = PackagePaths.root.appendingPathComponent("templates/notebook-project/template.toml").path
        #expect(result.stderr.hasPrefix(
            "\(manifest):1:1: error: template 'notebook-project' is rendered from a notebook, not from variables [template.wrong-kind]\n"), "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path).isEmpty)
    }

    @Test func missingVariablesWithoutATerminalExitTwoAndWriteNothing() throws {
        let parent = try PackagePaths.temporaryDirectory(prefix: "nbship-emit")
        defer { try? FileManager.default.removeItem(at: parent) }
        let target = parent.appendingPathComponent("p")
        let result = try Self.nbship(["new", "ml-project", target.path])
        #expect(result.status == 2)
        let manifest = PackagePaths.root.appendingPathComponent("templates/ml-project/template.toml").path
        #expect(result.stderr.hasPrefix("\(manifest):4:1: error: missing value for variable 'package' [template.missing-variable]\n"))
        #expect(result.stderr.contains("pass --set package=VALUE"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path).isEmpty)
    }

    @Test func invalidValueExitsTwoLocatedAtThePattern() throws {
        let parent = try PackagePaths.temporaryDirectory(prefix: "nbship-emit")
        defer { try? FileManager.default.removeItem(at: parent) }
        let result = try Self.nbship(["new", "ml-project", parent.appendingPathComponent("p").path, "--set", "package=Bad-Name"])
        #expect(result.status == 2)
        let manifest = PackagePaths.root.appendingPathComponent("templates/ml-project/template.toml").path
        #expect(result.stderr.hasPrefix("\(manifest):6:1: error: invalid value 'Bad-Name' for variable 'package' (given): it must match ^[a-z_][a-z0-9_]*$ [template.invalid-value]\n"))
    }

    @Test func refusesANonEmptyFolderUnlessForced() throws {
        let parent = try PackagePaths.temporaryDirectory(prefix: "nbship-emit")
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
        let root = try PackagePaths.temporaryDirectory(prefix: "nbship-emit")
        defer { try? FileManager.default.removeItem(at: root) }
        let templates = root.appendingPathComponent("course-templates")
        try EmitTestSupport.writeTemplate(
            at: templates.appendingPathComponent("lab"),
            manifest: "name = \"lab\"\ndescription = \"a weekly lab\"\n\n[variables.week]\nhelp = \"week number\"\npattern = \"^[0-9]+$\"\n",
            files: ["week{{week}}/README.md": "# Week {{week}}\n", "bin/check": "#!/bin/sh\necho week {{week}}\n"])
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: templates.appendingPathComponent("lab/bin/check").path)
        let listed = try Self.nbship(["templates", "--templates", templates.path])
        #expect(listed.stdout == "lab  a weekly lab\n")
        let viaEnvironment = try Self.nbship(["templates"], environment: ["NBSHIP_TEMPLATES": templates.path])
        // The instructor's folder comes first; the bundled templates follow, aligned with it.
        #expect(viaEnvironment.stdout.hasPrefix("lab               a weekly lab\nml-project        "))

        let target = root.appendingPathComponent("out")
        let made = try Self.nbship(["new", "lab", target.path, "--templates", templates.path, "--set", "week=3"])
        #expect(made.status == 0, "\(made.stderr)")
        #expect(try String(contentsOf: target.appendingPathComponent("week3/README.md"), encoding: .utf8) == "# Week 3\n")
        let script = try FileManager.default.attributesOfItem(atPath: target.appendingPathComponent("bin/check").path)
        let readme = try FileManager.default.attributesOfItem(atPath: target.appendingPathComponent("week3/README.md").path)
        #expect((script[.posixPermissions] as? NSNumber)?.intValue == 0o755)
        #expect((readme[.posixPermissions] as? NSNumber)?.intValue == 0o644)

        let unknown = try Self.nbship(["new", "nope", root.appendingPathComponent("x").path, "--templates", templates.path])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.hasPrefix("error: no template named 'nope' [template.not-found]\n  note: available: lab\n"))
    }

    /// On a terminal (util-linux `script` gives the child one), a missing variable is asked
    /// for, an invalid answer is refused and asked again.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func asksForMissingVariablesOnATerminal() throws {
        let binary = try #require(PackagePaths.builtBinary)
        let parent = try PackagePaths.temporaryDirectory(prefix: "nbship-emit")
        defer { try? FileManager.default.removeItem(at: parent) }
        let target = parent.appendingPathComponent("asked")
        let input = parent.appendingPathComponent("input")
        try "Bad Name\nasked_pkg\n".write(to: input, atomically: true, encoding: .utf8)
        let command = "'\(binary.path)' new ml-project '\(target.path)'"
        let result = try EmitTestSupport.run(["/usr/bin/script", "-qec", command, "/dev/null"], input: input)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("package (import name of the Python package, e.g. churn_model): invalid value: it must match ^[a-z_][a-z0-9_]*$"))
        let answers = try String(contentsOf: target.appendingPathComponent(".nbship-answers.toml"), encoding: .utf8)
        #expect(answers.contains("package = \"asked_pkg\"\n"))
    }

    /// The recorded answers render the same project again; --set overrides one of them.
    @Test func rerendersFromRecordedAnswers() throws {
        let parent = try PackagePaths.temporaryDirectory(prefix: "nbship-emit")
        defer { try? FileManager.default.removeItem(at: parent) }
        let first = parent.appendingPathComponent("first")
        let again = parent.appendingPathComponent("again")
        let changed = parent.appendingPathComponent("changed")
        #expect(try Self.nbship(["new", "ml-service", first.path, "--set", "package=svc", "--set", "port=9000"]).status == 0)
        let answers = first.appendingPathComponent(".nbship-answers.toml").path
        #expect(try Self.nbship(["new", "ml-service", again.path, "--answers", answers]).status == 0)
        #expect(try Self.tree(first) == Self.tree(again))
        #expect(try Self.nbship(["new", "ml-service", changed.path, "--answers", answers, "--set", "port=9100"]).status == 0)
        #expect(try String(contentsOf: changed.appendingPathComponent("compose.yaml"), encoding: .utf8).contains("\"9100:9100\""))
        let wrong = try Self.nbship(["new", "ml-project", parent.appendingPathComponent("x").path, "--answers", answers])
        #expect(wrong.status == 2)
        #expect(wrong.stderr.contains("records answers for template 'ml-service', not 'ml-project' [template.invalid-answers]"))
    }

    /// Every file under a folder, path → contents.
    static func tree(_ root: URL) throws -> [String: String] {
        var files: [String: String] = [:]
        let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = walker?.nextObject() as? URL {
            guard try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true else { continue }
            files[String(url.path.dropFirst(root.path.count))] = try String(contentsOf: url, encoding: .utf8)
        }
        return files
    }
}
