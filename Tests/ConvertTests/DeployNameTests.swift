@testable import Convert
import Testing

/// Kubernetes names stay DNS labels whatever the notebook is called.
@Suite struct DeployNameTests {
    @Test(arguments: [
        ("churn", "churn"),
        ("nb-02-numerical-pipeline-introduction", "nb-02-numerical-pipeline-introduction"),
        (String(repeating: "very-long-", count: 8), "very-long-very-long-very-long-very-long-very-lo"),
        ("x" + String(repeating: "-", count: 50) + "y", "x"),
        ("-private", "app--private"),
    ])
    func namesAreShortLowerCaseLabels(distribution: String, expected: String) {
        let name = ProjectViewModel.deployName(distribution)
        #expect(name == expected)
        #expect(name.count <= 47 && name.range(of: "^[a-z]([-a-z0-9]*[a-z0-9])?$", options: .regularExpression) != nil, "\(name)")
    }
}
