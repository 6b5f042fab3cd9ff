import Foundation
import TestSupport
import Testing

/// `nbship plan` output for chosen notebooks, compared byte for byte with golden files in
/// fixtures/golden/plan. Re-record on purpose with
/// `NBSHIP_RECORD_GOLDEN=1 swift test --filter PlanGoldenTests`.
@Suite struct PlanGoldenTests {
    static let cases: [(notebook: String, golden: String)] = [
        ("fixtures/demo/churn.ipynb", "churn"),
        ("fixtures/lowering/magics.ipynb", "magics"),
        ("../shared/corpus/notebooks/edge-cases/messy_teaching.ipynb", "messy_teaching"),
        ("../shared/corpus/notebooks/edge-cases/messy_teaching_headings.ipynb", "messy_teaching_headings"),
        ("../shared/corpus/notebooks/edge-cases/edge_inplace_mutation.ipynb", "edge_inplace_mutation"),
        ("../shared/corpus/notebooks/edge-cases/edge_global_in_function.ipynb", "edge_global_in_function"),
        ("../shared/corpus/notebooks/scikit-learn-mooc/notebooks/cross_validation_grouping.ipynb", "cross_validation_grouping"),
        ("../shared/corpus/notebooks/statsmodels/examples/notebooks/glm_formula.ipynb", "glm_formula"),
    ]

    @Test(arguments: cases.map(\.notebook), ["text", "json"])
    func planMatchesItsGoldenFile(notebook: String, format: String) throws {
        let name = try #require(Self.cases.first { $0.notebook == notebook }?.golden)
        let result = try NBShip.run(["plan", "--format", format, notebook])
        #expect(result.status == 0, "\(result.stderr)")
        let golden = GoldenFile(PackagePaths.fixture("golden/plan/\(name).\(format == "json" ? "json" : "txt")"))
        let expected = try golden.expected(for: result.stdout)
        #expect(result.stdout == expected, "plan output changed; re-record on purpose with NBSHIP_RECORD_GOLDEN=1")
    }

    @Test func planIsByteIdenticalAcrossRuns() throws {
        let first = try NBShip.run(["plan", "--format", "json", "fixtures/demo/churn.ipynb"])
        let second = try NBShip.run(["plan", "--format", "json", "fixtures/demo/churn.ipynb"])
        #expect(first.stdout == second.stdout)
        #expect(!first.stdout.isEmpty)
    }
}
