import Diagnostics

/// Where installed versions come from: a Python environment, or a fixed table in tests.
///
/// The resolver asks once per notebook, with every name it needs, so a real implementation
/// can answer with a single interpreter run.
public protocol DistributionEnvironment: Sendable {
    /// Looks up installed distributions and the distributions that provide modules.
    /// - Parameter query: The distributions and modules of interest.
    /// - Returns: What is installed.
    /// - Throws: ``DiagnosticError`` when the environment cannot be inspected.
    func inspect(_ query: EnvironmentQuery) throws(DiagnosticError) -> EnvironmentSnapshot
}
