import Foundation
import TestSupport

/// Helpers the registry tests share: tools, projects, builds and nbship runs.
enum RegistrySupport {
    /// Whether `tool` is on PATH.
    static func has(_ tool: String) -> Bool {
        (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
            .contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(tool)") }
    }

    /// Whether the registry tests can run here (the registry, skopeo, openssl, htpasswd and a built nbship).
    static var enabled: Bool {
        RegistryServer.available && has("skopeo") && has("openssl") && has("htpasswd")
            && FileManager.default.isExecutableFile(atPath: PackagePaths.binary.path)
    }

    /// A fresh temporary directory.
    static func temporaryDirectory() throws -> String {
        try PackagePaths.temporaryDirectory(prefix: "nbship-registry-test").path
    }

    /// Writes a minimal converted project: `src/app/` (with `code` in `__init__.py`), a
    /// pyproject.toml, and `data/blob.bin` of `dataBytes` pseudo-random bytes (incompressible,
    /// so its layer is about that size) when non-zero.
    static func makeProject(at directory: String, code: String = "VERSION = 1\n", dataBytes: Int = 0, seed: UInt64 = 1) throws {
        let manager = FileManager.default
        try manager.createDirectory(atPath: directory + "/src/app", withIntermediateDirectories: true)
        try Data(code.utf8).write(to: URL(fileURLWithPath: directory + "/src/app/__init__.py"))
        try Data("[project]\nname = \"app\"\nversion = \"0.1.0\"\n".utf8).write(to: URL(fileURLWithPath: directory + "/pyproject.toml"))
        if dataBytes > 0 {
            try manager.createDirectory(atPath: directory + "/data", withIntermediateDirectories: true)
            var state = seed &* 0x9E37_79B9_7F4A_7C15 | 1
            var bytes = [UInt8](repeating: 0, count: dataBytes)
            for index in 0..<dataBytes {
                state ^= state << 13
                state ^= state >> 7
                state ^= state << 17
                bytes[index] = UInt8(truncatingIfNeeded: state)
            }
            try Data(bytes).write(to: URL(fileURLWithPath: directory + "/data/blob.bin"))
        }
    }

    /// Runs nbship; `environment` adds to the test's (colour off, HOME isolated by callers).
    static func nbship(_ arguments: [String], environment: [String: String] = [:]) throws -> ProcessRunner.Result {
        try NBShip.run(arguments, environment: ["NO_COLOR": "1"].merging(environment) { _, new in new })
    }

    /// Builds `project` into `output` (scratch base unless `base`), returning the manifest digest.
    static func build(_ project: String, output: String, cache: String, base: String = "scratch",
                      extra: [String] = [], environment: [String: String] = [:]) throws -> ProcessRunner.Result {
        try nbship(["build", project, "-o", output, "--tag", "app:1.0", "--base", base, "--cache-dir", cache, "--epoch", "0"] + extra,
                   environment: environment)
    }

    /// The manifest digest `nbship inspect --format json` reports for an archive.
    static func inspectedDigest(_ archive: String) throws -> String {
        let result = try nbship(["inspect", archive, "--format", "json"])
        guard result.status == 0,
              let object = try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any],
              let images = object["images"] as? [[String: Any]], let digest = images.first?["manifestDigest"] as? String else {
            throw ServerError("nbship inspect failed: \(result.stderr)")
        }
        return digest
    }

    /// Runs skopeo with TLS verification off for the loopback registry.
    static func skopeo(_ arguments: [String]) throws -> ProcessRunner.Result {
        try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/env"), arguments: ["skopeo"] + arguments)
    }

    /// A push's `--format json` report, decoded.
    static func pushReport(_ result: ProcessRunner.Result) throws -> [String: Any] {
        guard let object = try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any] else {
            throw ServerError("not a JSON object: \(result.stdout)")
        }
        return object
    }

    /// Blob outcomes of a push report: digest → outcome.
    static func outcomes(_ report: [String: Any]) -> [String: String] {
        var outcomes: [String: String] = [:]
        for blob in report["blobs"] as? [[String: Any]] ?? [] {
            if let digest = blob["digest"] as? String, let outcome = blob["outcome"] as? String { outcomes[digest] = outcome }
        }
        return outcomes
    }

    /// Layer digests (bottom first) and the config digest of an archive, from `nbship inspect`.
    static func layers(_ archive: String) throws -> (layers: [String], config: String) {
        let result = try nbship(["inspect", archive, "--format", "json"])
        guard let object = try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any],
              let image = (object["images"] as? [[String: Any]])?.first,
              let config = image["configDigest"] as? String, let layers = image["layers"] as? [[String: Any]] else {
            throw ServerError("nbship inspect failed: \(result.stderr)")
        }
        return (layers.compactMap { $0["digest"] as? String }, config)
    }
}
