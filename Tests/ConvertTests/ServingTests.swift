import Foundation
import Testing
import TestSupport

/// The served API of a converted project, run as a user runs it: `python -m PKG.serve` (a real
/// uvicorn, two workers) on 127.0.0.1, driven by `serve_checks.py`, which checks start-up
/// readiness (missing, corrupt, then present model), liveness, one row and batches, the
/// MAX_ROWS and body-size limits, 422s naming the field, request ids, one JSON log line per
/// request, the OpenAPI example and response schema, multiprocess metrics, and SIGTERM
/// finishing a request in flight. Every wait in the driver is bounded.
@Suite(.serialized) struct ServingTests {
    static let hasStack = TestPython.canImport("pandas", "sklearn", "fastapi", "uvicorn", "prometheus_client", "joblib")
    static let driver = PackagePaths.root.appendingPathComponent("Tests/ConvertTests/serve_checks.py")

    /// A port for this run, apart from other suites' (and other runs').
    static let port = 30000 + Int(getpid() % 5000)

    @Test(.enabled(if: hasStack, "needs NBSHIP_TEST_PYTHON with pandas, scikit-learn, FastAPI, uvicorn and prometheus-client"),
          .timeLimit(.minutes(10)))
    func theServedAPIBehavesAsDocumented() throws {
        let (project, package) = try GeneratedProjectTests.convert("fixtures/demo/churn.ipynb")
        defer { try? FileManager.default.removeItem(at: project.deletingLastPathComponent()) }
        let environment = ["MPLBACKEND": "Agg", "PYTHONPATH": project.appendingPathComponent("src").path]
        let train = try TestPython.run(["-m", "\(package).train"], in: project, environment: environment)
        try #require(train.status == 0, "\(train.stderr.suffix(2000))")
        // The first records of the data file as a client sends them (without the label).
        let rows = try TestPython.run(["-c", """
            import json, pandas as pd
            frame = pd.read_csv("data/churn.csv").head(5).drop(columns=["churned"])
            print(frame.to_json(orient="records"))
            """], in: project)
        try #require(rows.status == 0, "\(rows.stderr)")

        let run = try TestPython.run([Self.driver.path, project.path, package, String(Self.port), rows.stdout.trimmingCharacters(in: .whitespacesAndNewlines)],
                                     in: project)
        try #require(run.status == 0, "serve_checks.py failed\n\(run.stdout.suffix(3000))\n\(run.stderr.suffix(3000))")
        let checks = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        #expect(checks.count >= 30, "\(checks.count) checks ran")
        for check in checks {
            #expect(check["ok"] as? Bool == true, "\(check["check"] ?? "?"): \(check["detail"] ?? "")")
        }
    }
}
