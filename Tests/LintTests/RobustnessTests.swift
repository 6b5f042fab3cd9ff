import Foundation
import TestSupport
import Testing
@testable import Lint

/// The linter must never crash on odd input: every prefix of every rule example and fixture
/// file, and seeded random mutations of them, are linted as each file kind. (A crash takes the
/// test process down, which fails the run.)
@Suite struct RobustnessTests {
    static let kinds: [(FileKind, String)] = [
        (.dockerfile, "Dockerfile"), (.requirements, "requirements.txt"), (.pyproject, "pyproject.toml"),
        (.notebook, "nb.ipynb"), (.compose, "compose.yaml"), (.kubernetes, "k8s.yaml"),
    ]

    static var corpus: [String] {
        var texts = RuleRegistry.all.flatMap { rule in
            (rule.description.triggeringExamples + rule.description.nonTriggeringExamples)
                .flatMap(\.cells).map { $0.filter { $0 != RuleExample.marker } }
        }
        let fixtures = PackagePaths.fixture("lint/repo")
        for name in ["Dockerfile", "requirements.txt", "pyproject.toml", "deploy/docker-compose.yml", "k8s/app.yaml",
                     "notebooks/analysis.ipynb"] {
            if let text = try? String(contentsOf: fixtures.appendingPathComponent(name), encoding: .utf8) { texts.append(text) }
        }
        return texts
    }

    @Test(arguments: kinds.map(\.0))
    func everyPrefixLintsWithoutCrashing(_ kind: FileKind) {
        let path = Self.kinds.first { $0.0 == kind }?.1 ?? "x"
        let linter = Linter(configuration: LintConfiguration(strict: true))
        var linted = 0
        for text in Self.corpus {
            let characters = Array(text)
            for end in stride(from: 0, through: characters.count, by: max(1, characters.count / 40)) {
                _ = linter.lint(path: path, text: String(characters[..<end]), kind: kind, fileSystem: InMemoryFileSystem([:]))
                linted += 1
            }
        }
        #expect(linted > 1000)
    }

    @Test(arguments: kinds.map(\.0))
    func randomMutationsLintWithoutCrashing(_ kind: FileKind) {
        let path = Self.kinds.first { $0.0 == kind }?.1 ?? "x"
        let linter = Linter(configuration: LintConfiguration(strict: true))
        let alphabet = Array("\\\n\t \"'$`{}[]()<>=@:#%!-_./\\\\~^*,;|&abcXYZ019é")
        var generator = SplitMix64(seed: 0x6E62_7368_6970)
        for text in Self.corpus {
            var characters = Array(text)
            for _ in 0..<32 {
                guard !characters.isEmpty else { break }
                let position = Int(generator.next() % UInt64(characters.count))
                characters[position] = alphabet[Int(generator.next() % UInt64(alphabet.count))]
                _ = linter.lint(path: path, text: String(characters), kind: kind, fileSystem: InMemoryFileSystem([:]))
            }
        }
    }

    struct SplitMix64: RandomNumberGenerator {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}
