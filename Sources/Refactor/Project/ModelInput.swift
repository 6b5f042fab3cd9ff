/// The inputs the trained model (``ProjectPlan/artifacts``' first) is fitted on (`X_train` in
/// `model.fit(X_train, y_train)`, `X` in `sm.OLS(y, X).fit()`, `df` in
/// `smf.ols(formula, data=df).fit()`): generated tests and the serving API take a few rows of
/// it as a sample of what the model accepts.
public struct ModelInput: Sendable, Equatable, Codable {
    /// The variable (`X_train`).
    public var name: String
    /// The stage function that returns it (`load_data`).
    public var providedBy: String
    /// How to compute it from scratch: the imports (`from .data import load_data`) and the
    /// lines (`X_test, X_train, y_test, y_train = load_data()`) after which `name` holds it.
    public var run: PipelineRun

    /// Creates a model input.
    /// - Parameters:
    ///   - name: The variable.
    ///   - providedBy: The function that returns it.
    ///   - run: The imports and lines that compute it.
    public init(name: String, providedBy: String, run: PipelineRun) {
        self.name = name
        self.providedBy = providedBy
        self.run = run
    }
}
