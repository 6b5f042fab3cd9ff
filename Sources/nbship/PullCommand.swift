import ArgumentParser
import Foundation
import Image
import Registry

extension NBShip {
    /// `nbship pull`: an image from a registry to an oci-archive tarball.
    struct Pull: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "pull",
            abstract: "Pull an image from a registry into an oci-archive tarball.",
            discussion: """
                A multi-platform index is resolved to --platform. Every manifest and blob is \
                hashed while it downloads; one that does not match its digest fails the pull and \
                never enters the cache (blobs are kept by digest in the cache directory, shared \
                with nbship build's layer cache). Prints the reference pinned to the resolved digest.

                Exit codes: 0 pulled, 1 the transfer failed or a digest did not match, 2 bad \
                input (reference, credentials, unknown tag or platform).
                """)

        @Argument(help: "[REGISTRY/]REPOSITORY[:TAG][@sha256:…] (docker:// prefix allowed; no registry means Docker Hub).")
        var reference: String

        @Option(name: [.short, .customLong("output")], help: "The oci-archive to write.")
        var output: String

        @Option(help: "OS/ARCH[/VARIANT] an index is resolved to.")
        var platform: String = "linux/amd64"

        @OptionGroup var registry: RegistryArguments

        @Option(help: "The cache directory (default ~/.cache/nbship).")
        var cacheDir: String?

        func validate() throws {
            _ = try RegistryArguments.reference(reference, option: "reference")
            _ = try RegistryCommandSupport.platform(platform)
        }

        func run() async throws {
            let parsed = try RegistryArguments.reference(reference, option: "reference")
            do {
                let pulled = try await RegistryCommandSupport.pull(
                    parsed, platform: try RegistryCommandSupport.platform(platform), arguments: registry, cacheDirectory: cacheDir)
                try ImageArchiveWriter(modificationTime: 0).write(pulled.archiveLayout(), to: output)
                Terminal.write(pulled.resolved.description + "\n")
            } catch {
                throw ExitCode(RegistryCommandSupport.report(error))
            }
        }
    }
}
