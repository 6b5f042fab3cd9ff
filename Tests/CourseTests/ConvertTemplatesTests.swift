import Foundation
import TestSupport
import Testing

/// `nbship convert --templates DIR`: an instructor's copy of the convert template changes
/// what convert writes, and a name the view model lacks fails located, writing nothing.
@Suite(.enabled(if: ConvertTestSupport.canConvertChurn))
struct ConvertTemplatesTests {
    /// A copy of templates/notebook-project in a fresh folder; returns the folder (the `--templates` value).
    static func templateCopy() throws -> URL {
        let folder = try PackagePaths.temporaryDirectory(prefix: "nbship-course-templates")
        try FileManager.default.copyItem(
            at: PackagePaths.root.appendingPathComponent("templates/notebook-project"),
            to: folder.appendingPathComponent("notebook-project"))
        return folder
    }

    static let churn = PackagePaths.fixture("demo/churn.ipynb").path

    @Test func changedTemplateChangesTheProjectAndNothingElse() throws {
        let templates = try Self.templateCopy()
        let scratch = try PackagePaths.temporaryDirectory(prefix: "nbship-course")
        defer {
            try? FileManager.default.removeItem(at: templates)
            try? FileManager.default.removeItem(at: scratch)
        }
        let copy = templates.appendingPathComponent("notebook-project")
        let readme = copy.appendingPathComponent("README.md")
        try (try String(contentsOf: readme, encoding: .utf8) + "\nCourse edition of {{package}}, from {{notebook}}.\n")
            .write(to: readme, atomically: true, encoding: .utf8)
        try "# Notes on {{package}}\n\nPinned:\n{{#runtime}}\n- {{.}}\n{{/runtime}}\n"
            .write(to: copy.appendingPathComponent("NOTES.md"), atomically: true, encoding: .utf8)

        let custom = scratch.appendingPathComponent("custom")
        let bundled = scratch.appendingPathComponent("bundled")
        let withTemplates = try ConvertTestSupport.convert([Self.churn, "-o", custom.path, "--templates", templates.path])
        #expect(withTemplates.status == 0, "\(withTemplates.stderr)")
        let plain = try ConvertTestSupport.convert([Self.churn, "-o", bundled.path])
        #expect(plain.status == 0, "\(plain.stderr)")

        let customTree = try ConvertTestSupport.tree(custom)
        let bundledTree = try ConvertTestSupport.tree(bundled)
        #expect(Set(customTree.keys) == Set(bundledTree.keys).union(["NOTES.md"]))
        for (path, bytes) in bundledTree where path != "README.md" {
            #expect(customTree[path] == bytes, "\(path) differs")
        }
        let bundledReadme = try ConvertTestSupport.text(bundled, "README.md")
        #expect(try ConvertTestSupport.text(custom, "README.md") == bundledReadme + "\nCourse edition of churn, from churn.ipynb.\n")
        let pins = try ConvertTestSupport.text(bundled, "requirements.txt").split(separator: "\n").filter { !$0.hasPrefix("#") }
        #expect(!pins.isEmpty)
        #expect(try ConvertTestSupport.text(custom, "NOTES.md") == "# Notes on churn\n\nPinned:\n" + pins.map { "- \($0)\n" }.joined())
    }

    @Test func unknownNameFailsLocatedAndWritesNothing() throws {
        let templates = try Self.templateCopy()
        let scratch = try PackagePaths.temporaryDirectory(prefix: "nbship-course")
        defer {
            try? FileManager.default.removeItem(at: templates)
            try? FileManager.default.removeItem(at: scratch)
        }
        let notes = templates.appendingPathComponent("notebook-project/NOTES.md")
        try "Notes for {{package}}\n\nSee {{ course_url }}.\n".write(to: notes, atomically: true, encoding: .utf8)
        let result = try ConvertTestSupport.convert([Self.churn, "-o", scratch.appendingPathComponent("out").path, "--templates", templates.path])
        #expect(result.status == 2)
        #expect(result.stdout == "")
        #expect(result.stderr == """
            \(notes.path):3:5: error: the template uses 'course_url', which nbship convert does not provide [template.undeclared-variable]
              note: templates/README.md lists the names a convert template can use

            """)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).isEmpty)
    }

    @Test func folderWithoutAConvertTemplateIsRefused() throws {
        let templates = try PackagePaths.temporaryDirectory(prefix: "nbship-course-templates")
        let scratch = try PackagePaths.temporaryDirectory(prefix: "nbship-course")
        defer {
            try? FileManager.default.removeItem(at: templates)
            try? FileManager.default.removeItem(at: scratch)
        }
        try FileManager.default.copyItem(
            at: PackagePaths.root.appendingPathComponent("templates/ml-project"), to: templates.appendingPathComponent("ml-project"))
        let result = try ConvertTestSupport.convert([Self.churn, "-o", scratch.appendingPathComponent("out").path, "--templates", templates.path])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("error: no 'convert' template found [template.not-found]\n"), "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).isEmpty)
    }
}
