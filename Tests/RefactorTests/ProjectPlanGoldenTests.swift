import Foundation
import Testing
@testable import Refactor

/// The whole ProjectPlan (and its diagnostics) of chosen notebooks as JSON, compared byte for
/// byte with fixtures/project/*.json. Re-record on purpose with
/// `NBSHIP_RECORD_GOLDEN=1 swift test --filter ProjectPlanGoldenTests`.
@Suite struct ProjectPlanGoldenTests {
    static let cases: [(notebook: String, golden: String)] = [
        ("fixtures/demo/churn.ipynb", "churn"),
        ("../shared/corpus/notebooks/edge-cases/edge_inplace_mutation.ipynb", "edge_inplace_mutation"),
        ("../shared/corpus/notebooks/edge-cases/edge_global_in_function.ipynb", "edge_global_in_function"),
        ("../shared/corpus/notebooks/edge-cases/edge_class_and_magic.ipynb", "edge_class_and_magic"),
        ("../shared/corpus/notebooks/edge-cases/edge_star_import.ipynb", "edge_star_import"),
        ("../shared/corpus/notebooks/edge-cases/messy_teaching.ipynb", "messy_teaching"),
        ("../shared/corpus/notebooks/edge-cases/messy_teaching_headings.ipynb", "messy_teaching_headings"),
    ]

    @Test(arguments: cases.map(\.notebook))
    func planMatchesGolden(notebook: String) throws {
        let name = try #require(Self.cases.first { $0.notebook == notebook }?.golden)
        let (plan, diagnostics) = try ProjectSupport.plan(file: notebook)
        let json = try ProjectPlanJSON.encode(plan, diagnostics: diagnostics)
        let golden = ProjectSupport.packageRoot + "/fixtures/project/\(name).json"
        if ProcessInfo.processInfo.environment["NBSHIP_RECORD_GOLDEN"] != nil {
            try json.write(toFile: golden, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOfFile: golden, encoding: .utf8)
        #expect(json == expected, "re-record with NBSHIP_RECORD_GOLDEN=1 if the change is intended")
    }

    @Test(arguments: cases.map(\.notebook))
    func planningTwiceGivesTheSamePlan(notebook: String) throws {
        let first = try ProjectSupport.plan(file: notebook)
        let second = try ProjectSupport.plan(file: notebook)
        #expect(first.0 == second.0)
        #expect(first.1 == second.1)
        #expect(try ProjectPlanJSON.encode(first.0, diagnostics: first.1) == ProjectPlanJSON.encode(second.0, diagnostics: second.1))
    }
}
