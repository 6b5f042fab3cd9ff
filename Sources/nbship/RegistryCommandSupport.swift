import Diagnostics
import Foundation
import Image
import Registry

/// What `push`, `pull` and `build --push` / `--base docker://` share.
enum RegistryCommandSupport {
    /// Prints a fatal error and returns its exit code: 2 for what the user must fix
    /// (reference, credentials, a missing image), 1 for a failed transfer.
    static func report(_ error: Error) -> Int32 {
        if let failure = error as? DiagnosticError, RegistryFailure.badInputIDs.contains(failure.diagnostic.id) {
            _ = ImageCommandSupport.report(error)
            return 2
        }
        return ImageCommandSupport.report(error)
    }

    /// Pushes an image archive and prints the report (`text`: the manifest digest; `json`: every blob).
    static func push(archive: String, to target: ImageReference, arguments: RegistryArguments, cacheDirectory: String?,
                     format: OutputFormat, work: String) async throws -> PushReport {
        guard FileManager.default.fileExists(atPath: archive) else {
            throw RegistryFailure.badImage("image archive not found", at: archive)
        }
        // Blobs are read in place from a plain tar; anything else (compressed) is unpacked first.
        let directory = work + "/push-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let layout: LayoutFiles
        if let inPlace = LayoutFiles(archive: archive) {
            layout = inPlace
        } else {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try ArchiveExtractor.extract(archive, into: directory)
            layout = LayoutFiles(directory: directory)
        }
        let client = try RegistryClient(for: target, options: arguments.options())
        let renderer = TransferRenderer(terminal: Terminal.isTerminal(fd: 2))
        let cache = cacheDirectory ?? BlobStore.defaultDirectory(environment: ProcessInfo.processInfo.environment)
        let pusher = ImagePusher(client: client, locations: BlobLocations(cacheDirectory: cache))
        let report: PushReport
        do {
            report = try await pusher.push(layout: layout, to: target) { renderer.event($0) }
        } catch {
            await client.shutdown()
            throw error
        }
        await client.shutdown()
        renderer.finish("pushed")
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
            Terminal.write(String(decoding: try encoder.encode(report), as: UTF8.self) + "\n")
        case .text:
            Terminal.write(report.manifestDigest.description + "\n")
        }
        return report
    }
}
