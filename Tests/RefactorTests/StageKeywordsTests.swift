import Testing
@testable import Refactor

@Suite struct StageKeywordsTests {
    @Test(arguments: [
        ("Exploratory data analysis", Stage.explore),
        ("Model evaluation", .evaluate),
        ("Train/test split", .data),
        ("Import libraries", .setup),
        ("Importing the data", .data),
        ("Training the classifier", .train),
        ("Making predictions on new customers", .inference),
        ("Define the network", .model),
        ("Load and clean the dataset", .data),
        ("Hyperparameter tuning", .train),
        ("Visualizing the decision boundary", .explore),
    ])
    func headingTextMapsToStage(text: String, stage: Stage) {
        #expect(StageKeywords.stage(for: text)?.stage == stage)
    }

    @Test func untellingTextGivesNothing() {
        #expect(StageKeywords.stage(for: "Decision trees") == nil)
        #expect(StageKeywords.stage(for: "Introduction") == nil)
        // Statistics headings talk about parameters; papermill's `parameters` tag is what marks configuration.
        #expect(StageKeywords.stage(for: "OLS non-linear curve but linear in parameters") == nil)
        // "eda" is a whole word only.
        #expect(StageKeywords.stage(for: "Edamame") == nil)
    }
}
