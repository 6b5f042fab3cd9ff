import ArgumentParser
import Foundation
import Image
import Registry

extension RegistryCommandSupport {
    /// Parses `OS/ARCH[/VARIANT]`.
    static func platform(_ text: String) throws -> Platform {
        let parts = text.split(separator: "/").map(String.init)
        guard (2...3).contains(parts.count) else { throw ValidationError("--platform must be OS/ARCH[/VARIANT], not '\(text)'") }
        return Platform(architecture: parts[1], os: parts[0], variant: parts.count == 3 ? parts[2] : nil)
    }

    /// Pulls `reference` into the cache, with progress on stderr.
    static func pull(_ reference: ImageReference, platform: Platform, arguments: RegistryArguments,
                     cacheDirectory: String?) async throws -> PulledImage {
        let cache = cacheDirectory ?? BlobStore.defaultDirectory(environment: ProcessInfo.processInfo.environment)
        let client = try RegistryClient(for: reference, options: arguments.options())
        let renderer = TransferRenderer(terminal: Terminal.isTerminal(fd: 2))
        do {
            let puller = ImagePuller(client: client, store: try BlobStore(directory: cache))
            let pulled = try await puller.pull(reference, platform: platform) { renderer.event($0) }
            await client.shutdown()
            renderer.finish("pulled")
            return pulled
        } catch {
            await client.shutdown()
            throw error
        }
    }
}
