import Diagnostics
import Foundation
import TestSupport
import Testing
@testable import Lint

/// Runs every row of `../shared/corpus/lint-cases.tsv` (cases from hadolint, trivy, kube-linter
/// and distribution/reference) through nbship.
///
/// A row's verdict is the peer's: `DL3006` means the peer raised DL3006 and nbship must raise a
/// rule that lists DL3006 among its equivalents (and nothing else); `none (DL3013 not raised)` /
/// `none` mean nbship must raise nothing. Where nbship deliberately differs, the row is listed in
/// ``deviations`` with what nbship reports and why; the peer's own claim (that its rule is not
/// raised) is still checked there.
@Suite struct LintCasesTests {
    struct Row: Sendable, CustomTestStringConvertible {
        var number: Int
        var source: String
        var kind: String
        var snippet: String
        var expected: String
        var testDescription: String {
            let base = "row \(number) [\(kind)] \(source.split(separator: "[").first ?? "")"
            if let deviation = LintCasesTests.deviations[snippet] {
                let verdict = deviation.peerWrong ? "peer wrong, nbship reports" : "peer holds, nbship also reports"
                return base + " — \(verdict) \(deviation.nbship.sorted()): \(deviation.why)"
            }
            if let realisation = LintCasesTests.realisations[snippet] {
                return base + " — peer wrong, nbship reports \(realisation.verdict.sorted()): \(realisation.why)"
            }
            return base
        }
    }

    /// nbship's verdict where it differs from the peer's, with the reason.
    struct Deviation: Sendable {
        var nbship: Set<String>
        /// `true` when the peer's verdict itself is wrong; `false` when it holds and nbship
        /// reports something more (under another rule).
        var peerWrong = false
        var why: String
    }

    static let corpus = PackagePaths.corpus.appendingPathComponent("lint-cases.tsv")

    static let rows: [Row] = {
        guard let text = try? String(contentsOf: corpus, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").dropFirst().enumerated().compactMap { index, line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 4 else { return nil }
            return Row(number: index + 2, source: fields[0], kind: fields[1], snippet: unescape(fields[2]), expected: fields[3])
        }
    }()

    static func unescape(_ text: String) -> String {
        var result = ""
        var iterator = text.makeIterator()
        while let character = iterator.next() {
            guard character == "\\", let next = iterator.next() else {
                result.append(character)
                continue
            }
            switch next {
            case "n": result.append("\n")
            case "t": result.append("\t")
            default: result.append(next)
            }
        }
        return result
    }

    static let deviations: [String: Deviation] = [
        "FROM ruby@sha256:f1dbca0f5dbc9": Deviation(
            nbship: ["image.invalid-reference"],
            why: "hadolint accepts a 13-digit sha256; Docker rejects it (sha256 needs 64 hex digits), so nbship "
                + "reports an invalid reference; DL3006 is still not raised"),
        "FROM ${VALUE}": Deviation(
            nbship: ["image.unresolvable"],
            why: "VALUE is never declared, so the base image is unknowable from the repository; nbship says so "
                + "instead of staying silent; DL3006 is still not raised"),
        "FROM alpine:3.5\nARG IMAGE=alpine:3.12\nFROM $IMAGE": Deviation(
            nbship: ["image.unresolvable"], peerWrong: true,
            why: "trivy applies the ARG to the next FROM, but an ARG after the first FROM belongs to that stage and "
                + "Docker never expands it in a FROM; IMAGE is unset there and the build fails ('base name should "
                + "not be blank'), so nbship reports the reference unresolvable; DS001 is still not raised"),
        "FROM alpine:3.5\nARG IMAGE=all-in-one\nFROM $IMAGE": Deviation(
            nbship: ["image.unresolvable"], peerWrong: true,
            why: "trivy raises DS001 for 'all-in-one' untagged, but the stage-local ARG never reaches the FROM "
                + "(see the row above): the reference is unset, which nbship reports as unresolvable"),
        "ARG TAG\nFROM foo:${TAG}": Deviation(
            nbship: ["image.unresolvable"],
            why: "trivy passes it, but with TAG unset the reference is 'foo:', which fails, and any tag comes "
                + "from outside the repository; nbship reports it unresolvable rather than pinned"),
    ]

    /// Rows whose snippet is not a literal file, with the file nbship lints instead.
    static let realisations: [String: (file: String, verdict: Set<String>, why: String)] = [
        "ARG TAG=test\n(stage-local) ARG TAG=latest\nFROM foo:${TAG}\nFROM bar:${TAG}": (
            "ARG TAG=test\nFROM foo:${TAG}\nARG TAG=latest\nFROM bar:${TAG}", [],
            "the row is trivy's model annotated '(stage-local)'; the only Dockerfile with a stage-local "
                + "'ARG TAG=latest' puts it inside a stage, where Docker never lets it reach a FROM, so both "
                + "FROMs use the global 'test': trivy's 'DS001 once, for foo' is wrong and nbship reports nothing"),
    ]

    /// What distribution/reference says of each `image-ref` row: the canonical form, or the error.
    static let references: [String: Result<String, ImageReferenceError>] = [
        "test.com:5000": .success("docker.io/library/test.com:5000"),
        "test:5000/repo": .success("test:5000/repo:latest"),
        "test:5000/repo:tag": .success("test:5000/repo:tag"),
        "test:5000/repo:tag@sha256:ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff":
            .success("test:5000/repo:tag@sha256:ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"),
        ":justtag": .failure(.invalidFormat("missing repository name")),
        "repo@sha256:ffffffffffffffffffffffffffffffffff": .failure(.invalidDigestLength(algorithm: "sha256", expected: 64, actual: 34)),
        "Uppercase:tag": .failure(.nameContainsUppercase),
        "lowercase:Uppercase": .success("docker.io/library/lowercase:Uppercase"),
        "192.168.1.1:5000/repo:5050": .success("192.168.1.1:5000/repo:5050"),
        "[2001:db8::1]:5000/repo:tag": .success("[2001:db8::1]:5000/repo:tag"),
        "[fe80::1%eth0]:5000/repo": .failure(.invalidFormat("invalid registry host '[fe80::1%eth0]:5000'")),
        "b.gcr.io/test.example.com/my-app:test.example.com": .success("b.gcr.io/test.example.com/my-app:test.example.com"),
        "localhost/img": .success("localhost/img:latest"),
        "nginx": .success("docker.io/library/nginx:latest"),
        "index.docker.io/ubuntu:latest": .success("docker.io/library/ubuntu:latest"),
    ]

    @Test func corpusIsPresentAndComplete() {
        #expect(Self.rows.count == 143, "read \(Self.rows.count) rows from \(Self.corpus.path)")
    }

    @Test(arguments: rows)
    func row(_ row: Row) throws {
        switch row.kind {
        case "image-ref":
            let expected = try #require(Self.references[row.snippet], "no expectation for image-ref '\(row.snippet)'")
            switch expected {
            case .success(let canonical):
                #expect(try ImageReference.parse(row.snippet).canonical == canonical)
            case .failure(let error):
                #expect(throws: error) { try ImageReference.parse(row.snippet) }
            }
        case "Dockerfile", "kubernetes":
            try lintRow(row)
        default:
            Issue.record("unknown file kind '\(row.kind)'")
        }
    }

    func lintRow(_ row: Row) throws {
        var file = row.snippet
        var verdictOverride: Set<String>?
        if let realisation = Self.realisations[row.snippet] {
            file = realisation.file
            verdictOverride = realisation.verdict
        }
        let path: String
        if row.kind == "kubernetes" {
            path = "pod.yaml"
            file = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: t\nspec:\n  containers:\n  - name: c\n    " + file + "\n"
        } else {
            path = "Dockerfile"
        }
        // The OS package rules are opt-in in nbship; the hadolint rows test them, so turn them on.
        let configuration = LintConfiguration(enabled: ["apt.unpinned", "apk.unpinned", "npm.unpinned"])
        let report = Linter(configuration: configuration)
            .lint(path: path, text: file, kind: path == "Dockerfile" ? .dockerfile : .kubernetes, fileSystem: InMemoryFileSystem([:]))
        #expect(report.problems.isEmpty)
        let raised = Set(report.findings.map(\.id))
        let peerID = Self.peerRule(row)
        let peerEquivalent = Set(RuleRegistry.ruleIDs(matching: peerID))
        #expect(!peerEquivalent.isEmpty, "no nbship rule is equivalent to \(peerID)")

        if let verdictOverride {
            #expect(raised == verdictOverride)
            return
        }
        if let deviation = Self.deviations[row.snippet] {
            #expect(raised == deviation.nbship, "\(deviation.why)")
            if row.expected.hasPrefix("none") { #expect(raised.isDisjoint(with: peerEquivalent)) }
            return
        }
        if row.expected.hasPrefix("none") {
            #expect(raised.isEmpty, "peer says none; nbship raised \(raised)")
        } else {
            #expect(!raised.isDisjoint(with: peerEquivalent), "peer raised \(peerID); nbship raised \(raised)")
            #expect(raised.isSubset(of: peerEquivalent), "nbship raised more than \(peerID): \(raised)")
        }
    }

    /// The peer rule a row is about: the id in its verdict, or the rule its test file is for.
    static func peerRule(_ row: Row) -> String {
        if let first = row.expected.split(separator: " ").first, first != "none" { return String(first) }
        if row.expected.hasSuffix(" not raised)"), let range = row.expected.range(of: "("),
           let id = row.expected[range.upperBound...].split(separator: " ").first {
            return String(id)
        }
        if row.source.contains("kube-linter") { return "latest-tag" }
        if row.source.contains("trivy") { return "DS001" }
        return ""
    }
}
