import Convert
import Requirements
import Foundation
import Testing
import TestSupport

/// The whole generated project of three notebooks, byte for byte (re-record with
/// `NBSHIP_RECORD_GOLDEN=1`), and the same bytes on every run.
@Suite struct ConvertGoldenTests {
    static let cases: [(notebook: String, golden: String)] = [
        ("fixtures/demo/churn.ipynb", "fixtures/convert/churn.txt"),
        ("../shared/corpus/notebooks/edge-cases/edge_inplace_mutation.ipynb", "fixtures/convert/edge_inplace_mutation.txt"),
        ("../shared/corpus/notebooks/edge-cases/edge_global_in_function.ipynb", "fixtures/convert/edge_global_in_function.txt"),
        ("../shared/corpus/notebooks/edge-cases/edge_star_import.ipynb", "fixtures/convert/edge_star_import.txt"),
        ("../shared/corpus/notebooks/scikit-learn-mooc/notebooks/02_numerical_pipeline_introduction.ipynb", "fixtures/convert/numerical_pipeline.txt"),
    ]

    static var available: Bool { ConvertSupport.template != nil && FileManager.default.fileExists(atPath: PackagePaths.corpus.path) }

    @Test(.enabled(if: available), arguments: cases.map(\.notebook))
    func projectMatchesGolden(notebook: String) throws {
        let golden = try #require(Self.cases.first { $0.notebook == notebook }).golden
        let project = try ConvertSupport.convert(notebook)
        let actual = ConvertSupport.dump(project)
        let expected = try GoldenFile(relativeToRoot: golden).expected(for: actual)
        #expect(actual == expected, "\(notebook) differs from \(golden); re-record with NBSHIP_RECORD_GOLDEN=1 if intended")
        #expect(ConvertSupport.dump(try ConvertSupport.convert(notebook)) == actual, "two conversions differ")
    }

    @Test(.enabled(if: available)) func everyRequirementIsAnExactPin() throws {
        for (notebook, _) in Self.cases {
            let project = try ConvertSupport.convert(notebook)
            let pins = project.requirements.runtime + project.requirements.explore + project.requirements.dev
            #expect(!pins.isEmpty)
            for pin in pins {
                #expect(pin.line.range(of: #"^[A-Za-z0-9._-]+(\[[^\]]+\])?==[0-9][^ ,;]*$"#, options: .regularExpression) != nil,
                        "\(notebook): '\(pin.line)' is not name==version")
            }
            let requirements = try #require(project.files.first { $0.path == "requirements.txt" })
            let lines = requirements.contents.split(separator: "\n").filter { !$0.hasPrefix("#") }
            #expect(lines.map(String.init) == project.requirements.runtime.map(\.line))
            #expect(lines.map { $0.lowercased() } == lines.map { $0.lowercased() }.sorted(), "requirements.txt is sorted")
        }
    }
}

/// A data file over the copy limit is referenced, not copied, and the project says so.
@Suite struct ConvertCopyLimitTests {
    @Test(.enabled(if: ConvertSupport.template != nil)) func largeDataFilesAreReferencedNotCopied() throws {
        let copied = try ConvertSupport.convert("fixtures/demo/churn.ipynb")
        #expect(copied.copies.map(\.path) == ["data/churn.csv"])
        let readme = try #require(copied.files.first { $0.path == "README.md" }).contents
        #expect(readme.contains("- `data/churn.csv` (copied from data/churn.csv, "))

        let referenced = try ConvertSupport.convert("fixtures/demo/churn.ipynb", options: ConvertOptions(pythonVersion: PythonVersion(3, 11), copyLimit: 100))
        #expect(referenced.copies.isEmpty)
        #expect(referenced.diagnostics.contains { $0.id == "convert.data-not-copied" && $0.severity == .warning })
        let note = try #require(referenced.files.first { $0.path == "README.md" }).contents
        #expect(note.contains("- `data/churn.csv` (not copied: "), "\(note)")
    }
}
