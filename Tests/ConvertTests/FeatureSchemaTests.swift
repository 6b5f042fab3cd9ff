import Foundation
import Refactor
import Testing
import TestSupport
@testable import Convert

/// The serving API's typed request: features followed back from the model input.
@Suite struct FeatureSchemaTests {
    @Test func churnFeaturesComeFromTheLiteralListAndTheCSV() throws {
        var plan = try ConvertSupport.convert("fixtures/demo/churn.ipynb").plan
        plan.modelInput = ModelInput(name: "X_train", providedBy: "load_data", run: PipelineRun(imports: [], lines: []))
        let csv = PackagePaths.root.appendingPathComponent("fixtures/demo/data/churn.csv").path
        let schema = try #require(FeatureSchema.find(in: plan, csvFiles: [csv]))
        #expect(schema.features.map(\.column) == ["tenure_years", "monthly_charges", "support_calls"])
        #expect(schema.features.map(\.type) == ["Any", "float", "float"], "tenure_years is computed, so its type is unknown")
    }

    @Test func followsTupleAssignmentsAndNamesNeedingAliases() {
        #expect(FeatureSchema.stringList(#"["Culmen Length (mm)", 'Culmen Depth (mm)']"#) == ["Culmen Length (mm)", "Culmen Depth (mm)"])
        #expect(FeatureSchema.stringList(#"["a", b]"#) == nil, "a name inside the list is not a literal")
        #expect(FeatureSchema.stringList(#"["a\"b"]"#) == nil)
        let statements = PythonStatements.split("    cols = [\"x y\",\n        \"z\"]\n    data, target = df[cols], df[\"t\"]\n    if True:\n        data = 1\n")
        #expect(statements == ["cols = [\"x y\", \"z\"]", "data, target = df[cols], df[\"t\"]", "if True:"])
        #expect(PythonStatements.assignmentSplit("a == b") == nil)
        #expect(PythonStatements.assignmentSplit("x += 1") == nil)
        #expect(PythonStatements.assignmentSplit("f(a=1)") == nil)
        #expect(PythonStatements.topLevelSplit("df[cols], df[\"t, u\"], g(1, 2)") == ["df[cols]", "df[\"t, u\"]", "g(1, 2)"])
    }

    @Test func unknownWhenTheColumnsAreComputed() throws {
        var plan = try ConvertSupport.convert("../shared/corpus/notebooks/edge-cases/edge_inplace_mutation.ipynb").plan
        plan.modelInput = ModelInput(name: "df", providedBy: "load_data", run: PipelineRun(imports: [], lines: []))
        #expect(FeatureSchema.find(in: plan, csvFiles: []) == nil)
    }
}
