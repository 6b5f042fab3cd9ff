import Archive
import Crypto
import Foundation
import Testing
@testable import Image

@Suite struct DependencyLayerTests {
    @Test(arguments: [
        ("# only a comment\n\n", [String]()),
        ("six==1.16.0  # pinned\n--index-url x\n  attrs==23.2.0\n", ["six==1.16.0", "attrs==23.2.0"]),
    ])
    func requirementLines(text: String, expected: [String]) {
        #expect(DependencyInstaller.requirementLines(text) == expected)
    }

    @Test func pipTargetsTheImagePythonNotTheHost() {
        let arguments = DependencyInstaller(python: "py", target: PythonTarget(version: "3.11")).pipArguments(requirements: "r.txt", staging: "s")
        let joined = arguments.joined(separator: " ")
        #expect(joined.hasPrefix("py -m pip install"))
        #expect(joined.contains("--only-binary :all: --no-compile --python-version 3.11 --implementation cp --abi cp311"))
        #expect(joined.contains("--platform manylinux2014_x86_64"))
        #expect(joined.hasSuffix("--target s") == false && joined.contains("--target s"))
    }

    /// Needs PyPI: a pure-Python wheel pinned in requirements.txt becomes its own layer.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["NBSHIP_OFFLINE"] == nil))
    func pinnedWheelBecomesTheDependencyLayer() async throws {
        let work = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let project = work + "/project"
        try Support.copyFixture(to: project)
        try "six==1.16.0\nwheel==0.43.0\n".write(toFile: project + "/requirements.txt", atomically: false, encoding: .utf8)
        let python = ProcessInfo.processInfo.environment["NBSHIP_TEST_PYTHON"] ?? "python3"
        let request = ImageBuildRequest(project: project, base: .scratch, name: "irisdemo", tag: "1.0", cacheDirectory: work + "/cache",
                                        workDirectory: work, hostPython: python, toolVersion: "test")
        let build = try await ImageBuilder().build(request)
        #expect(build.layers.map(\.role) == ["dependencies", "artifacts", "application"])
        let dependencies = try #require(build.layers.first)
        guard case .file(let path, _) = build.layout.blobs[dependencies.descriptor.digest] else { throw CancellationError() }
        let reader = try ArchiveReader(path: path)
        var paths: [String] = []
        var script = ""
        var record = ""
        while let entry = try reader.next() {
            paths.append(entry.path)
            if entry.path == "app/deps/bin/wheel" {
                try reader.readData { script += String(decoding: $0, as: UTF8.self) }
            }
            if entry.path == "app/deps/wheel-0.43.0.dist-info/RECORD" {
                try reader.readData { record += String(decoding: $0, as: UTF8.self) }
            }
        }
        #expect(paths.contains("app/deps/six.py"))
        // Console scripts run the image's python, not the build machine's.
        #expect(script.hasPrefix(DependencyInstaller.imageShebang + "\n"))
        let hash = Data(SHA256.hash(data: Data(script.utf8))).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        #expect(record.contains("../../bin/wheel,sha256=\(hash),\(script.utf8.count)\r\n"))
        #expect(!paths.contains { $0.hasSuffix(".pyc") })
        // A second build does not run pip: the layer comes from the cache.
        let again = try await ImageBuilder().build(request)
        #expect(again.layers.first?.reused == true)
        #expect(again.manifestDigest == build.manifestDigest)
    }
}

@Suite struct PythonTargetTests {
    func config(env: [String], labels: [String: String] = [:], architecture: String = "amd64") -> JSONValue {
        .object([
            "architecture": .string(architecture),
            "config": .object(["Env": .array(env.map { .string($0) }), "Labels": .object(labels.mapValues { .string($0) })]),
        ])
    }

    @Test func versionComesFromOverrideThenLabelThenEnvironment() {
        let official = config(env: ["PATH=/usr/bin", "PYTHON_VERSION=3.12.4"])
        #expect(PythonTarget.from(config: official, override: nil).version == "3.12")
        #expect(PythonTarget.from(config: official, override: "3.10").version == "3.10")
        let labelled = config(env: ["PYTHON_VERSION=3.12.4"], labels: [PythonTarget.versionLabel: "3.11"])
        #expect(PythonTarget.from(config: labelled, override: nil).version == "3.11")
        #expect(PythonTarget.from(config: config(env: []), override: nil, fallback: "3.9").version == "3.9")
    }

    @Test func platformFollowsTheBaseArchitecture() {
        #expect(PythonTarget.from(config: config(env: [], architecture: "arm64"), override: nil).platforms.contains("manylinux2014_aarch64"))
        #expect(PythonTarget.from(config: config(env: []), override: nil).platforms.contains("manylinux2014_x86_64"))
    }
}
