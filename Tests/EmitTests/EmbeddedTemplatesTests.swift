import Diagnostics
@testable import Emit
import Foundation
import TestSupport
import Testing

/// The bundled templates are edited as folders under `templates/` and compiled into the binary
/// (`scripts/embed-templates.py`, `make tables`); these tests keep the two in step and check
/// that the compiled-in copies load, list and render like the folders.
@Suite("templates compiled into the binary")
struct EmbeddedTemplatesTests {
    static let templatesFolder = PackagePaths.root.appendingPathComponent("templates")

    /// The template folders under `templates/` (those holding a `template.toml`).
    static let folderNames: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: templatesFolder.path)) ?? []
        return names.filter {
            FileManager.default.fileExists(atPath: templatesFolder.appendingPathComponent("\($0)/template.toml").path)
        }.sorted()
    }()

    /// Every file of a template folder, walked as `Template.load(directory:)` walks it: path →
    /// (text, executable).
    static func filesOnDisk(_ name: String) throws -> [String: (text: String, executable: Bool)] {
        let root = templatesFolder.appendingPathComponent(name)
        var files: [String: (String, Bool)] = [:]
        let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey, .isSymbolicLinkKey])
        while let url = walker?.nextObject() as? URL {
            if [".git", "__pycache__", ".DS_Store"].contains(url.lastPathComponent) {
                walker?.skipDescendants()
                continue
            }
            let values = try url.resourceValues(forKeys: [.isRegularFileKey, .isSymbolicLinkKey])
            guard values.isRegularFile == true, values.isSymbolicLink != true else { continue }
            let path = String(url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1))
            let mode = try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? NSNumber
            files[path] = (try String(contentsOf: url, encoding: .utf8), (mode?.intValue ?? 0) & 0o100 != 0)
        }
        return files
    }

    /// The 1-based number of the first line where two texts differ, `nil` when they are equal.
    static func firstDifferingLine(_ a: String, _ b: String) -> Int? {
        guard a != b else { return nil }
        let left = a.split(separator: "\n", omittingEmptySubsequences: false)
        let right = b.split(separator: "\n", omittingEmptySubsequences: false)
        return zip(left, right).enumerated().first { $0.element.0 != $0.element.1 }.map { $0.offset + 1 }
            ?? min(left.count, right.count) + (left.count == right.count ? 0 : 1)
    }

    @Test("the compiled-in templates are the folders of templates/ (else run `make tables`)")
    func sameTemplates() {
        #expect(Self.folderNames == ["ml-project", "ml-service", "notebook-project"])
        #expect(EmbeddedTemplates.names == Self.folderNames, "a template folder was added or removed: run `make tables`")
    }

    @Test("each compiled-in file is its template file byte for byte, executable bit included (else run `make tables`)",
          arguments: ["ml-project", "ml-service", "notebook-project"])
    func upToDate(template: String) throws {
        let onDisk = try Self.filesOnDisk(template)
        let embedded = try #require(EmbeddedTemplates.files(of: template), "templates/\(template) is not compiled in: run `make tables`")
        let embeddedByPath = Dictionary(embedded.map { ($0.path, $0) }) { first, _ in first }
        #expect(embedded.count == embeddedByPath.count, "a path is compiled in twice")
        #expect(onDisk.keys.count > 5)
        for (path, file) in onDisk.sorted(by: { $0.key < $1.key }) {
            guard let copy = embeddedByPath[path] else {
                Issue.record("templates/\(template)/\(path) is not compiled in: run `make tables`")
                continue
            }
            // Name the file and its first differing line rather than print two copies of it.
            let line = Self.firstDifferingLine(copy.text, file.text)
            #expect(line == nil, "templates/\(template)/\(path) differs from the compiled-in copy from line \(line ?? 0): run `make tables`")
            #expect(copy.executable == file.executable, "templates/\(template)/\(path): the executable bit differs from the compiled-in copy: run `make tables`")
        }
        for path in embeddedByPath.keys.sorted() where onDisk[path] == nil {
            Issue.record("templates/\(template)/\(path) is compiled in but no longer exists: run `make tables`")
        }
    }

    @Test("a compiled-in template loads like its folder, named <built-in>/NAME", arguments: ["ml-project", "ml-service", "notebook-project"])
    func loadsLikeTheFolder(template: String) throws {
        let folder = try Template.load(directory: Self.templatesFolder.appendingPathComponent(template).path)
        let embedded = try EmbeddedTemplates.load(template)
        #expect(embedded.directory == "<built-in>/\(template)")
        #expect(embedded.manifest.path == "<built-in>/\(template)/template.toml")
        let sameFiles = embedded.sources == folder.sources
        #expect(embedded.sources.map(\.path) == folder.sources.map(\.path))
        #expect(sameFiles, "templates/\(template) and its compiled-in copy differ: run `make tables`")
        var manifest = embedded.manifest
        manifest.path = folder.manifest.path
        #expect(manifest == folder.manifest)
        #expect(!embedded.sources.contains { $0.path == "template.toml" })
    }

    @Test func renderingTheCompiledInCopyGivesTheSameFiles() throws {
        let folder = try Template.load(directory: Self.templatesFolder.appendingPathComponent("ml-service").path)
        let embedded = try EmbeddedTemplates.load("ml-service")
        let values = ["package": "svc", "port": "9100"]
        let files = try TemplateRenderer().render(embedded, values: values)
        #expect(files == (try TemplateRenderer().render(folder, values: values)))
        #expect(files.contains { $0.path == "src/svc/main.py" })
    }

    @Test func anUnknownNameIsNotFound() {
        #expect(EmbeddedTemplates.files(of: "nope") == nil)
        #expect(throws: DiagnosticError.self) { try EmbeddedTemplates.load("nope") }
    }

    @Test func manifestErrorsOfInMemoryFilesAreLocatedInTheirFolder() throws {
        let files = [TemplateSource(path: "template.toml", text: "description = \"no name\"\n"), TemplateSource(path: "a.txt", text: "a")]
        do {
            _ = try Template.load(files: files, directory: "<built-in>/broken")
            Issue.record("a manifest without a name loaded")
        } catch {
            #expect(error.diagnostic.id == "template.invalid-manifest")
            #expect(error.diagnostic.location?.path == "<built-in>/broken/template.toml")
        }
        do {
            _ = try Template.load(files: [TemplateSource(path: "a.txt", text: "a")], directory: "mem")
            Issue.record("files without a manifest loaded")
        } catch {
            #expect(error.diagnostic.id == "template.not-found")
        }
    }

    @Test("the catalog lists folders first and the compiled-in templates last, only on the standard path")
    func catalogFallsBackToTheCompiledInCopies() throws {
        let root = try PackagePaths.temporaryDirectory(prefix: "nbship-emit")
        defer { try? FileManager.default.removeItem(at: root) }
        try EmitTestSupport.writeTemplate(
            at: root.appendingPathComponent("ml-project"), manifest: "name = \"ml-project\"\ndescription = \"mine\"\n", files: ["x.txt": "x\n"])
        let withEmbedded = TemplateCatalog(searchPath: TemplateSearchPath(folders: [root.path], includesEmbedded: true))
        #expect(withEmbedded.entries.map(\.name) == ["ml-project", "ml-service", "notebook-project"])
        // The folder's ml-project hides the compiled-in one.
        let mine = try #require(withEmbedded.entries.first)
        #expect(mine.description == "mine" && !mine.isEmbedded)
        #expect(try withEmbedded.template(named: "ml-project").sources.map(\.path) == ["x.txt"])
        let service = try #require(withEmbedded.entries.first { $0.name == "ml-service" })
        #expect(service.isEmbedded && service.directory == "<built-in>/ml-service")
        #expect(service.description.hasPrefix("A model behind a FastAPI service"))
        #expect(withEmbedded.entries.last?.kind == .convert)
        #expect(try withEmbedded.template(named: "ml-service").directory == "<built-in>/ml-service")
        #expect(withEmbedded.searchedDescription == "\(root.path), the templates built into nbship")

        let onlyFolder = TemplateCatalog(searchPath: TemplateSearchPath(folders: [root.path]))
        #expect(onlyFolder.entries.map(\.name) == ["ml-project"])
        do {
            _ = try onlyFolder.template(named: "ml-service")
            Issue.record("ml-service found outside the search path")
        } catch {
            #expect(error.diagnostic.notes == ["available: ml-project", "searched: \(root.path)"])
        }
    }

    @Test func theStandardPathEndsWithTheCompiledInCopiesAndCanSkipTheSourceTree() {
        let standard = TemplateSearchPath.standard(explicit: nil, environment: [:], executable: "/opt/x/bin/nbship")
        #expect(standard.folders == ["/opt/x/share/nbship/templates", "/opt/x/bin/templates", TemplateSearchPath.sourceTreeTemplates])
        #expect(standard.includesEmbedded)
        let hidden = TemplateSearchPath.standard(explicit: nil, environment: ["NBSHIP_NO_SOURCE_TEMPLATES": "1", "NBSHIP_TEMPLATES": "/a:/b"], executable: nil)
        #expect(hidden.folders == ["/a", "/b"])
        #expect(hidden.includesEmbedded)
        let explicit = TemplateSearchPath.standard(explicit: "/mine", environment: [:], executable: nil)
        #expect(explicit == TemplateSearchPath(folders: ["/mine"], includesEmbedded: false))
    }
}

/// `scripts/embed-templates.py` itself, run on a scratch template folder.
@Suite(.enabled(if: TestPython.canImport([])))
struct EmbedTemplatesScriptTests {
    static let script = PackagePaths.root.appendingPathComponent("scripts/embed-templates.py").path

    @Test func keepsExecutableBitsAndAwkwardTextAndNamesStaleFiles() throws {
        let root = try PackagePaths.temporaryDirectory(prefix: "nbship-embed")
        defer { try? FileManager.default.removeItem(at: root) }
        let templates = root.appendingPathComponent("templates")
        let output = root.appendingPathComponent("Embedded")
        try EmitTestSupport.writeTemplate(
            at: templates.appendingPathComponent("lab-kit"), manifest: "name = \"lab-kit\"\n",
            files: ["bin/check": "#!/bin/sh\necho ok\n", "quote.py": "s = \"\"\"#\\#x\"\"\"##", "__pycache__/x.pyc": "junk"])
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: templates.appendingPathComponent("lab-kit/bin/check").path)
        let written = try TestPython.run([Self.script, "--templates", templates.path, "--output", output.path])
        #expect(written.status == 0, "\(written.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.path).sorted()
            == ["EmbeddedTemplateData+LabKit.swift", "EmbeddedTemplateData.swift"])
        let swift = try String(contentsOf: output.appendingPathComponent("EmbeddedTemplateData+LabKit.swift"), encoding: .utf8)
        #expect(swift.contains("static let labKit: [TemplateSource] = ["))
        #expect(swift.contains("path: #\"bin/check\"#,\n            text: #\"\"\"\n#!/bin/sh\necho ok\n\n\"\"\"#,\n            executable: true\n"))
        // The delimiter grows past every `"""#` and `\#` in the text; no final newline is kept as none.
        #expect(swift.contains("text: ###\"\"\"\ns = \"\"\"#\\#x\"\"\"##\n\"\"\"###,\n            executable: false\n"), "\(swift)")
        #expect(!swift.contains("pyc"))
        #expect(try TestPython.run([Self.script, "--check", "--templates", templates.path, "--output", output.path]).status == 0)

        try "echo changed\n".write(to: templates.appendingPathComponent("lab-kit/bin/check"), atomically: true, encoding: .utf8)
        let stale = try TestPython.run([Self.script, "--check", "--templates", templates.path, "--output", output.path])
        #expect(stale.status == 1)
        #expect(stale.stderr.contains("EmbeddedTemplateData+LabKit.swift"), "\(stale.stderr)")
        #expect(!stale.stderr.contains("EmbeddedTemplateData.swift,"))
    }
}
