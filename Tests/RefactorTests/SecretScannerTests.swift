import Testing
@testable import Refactor

@Suite struct SecretScannerTests {
    private func scan(_ source: String) -> [String] {
        var nb = AnalysisBuilder()
        nb.code(source)
        return SecretScanner().scan(nb.analysis()).map(\.message)
    }

    @Test(arguments: [
        ("aws = 'AKIAIOSFODNN7EXAMPLE'", "an AWS access key id"),
        ("tok = \"ghp_" + String(repeating: "a1B2", count: 9) + "\"", "a GitHub token"),
        ("client = OpenAI(api_key=\"sk-proj-abcdefghijklmnopqrstuvwx\")", "an OpenAI API key"),
        ("url = 'postgresql://admin:hunter22@db:5432/x'", "a password in a URL"),
        ("DB_PASSWORD = 's3cr3t-Pa55'", "a literal assigned to 'DB_PASSWORD'"),
        ("config = {'api_key': 'abcd1234efgh5678'}", "a literal assigned to 'api_key'"),
    ])
    func findsSecrets(source: String, what: String) {
        let messages = scan(source)
        #expect(messages.count == 1)
        #expect(messages.first?.contains(what) == true)
    }

    @Test(arguments: [
        "api_key = os.environ['API_KEY']",
        "password = 'your_password_here'",
        "token = '<TOKEN>'",
        "API_KEY = ''",
        "tokenizer = AutoTokenizer.from_pretrained('bert-base-uncased')",
        "n_tokens = 'xxxxxxxxxxxx'",
    ])
    func placeholdersAndLookupsAreNotSecrets(source: String) {
        #expect(scan(source).isEmpty)
    }

    @Test func theMessageDoesNotRepeatTheSecret() {
        let messages = scan("DB_PASSWORD = 's3cr3t-Pa55'")
        #expect(messages.first?.contains("s3cr3t-Pa55") == false)
        #expect(messages.first?.contains("s3cr… 11 characters") == true)
    }
}
