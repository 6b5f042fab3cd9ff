import Archive
import Foundation
import TestSupport
@testable import Image

/// Helpers shared by the image tests.
enum Support {
    /// The package root (three levels above this file).
    static let packageRoot = PackagePaths.root.path

    /// The hand-made converted project.
    static let fixture = packageRoot + "/fixtures/image/irisdemo"

    /// The built `nbship` binary (`swift build` puts it in .build/debug).
    static var binary: String? {
        let candidates: [String?] = [ProcessInfo.processInfo.environment["NBSHIP_BINARY"], PackagePaths.debugBinary.path]
        return candidates.compactMap { $0 }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Whether `tool` is on PATH.
    static func has(_ tool: String) -> Bool {
        (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
            .contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(tool)") }
    }

    /// A fresh temporary directory.
    static func temporaryDirectory() throws -> String {
        try PackagePaths.temporaryDirectory(prefix: "nbship-image-test").path
    }

    /// Runs a command (via /usr/bin/env) and captures its output; `environment`, when given, is
    /// the child's whole environment.
    static func run(_ arguments: [String], environment: [String: String]? = nil, directory: String? = nil) throws -> TestSupport.ProcessRunner.Result {
        try TestSupport.ProcessRunner.run(
            URL(fileURLWithPath: "/usr/bin/env"), arguments: arguments, in: directory.map { URL(fileURLWithPath: $0) },
            environment: environment ?? [:], inheritsEnvironment: environment == nil)
    }

    /// Copies the fixture project to `destination`, creating files in `reversed` order and
    /// with `mtime` (seconds) on every file.
    static func copyFixture(to destination: String, reversed: Bool = false, mtime: Int? = nil) throws {
        let manager = FileManager.default
        var files: [String] = []
        let enumerator = manager.enumerator(atPath: fixture)
        while let relative = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            manager.fileExists(atPath: fixture + "/" + relative, isDirectory: &isDirectory)
            if !isDirectory.boolValue { files.append(relative) }
        }
        files.sort()
        if reversed { files.reverse() }
        for relative in files {
            let target = destination + "/" + relative
            try manager.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try manager.copyItem(atPath: fixture + "/" + relative, toPath: target)
            if let mtime {
                try manager.setAttributes([.modificationDate: Date(timeIntervalSince1970: TimeInterval(mtime))], ofItemAtPath: target)
            }
        }
    }

    /// Builds the fixture through the library and writes the archive.
    static func buildFixture(
        project: String = fixture, base: BaseReference = .scratch, output: String, work: String, compression: LayerCompression = .defaultGzip
    ) async throws -> ImageBuild {
        let request = ImageBuildRequest(project: project, base: base, name: "irisdemo", tag: "1.0", workDirectory: work, toolVersion: "test",
                                        compression: compression)
        let build = try await ImageBuilder().build(request)
        try ImageArchiveWriter(modificationTime: 0).write(build.layout, to: output)
        return build
    }
}
