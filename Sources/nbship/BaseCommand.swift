import ArgumentParser
import Foundation
import Image

extension NBShip {
    /// `nbship base`: base images nbship can build itself.
    struct Base: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "base",
            abstract: "Build base images without a registry.",
            subcommands: [Debian.self])

        /// `nbship base debian`: a base image from Debian packages via mmdebstrap.
        struct Debian: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "debian",
                abstract: "Build a Debian base image (minbase + packages) with mmdebstrap, as an OCI archive.")

            @Option(help: "The Debian suite.")
            var suite: String = "bookworm"

            @Option(help: "Comma-separated packages to include.")
            var packages: String = "python3"

            @Option(help: "A Debian mirror URL (default: mmdebstrap's).")
            var mirror: String?

            @Option(help: "NAME:VERSION recorded in the archive.")
            var tag: String?

            @Option(help: "Seconds since 1970 for every timestamp (default: SOURCE_DATE_EPOCH, else 0).")
            var epoch: Int64?

            @Option(name: [.short, .customLong("output")], help: "The base image tarball to write.")
            var output: String

            func run() async throws {
                let work = try ImageCommandSupport.makeWorkDirectory()
                defer { try? FileManager.default.removeItem(atPath: work) }
                let (name, version) = tag.map(Build.split) ?? ("nbship-base", suite)
                let request = DebianBaseRequest(
                    suite: suite, packages: packages.split(separator: ",").map(String.init), epoch: ImageCommandSupport.epoch(epoch),
                    mirror: mirror, name: name, tag: version.isEmpty ? suite : version, workDirectory: work,
                    toolVersion: NBShipVersion.current)
                do {
                    let build = try DebianBaseBuilder().build(request)
                    try ImageArchiveWriter(modificationTime: request.epoch).write(build.layout, to: output)
                    print(build.manifestDigest.description)
                } catch {
                    throw ExitCode(ImageCommandSupport.report(error))
                }
            }
        }
    }
}
