import Testing
@testable import Lint

@Suite struct FileKindTests {
    @Test(arguments: [
        ("requirements.txt", FileKind?.some(.requirements)), ("requirements-dev.txt", .requirements),
        ("dev-requirements.txt", .requirements), ("requirements/base.txt", .requirements),
        ("constraints.txt", .requirements), ("notes.txt", nil), ("requirements.in", nil),
        ("requirements.lock", .requirements), ("requirements-prod.lock", .requirements), ("uv.lock", nil), ("poetry.lock", nil),
        ("pyproject.toml", .pyproject), (".nbship.toml", nil), ("analysis.ipynb", .notebook),
        ("docker-compose.yml", .compose), ("docker-compose.prod.yaml", .compose), ("compose.yaml", .compose),
        ("k8s/deploy.yaml", .kubernetes), ("chart/templates/svc.yml", .kubernetes), ("README.md", nil),
        ("Dockerfile", .dockerfile), ("api.Dockerfile", .dockerfile), ("Containerfile.ci", .dockerfile),
    ])
    func kindsByName(_ path: String, _ kind: FileKind?) {
        #expect(FileKind.detect(path: path) == kind)
    }
}
