import Testing
@testable import Lint

@Suite struct PathPatternTests {
    @Test(arguments: [
        ("fixtures/", "fixtures/lint/Dockerfile", true),
        ("fixtures/", "./fixtures/a.ipynb", true),
        ("fixtures/", "src/fixtures/a.ipynb", false),
        ("templates/**", "templates/ml-project/Dockerfile", true),
        ("templates/**", "templatesX/Dockerfile", false),
        ("*.ipynb", "notebooks/deep/a.ipynb", true),
        ("docs/*", "docs/a/b/requirements.txt", true),
        ("requirements-dev.txt", "requirements-dev.txt", true),
        ("requirements-dev.txt", "sub/requirements-dev.txt", false),
    ])
    func patternsMatchRepositoryPaths(pattern: String, path: String, excluded: Bool) {
        #expect(PathPattern(pattern).matches(path) == excluded)
    }

    @Test func excludeIsReadFromTheConfiguration() throws {
        let configuration = try LintConfiguration.parse(toml: "exclude = [\"fixtures/\", \"*.lock\"]\n", path: ".nbship.toml")
        #expect(configuration.excluded == [PathPattern("fixtures/"), PathPattern("*.lock")])
    }

    @Test func excludeMustBeAListOfStrings() {
        #expect(throws: (any Error).self) {
            _ = try LintConfiguration.parse(toml: "exclude = \"fixtures/\"\n", path: ".nbship.toml")
        }
    }
}
