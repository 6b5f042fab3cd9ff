import Testing
@testable import Refactor

/// `prepare_features`: the notebook's own statements from the raw frame to the model input.
@Suite struct FeaturePreparationTests {
    @Test func theDemoDerivesItsColumnAndSelectsItsFeatures() throws {
        let (plan, _) = try ProjectSupport.plan(file: "fixtures/demo/churn.ipynb")
        let preparation = try #require(plan.featurePreparation)
        #expect(preparation.rawName == "df")
        #expect(preparation.dataFile == "DATA_PATH")
        #expect(preparation.targetColumn == "churned")
        #expect(preparation.signature == "def prepare_features(df):")
        #expect(preparation.body == """
                df = df.copy()
                df["tenure_years"] = df["tenure_months"] / 12
                df.dropna(inplace=True)
                features = ["tenure_years", "monthly_charges", "support_calls"]
                X = df[features]
                X_train = X
                return X_train

            """)
    }

    @Test func aSavedTransformerIsAppliedNotRefittedAndTheLabelIsNotNeeded() throws {
        let (plan, _) = ProjectSupport.plan(cells: [
            "import pandas as pd\nfrom sklearn.preprocessing import StandardScaler\nfrom sklearn.linear_model import LogisticRegression\nfrom sklearn.model_selection import train_test_split",
            "## Load data",
            "df = pd.read_csv('data/x.csv')\ndf['label'] = df['label'].map({'y': 1, 'n': 0})\ndf['ratio'] = df['a'] / df['b']\nX = df.drop('label', axis=1)\ny = df['label']",
            "scaler = StandardScaler()\nX_scaled = scaler.fit_transform(X)\nX_train, X_test, y_train, y_test = train_test_split(X_scaled, y, random_state=0)",
            "## Train", "model = LogisticRegression()\nmodel.fit(X_train, y_train)",
            "## Predict", "print(model.predict(scaler.transform(X.head())))",
        ])
        let preparation = try #require(plan.featurePreparation)
        #expect(preparation.targetColumn == "label")
        #expect(preparation.artifacts == ["scaler"])
        #expect(preparation.signature == "def prepare_features(df, scaler):")
        #expect(preparation.body.contains("X = df.drop('label', axis=1, errors=\"ignore\")"), "\(preparation.body)")
        #expect(preparation.body.contains("X_scaled = scaler.transform(X)"))
        #expect(!preparation.body.contains("map({'y'"), "the label's own encoding is not replayed")
        #expect(plan.artifacts.map(\.name) == ["model", "scaler"])
    }

    @Test func aTransformerThatIsNotSavedMeansNoPreparation() throws {
        let (plan, _) = ProjectSupport.plan(cells: [
            "import pandas as pd\nfrom sklearn.preprocessing import StandardScaler\nfrom sklearn.linear_model import LogisticRegression",
            "## Load data",
            "df = pd.read_csv('data/x.csv')\nX = StandardScaler().fit_transform(df[['a']])\nscaler = StandardScaler()\nX = scaler.fit_transform(df[['a', 'b']])\ny = df['label']",
            "## Train", "model = LogisticRegression()\nmodel.fit(X, y)",
        ])
        #expect(plan.artifacts.map(\.name) == ["model"])
        #expect(plan.featurePreparation == nil)
    }

    @Test func featureCodeThatChoosesRowsByTheLabelMeansNoPreparation() throws {
        let (plan, _) = ProjectSupport.plan(cells: [
            "import pandas as pd\nfrom sklearn.linear_model import LogisticRegression",
            "## Load data",
            "df = pd.read_csv('data/x.csv')\ndf = df.set_index('species').loc[['a', 'b']].reset_index()\nX = df[['w']]\ny = df['species']",
            "## Train", "model = LogisticRegression()\nmodel.fit(X, y)",
        ])
        #expect(plan.artifacts.map(\.name) == ["model"])
        #expect(plan.featurePreparation == nil)
    }
}
