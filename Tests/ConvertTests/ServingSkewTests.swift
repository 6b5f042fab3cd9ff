import Foundation
import Testing
import TestSupport

/// The served API applies the notebook's own feature code to raw records (derived columns,
/// one-hot encoding with `get_dummies(drop_first=True)`, a fitted scaler), so one record sent
/// alone gets the prediction the trained pipeline gives that record within the whole data file.
@Suite struct ServingSkewTests {
    static let notebook = "fixtures/skew/passengers.ipynb"
    static let hasStack = TestPython.canImport("pandas", "sklearn", "fastapi", "httpx", "joblib", "matplotlib")

    static let check = """
        import json, sys
        import pandas as pd
        from fastapi.testclient import TestClient
        from passengers import config, serve
        from passengers.inference import load_model, prepare_features
        model = load_model(config.ARTIFACTS_DIR / "clf.joblib")
        scaler = load_model(config.ARTIFACTS_DIR / "scaler.joblib")
        raw = pd.read_csv(config.PASSENGERS_PATH)
        raw = raw[raw["Age"].notna()].head(20)
        whole = model.predict(prepare_features(pd.read_csv(config.PASSENGERS_PATH), scaler))
        expected = [int(whole[i]) for i in raw.index]
        client = TestClient(serve.app)
        records = json.loads(raw.drop(columns=["Survived"]).to_json(orient="records"))
        alone = []
        for record in records:
            response = client.post("/predict", json={"rows": [record]})
            assert response.status_code == 200, response.text
            alone.append(response.json()["predictions"][0])
        print(json.dumps({"expected": expected, "alone": alone}))
        """

    @Test(.enabled(if: hasStack))
    func oneRawRecordGetsTheSamePredictionAsInTheWholeData() throws {
        let (project, package) = try GeneratedProjectTests.convert(Self.notebook)
        defer { try? FileManager.default.removeItem(at: project.deletingLastPathComponent()) }
        #expect(package == "passengers")
        let inference = try String(contentsOf: project.appendingPathComponent("src/passengers/inference.py"), encoding: .utf8)
        #expect(inference.contains("def prepare_features(df, scaler):"))
        #expect(inference.contains("X_train_s = scaler.transform(X_train)"))
        let environment = ["MPLBACKEND": "Agg", "PYTHONPATH": project.appendingPathComponent("src").path]
        let train = try TestPython.run(["-m", "passengers.train"], in: project, environment: environment)
        #expect(train.status == 0, "\(train.stderr)")
        let result = try TestPython.run(["-W", "ignore", "-c", Self.check], in: project, environment: environment)
        #expect(result.status == 0, "\(result.stderr)")
        let line = try #require(result.stdout.split(separator: "\n").last)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: [Int]])
        #expect(report["expected"]?.count == 20)
        #expect(report["alone"] == report["expected"])
    }
}
