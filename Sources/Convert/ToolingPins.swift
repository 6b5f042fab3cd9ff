import Requirements

/// The distributions generated code imports beyond the notebook's own: the serving API's
/// and the tests'. Their versions come from the `--python` environment like every other
/// import; when that environment lacks one, the version below (known to work together, and
/// with the generated code) is used instead of failing.
enum ToolingPins {
    /// Import name → fallback pin, for the serving API (runtime).
    static let serving: [(module: String, pin: String)] = [
        ("fastapi", "fastapi==0.115.6"),
        ("prometheus_client", "prometheus-client==0.26.0"),
        ("pydantic", "pydantic==2.10.4"),
        ("uvicorn", "uvicorn==0.54.0"),
    ]
    /// Import name → fallback pin, for loading a joblib artifact (runtime, only then).
    static let joblib = (module: "joblib", pin: "joblib==1.4.2")
    /// The linter the generated CI workflow runs (the version nbship's own tests run).
    static let ruff = "ruff==0.17.5"
    /// Import name → fallback pin, for the tests (the `dev` extra).
    static let dev: [(module: String, pin: String)] = [
        ("httpx", "httpx==0.28.1"),
        ("pytest", "pytest==8.3.4"),
    ]
}
