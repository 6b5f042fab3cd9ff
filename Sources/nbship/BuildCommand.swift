import ArgumentParser
import Foundation
import Image
import Registry

extension NBShip {
    /// `nbship build`: a reproducible OCI image tarball from a converted project, no daemon.
    struct Build: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "build",
            abstract: "Build a reproducible OCI image tarball from a converted project (no Docker daemon).",
            discussion: """
                Layers, bottom first: the base image's (copied byte for byte); the Python \
                dependencies (wheels for the image's Python from requirements.lock, hashes checked, \
                else requirements.txt, in /app/deps; skipped when it pins nothing); data/ (in /app/data: training in the image reads it, \
                serving does not; --no-data leaves it out); artifacts/ (the trained model, in \
                /app/artifacts); the application (src/, pyproject.toml and the pinned requirement \
                and lock files, in /app). Each is left out when its input is absent, and each depends only \
                on its own input, so with --cache-dir a code-only change rewrites only the \
                application layer and a new model only the artifacts layer. /app is owned by the \
                image's user (1000:1000), so training in the image can write artifacts/. The \
                notebook the project came from (pyproject.toml [tool.nbship] notebook and \
                notebook-sha256) is recorded in the labels io.nbship.notebook and \
                io.nbship.notebook.digest. Prints the manifest digest.
                """)

        @Argument(help: "The converted project directory (holds src/).")
        var project: String

        @Option(name: [.short, .customLong("output")], help: "The image tarball to write.")
        var output: String

        @Option(help: "NAME:VERSION, e.g. irisdemo:1.0.")
        var tag: String

        @Option(help: "oci-archive:PATH[:TAG], oci:DIR[:TAG], docker-archive:PATH, scratch, or docker://[REGISTRY/]REPO:TAG[@sha256:…] (pulled; its digest pinned in pyproject.toml [tool.nbship] base).")
        var base: String = "scratch"

        @Flag(help: "Resolve a docker:// base's tag again instead of using the digest pinned in pyproject.toml.")
        var updateBase = false

        @Option(help: "OS/ARCH[/VARIANT] a docker:// base's index is resolved to.")
        var platform: String = "linux/amd64"

        @Option(help: "Also push the image to REGISTRY/REPOSITORY[:TAG] (prints the pushed manifest digest).")
        var push: String?

        @OptionGroup var registry: RegistryArguments

        @Option(help: "Seconds since 1970 for every timestamp (default: SOURCE_DATE_EPOCH, else 0).")
        var epoch: Int64?

        @Option(help: "Layers written in parallel.")
        var jobs: Int = 2

        @Option(help: "A layer cache directory reused across builds.")
        var cacheDir: String?

        @Option(help: "Also write the manifest digest to this file.")
        var digestFile: String?

        @Option(help: "The image's Python version (default: from the base image's label, else 3.11).")
        var pythonVersion: String?

        @Option(help: "The build machine's python, used to run pip.")
        var python: String = "python3"

        @Option(help: "The source notebook; its sha256 is recorded in the label io.nbship.notebook.digest (default: from pyproject.toml [tool.nbship]).")
        var notebook: String?

        @Option(help: "How nbship's layers are compressed: gzip (default; every runtime reads it; ISA-L, whose bytes can differ on CPUs without SSE4.2 and other architectures), gzip-zlib (gzip by zlib: slower, the same bytes on every CPU) or zstd (smaller, faster; needs containerd 1.5+, podman 3+).")
        var compression: CompressionChoice = .gzip

        @Flag(inversion: .prefixedNo, help: "Put the project's data/ into the image (its own layer, /app/data).")
        var data = true

        @Flag(help: "Ship the dependencies' .pyc files (compileall --invalidation-mode unchecked-hash; --python must be the image's version).")
        var compileBytecode = false

        func validate() throws {
            if base.hasPrefix(Self.registryPrefix) {
                _ = try RegistryArguments.reference(base, option: "--base")
                _ = try RegistryCommandSupport.platform(platform)
            } else if BaseReference(parsing: base) == nil {
                throw ValidationError("unknown base reference '\(base)'; use oci-archive:PATH[:TAG], oci:DIR[:TAG], docker-archive:PATH, scratch or docker://REF")
            }
            if let push { _ = try RegistryArguments.reference(push, option: "--push") }
            let (name, version) = Self.split(tag)
            guard !name.isEmpty, !version.isEmpty else { throw ValidationError("--tag must be NAME:VERSION") }
            guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        }

        static func split(_ tag: String) -> (String, String) {
            if let colon = tag.lastIndex(of: ":"), !tag[colon...].contains("/") {
                return (String(tag[..<colon]), String(tag[tag.index(after: colon)...]))
            }
            return (tag, "")
        }

        func run() async throws {
            let work = try ImageCommandSupport.makeWorkDirectory()
            defer { try? FileManager.default.removeItem(atPath: work) }
            let (name, version) = Self.split(tag)
            do {
                let resolvedBase = try await resolveBase(work: work)
                let reference = resolvedBase.reference
                // Pinned before building, so the image holds the pyproject.toml the next build reads.
                try recordPin(resolvedBase.newPin)
                var labels: [String: String] = [:]
                if let notebook {
                    labels[ImageBuildRequest.notebookDigestLabel] = try FileDigest.of(file: notebook).digest.description
                    labels[ImageBuildRequest.notebookLabel] = (notebook as NSString).lastPathComponent
                }
                let request = ImageBuildRequest(
                    project: project, base: reference, name: name, tag: version, epoch: ImageCommandSupport.epoch(epoch),
                    jobs: jobs, cacheDirectory: cacheDir, workDirectory: work, hostPython: python,
                    pythonVersion: pythonVersion, toolVersion: NBShipVersion.current, labels: labels,
                    compileBytecode: compileBytecode, includeData: data, compression: compression.layerCompression)
                // Progress only on a terminal; otherwise stderr stays quiet.
                let renderer = isatty(2) != 0 ? BuildProgressRenderer() : nil
                var progress: ImageBuilder.ProgressHandler?
                if let renderer { progress = { renderer.layer($0) } }
                let build = try await ImageBuilder().build(request, progress: progress)
                for layer in build.layers where layer.role == "base" {
                    renderer?.note("base", "\(layer.descriptor.digest) \(layer.descriptor.size) bytes \(MediaType.compression(ofLayer: layer.descriptor.mediaType)) (copied)")
                }
                let archiveName = (output as NSString).lastPathComponent
                try ImageArchiveWriter(modificationTime: request.epoch).write(build.layout, to: output) { done, total in
                    renderer?.archive(archiveName, done: done, total: total)
                }
                if let digestFile {
                    try Data((build.manifestDigest.description + "\n").utf8).write(to: URL(fileURLWithPath: digestFile))
                }
                print(build.manifestDigest.description)
                try await pushIfAsked(work: work)
            } catch let exit as ExitCode {
                throw exit
            } catch {
                throw ExitCode(RegistryCommandSupport.report(error))
            }
        }
    }
}
