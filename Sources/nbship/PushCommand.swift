import ArgumentParser
import Foundation
import Registry

extension NBShip {
    /// `nbship push`: an image tarball to a registry, over the OCI distribution API.
    struct Push: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "push",
            abstract: "Push an image tarball (oci-archive) to a registry.",
            discussion: """
                Each blob is checked with HEAD and skipped when the repository has it, mounted \
                from another repository of the same registry when an earlier push put it there \
                (remembered in the cache directory), else uploaded: in one request up to \
                --chunk-size, in chunks above it. The manifest goes last, so a failed push never \
                leaves a tag. Prints the manifest digest (the one `nbship inspect` shows); \
                --format json lists every blob as uploaded, mounted or present. On a terminal a \
                line per blob goes to stderr, otherwise one summary line.

                Exit codes: 0 pushed, 1 the transfer failed (unreachable registry, retries \
                exhausted), 2 bad input (reference, credentials, image archive).
                """)

        @Argument(help: "The image tarball (oci-archive), e.g. from nbship build.")
        var image: String

        @Argument(help: "REGISTRY/REPOSITORY[:TAG] (docker:// prefix allowed).")
        var target: String

        @OptionGroup var registry: RegistryArguments

        @Option(help: "The cache directory (where blob locations are remembered; default ~/.cache/nbship).")
        var cacheDir: String?

        @Option(help: "text (the manifest digest) or json (every blob).")
        var format: OutputFormat = .text

        func validate() throws {
            _ = try RegistryArguments.reference(target, option: "target")
        }

        func run() async throws {
            let reference = try RegistryArguments.reference(target, option: "target")
            let work = try ImageCommandSupport.makeWorkDirectory()
            defer { try? FileManager.default.removeItem(atPath: work) }
            do {
                _ = try await RegistryCommandSupport.push(archive: image, to: reference, arguments: registry,
                                                          cacheDirectory: cacheDir, format: format, work: work)
            } catch {
                throw ExitCode(RegistryCommandSupport.report(error))
            }
        }
    }
}
