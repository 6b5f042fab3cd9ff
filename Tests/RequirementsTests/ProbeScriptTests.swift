import Foundation
import Testing
@testable import Requirements

@Suite("the probe script on a made-up site-packages")
struct ProbeScriptTests {
    /// Writes a distribution's metadata (and RECORD, when `files` is given) into `site`.
    static func install(_ name: String, version: String, files: [String]?, topLevel: [String] = [], in site: URL) throws {
        let info = site.appendingPathComponent("\(name.replacingOccurrences(of: "-", with: "_"))-\(version).dist-info")
        try FileManager.default.createDirectory(at: info, withIntermediateDirectories: true)
        try "Metadata-Version: 2.1\nName: \(name)\nVersion: \(version)\n".write(to: info.appendingPathComponent("METADATA"), atomically: true, encoding: .utf8)
        if let files {
            let record = (files + ["\(info.lastPathComponent)/METADATA"]).map { "\($0),," }.joined(separator: "\n") + "\n"
            try record.write(to: info.appendingPathComponent("RECORD"), atomically: true, encoding: .utf8)
            for file in files {
                let url = site.appendingPathComponent(file)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try "".write(to: url, atomically: true, encoding: .utf8)
            }
        }
        if !topLevel.isEmpty {
            try (topLevel.joined(separator: "\n") + "\n").write(to: info.appendingPathComponent("top_level.txt"), atomically: true, encoding: .utf8)
        }
    }

    static let pythonWorks = PythonEnvironmentTests.ask("import importlib.metadata") != nil

    @Test("namespace packages, nested modules, extension modules and top_level.txt", .enabled(if: pythonWorks))
    func providers() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("nbship-probe-\(UUID().uuidString)")
        let site = root.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        // Two distributions share the 'acme' namespace (no acme/__init__.py).
        try Self.install("acme-one", version: "1.0", files: ["acme/one/__init__.py", "acme/one/core.py"], in: site)
        try Self.install("acme-two", version: "2.0.post1", files: ["acme/two/__init__.py"], in: site)
        // A single-file module, an extension module, and a distribution without RECORD.
        try Self.install("solo-mod", version: "0.1", files: ["solo.py"], in: site)
        try Self.install("fastthing", version: "3.0", files: ["fastthing.cpython-311-x86_64-linux-gnu.so"], in: site)
        try Self.install("legacy-dist", version: "9", files: nil, topLevel: ["legacy"], in: site)
        // A wrapper puts the made-up site first on sys.path for the real interpreter.
        let wrapper = root.appendingPathComponent("python")
        try "#!/bin/sh\nPYTHONPATH='\(site.path)' exec '\(TestPaths.python)' \"$@\"\n".write(to: wrapper, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: wrapper.path)

        let snapshot = try PythonEnvironment(interpreter: wrapper.path).inspect(EnvironmentQuery(
            distributions: ["acme_one"],
            modules: ["acme.one.core", "acme.two", "acme.three", "acme", "solo", "fastthing", "legacy.sub", "solo_not"]
        ))
        #expect(snapshot.providers["acme.one.core"] == ["acme-one"])
        #expect(snapshot.providers["acme.two"] == ["acme-two"])
        // A namespace is nobody's module: never guessed from a sibling.
        #expect(snapshot.providers["acme.three"] == nil)
        #expect(snapshot.providers["acme"] == nil)
        #expect(snapshot.providers["solo"] == ["solo-mod"])
        #expect(snapshot.providers["fastthing"] == ["fastthing"])
        #expect(snapshot.providers["legacy.sub"] == ["legacy-dist"])
        #expect(snapshot.providers["solo_not"] == nil)
        // Versions of what was asked, and of every provider reported.
        #expect(snapshot.version(of: "acme-one") == "1.0")
        #expect(snapshot.version(of: "acme-two") == "2.0.post1")
        #expect(snapshot.version(of: "legacy-dist") == "9")

        // And the resolver on top: the namespace sibling is an unknown import, not a guess.
        let result = Fixtures.resolver(PythonEnvironment(interpreter: wrapper.path)).resolve(RequirementsInput(
            imports: [ImportedModule("acme.one.core"), ImportedModule("acme.three")], pythonVersion: PythonVersion(3, 11)
        ))
        #expect(result.requirements.map(\.line) == ["acme-one==1.0"])
        #expect(result.diagnostics(withID: "requirements.unknown-import").map(\.message) == [
            "cannot tell which distribution provides 'acme.three': it is not in nbship's import table and not installed",
        ])
    }
}
