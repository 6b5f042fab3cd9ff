import Archive
import Diagnostics
import Foundation
import Testing
@testable import Image

/// `--compile-bytecode` and the dependency layer's cache key, offline: the pinned package is a
/// wheel made here and installed with `--no-index --find-links`.
@Suite struct BytecodeTests {
    static let python = ProcessInfo.processInfo.environment["NBSHIP_TEST_PYTHON"] ?? "python3"

    /// Writes `tinypkg-1.0-py3-none-any.whl` into `directory`.
    func makeWheel(in directory: String) throws {
        let script = """
            import sys, zipfile
            files = {
                "tinypkg/__init__.py": "from tinypkg.core import TABLE, lookup\\n",
                "tinypkg/core.py": "TABLE = frozenset({'alpha', 'beta', 'gamma', 'delta'})\\n"
                    "NAMES = {'x': 1, 'y': 2}\\n\\ndef lookup(name):\\n    return name in TABLE\\n",
                "tinypkg/broken.py": "def (:\\n",
                "tinypkg-1.0.dist-info/METADATA": "Metadata-Version: 2.1\\nName: tinypkg\\nVersion: 1.0\\n",
                "tinypkg-1.0.dist-info/WHEEL": "Wheel-Version: 1.0\\nGenerator: test\\nRoot-Is-Purelib: true\\nTag: py3-none-any\\n",
            }
            with zipfile.ZipFile(sys.argv[1] + "/tinypkg-1.0-py3-none-any.whl", "w") as wheel:
                for name, text in files.items():
                    wheel.writestr(zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0)), text)
                wheel.writestr(zipfile.ZipInfo("tinypkg-1.0.dist-info/RECORD", (1980, 1, 1, 0, 0, 0)),
                               "".join(name + ",,\\n" for name in files) + "tinypkg-1.0.dist-info/RECORD,,\\n")
            """
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let result = try Support.run([Self.python, "-c", script, directory])
        try #require(result.status == 0, "\(result.stderr)")
    }

    /// A copy of the fixture whose requirements pin tinypkg from a local wheel directory.
    func makeProject(_ work: String) throws -> String {
        let project = work + "/project"
        try Support.copyFixture(to: project)
        try makeWheel(in: work + "/wheels")
        try "--no-index\n--find-links \(work)/wheels\ntinypkg==1.0\n".write(toFile: project + "/requirements.txt", atomically: false, encoding: .utf8)
        return project
    }

    func hostVersion() throws -> String {
        let work = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: work) }
        return try HostPython.probe(Self.python, logDirectory: work).version
    }

    /// Builds in a fresh work and cache directory; returns the dependency layer's blob record
    /// and its entries' paths with the bytes of each `.pyc`.
    func buildDependencies(project: String, compile: Bool, pythonVersion: String) async throws -> (LayerBlob, [String: [UInt8]]) {
        let work = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let request = ImageBuildRequest(
            project: project, base: .scratch, name: "irisdemo", tag: "1.0", cacheDirectory: work + "/cache", workDirectory: work,
            hostPython: Self.python, pythonVersion: pythonVersion, toolVersion: "test", compileBytecode: compile)
        let build = try await ImageBuilder().build(request)
        let layer = try #require(build.layers.first { $0.role == "dependencies" })
        guard case .file(let path, _) = build.layout.blobs[layer.descriptor.digest] else { throw CancellationError() }
        let reader = try ArchiveReader(path: path)
        var files: [String: [UInt8]] = [:]
        var count = 0
        while let entry = try reader.next() {
            count += 1
            var bytes: [UInt8] = []
            if entry.path.hasSuffix(".pyc") { try reader.readData { bytes += $0 } }
            files[entry.path] = bytes
        }
        let blob = LayerBlob(digest: layer.descriptor.digest, diffID: layer.descriptor.digest, size: layer.descriptor.size, entryCount: count)
        return (blob, files)
    }

    @Test func compiledBytecodeIsHashBasedUncheckedAndReproducible() async throws {
        let work = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let project = try makeProject(work)
        let version = try hostVersion()
        let tag = "cpython-" + version.replacingOccurrences(of: ".", with: "")
        let (first, files) = try await buildDependencies(project: project, compile: true, pythonVersion: version)
        let (second, _) = try await buildDependencies(project: project, compile: true, pythonVersion: version)
        #expect(first.digest == second.digest)
        let pyc = try #require(files["app/deps/tinypkg/__pycache__/core.\(tag).pyc"], "\(files.keys.sorted())")
        #expect(files["app/deps/tinypkg/__pycache__/__init__.\(tag).pyc"] != nil)
        // A file that does not compile stays source only, as with pip.
        #expect(files["app/deps/tinypkg/broken.py"] != nil)
        #expect(files["app/deps/tinypkg/__pycache__/broken.\(tag).pyc"] == nil)
        // PEP 552 header: magic, flags = 1 (hash-based, source not checked), source hash.
        try #require(pyc.count > 16)
        #expect(pyc[4..<8] == [1, 0, 0, 0])
        // The code records the path the file has in the image, not the staging tree's.
        let text = String(decoding: pyc, as: UTF8.self)
        #expect(text.contains("/app/deps/tinypkg/core.py"))
        #expect(!text.contains(work) && !text.contains("deps-"))

        let (plain, plainFiles) = try await buildDependencies(project: project, compile: false, pythonVersion: version)
        #expect(plain.digest != first.digest)
        #expect(!plainFiles.keys.contains { $0.hasSuffix(".pyc") || $0.contains("__pycache__") })
        #expect(plainFiles["app/deps/tinypkg/core.py"] != nil)
    }

    @Test func compilingForAnotherPythonVersionIsRefused() async throws {
        let work = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let project = try makeProject(work)
        let request = ImageBuildRequest(
            project: project, base: .scratch, name: "irisdemo", tag: "1.0", workDirectory: work, hostPython: Self.python,
            pythonVersion: "3.99", toolVersion: "test", compileBytecode: true)
        let error = await #expect(throws: DiagnosticError.self) { _ = try await ImageBuilder().build(request) }
        #expect(error?.diagnostic.id == "image.bytecode-version-mismatch")
    }

    @Test func pipsVersionAndBytecodeAreInTheDependencyKey() throws {
        let request = ImageBuildRequest(project: "p", base: .scratch, name: "n", tag: "1", workDirectory: "w", toolVersion: "test")
        var compiled = request
        compiled.compileBytecode = true
        let installer = DependencyInstaller(target: PythonTarget(version: "3.11"))
        let builder = ImageBuilder()
        let requirements = Array("six==1.16.0\n".utf8)
        func key(_ request: ImageBuildRequest, _ host: HostPython) throws -> Digest {
            try builder.dependencyKey(request, installer: installer, host: host, requirements: requirements)
        }
        let base = try key(request, HostPython(version: "3.11", pipVersion: "23.2.1"))
        #expect(try key(request, HostPython(version: "3.11", pipVersion: "23.2.1")) == base)
        #expect(try key(request, HostPython(version: "3.11", pipVersion: "24.0")) != base)
        #expect(try key(request, HostPython(version: "3.12", pipVersion: "23.2.1")) != base)
        #expect(try key(compiled, HostPython(version: "3.11", pipVersion: "23.2.1")) != base)
    }

    @Test func probeReadsTheHostPythonAndPip() throws {
        let work = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let host = try HostPython.probe(Self.python, logDirectory: work)
        let expected = try Support.run([Self.python, "-c", "import sys, pip; print('%d.%d' % sys.version_info[:2]); print(pip.__version__)"])
        #expect([host.version, host.pipVersion] == expected.stdout.split(separator: "\n").map(String.init))
    }
}
