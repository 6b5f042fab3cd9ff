import ArgumentParser
import Diagnostics
import Foundation
import Image

extension NBShip {
    /// `nbship inspect`: what an image tarball holds, and whether its digests are right.
    struct Inspect: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "inspect",
            abstract: "Show an image tarball's tags, digests, config and layers; --verify re-hashes everything.",
            discussion: "With --verify, exits 1 if any blob or uncompressed layer does not match its digest or diff_id.")

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case text, json
        }

        @Argument(help: "The image tarball (oci-archive).")
        var image: String

        @Flag(help: "Re-hash every blob and every uncompressed layer.")
        var verify = false

        @Option(help: "text or json.")
        var format: Format = .text

        func run() async throws {
            let work = try ImageCommandSupport.makeWorkDirectory()
            defer { try? FileManager.default.removeItem(atPath: work) }
            let report: ImageReport
            do {
                report = try ImageInspector(workDirectory: work).inspect(image, verify: verify)
            } catch {
                throw ExitCode(ImageCommandSupport.report(error))
            }
            switch format {
            case .json:
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
                print(String(decoding: try encoder.encode(report), as: UTF8.self))
            case .text:
                print(Self.text(report), terminator: "")
            }
            let renderer = DiagnosticRenderer(colour: isatty(2) != 0)
            for problem in report.problems {
                FileHandle.standardError.write(Data((renderer.render(problem) + "\n").utf8))
            }
            if !report.problems.isEmpty { throw ExitCode(1) }
        }

        /// ` (isa-l 2.30.0 x86-64-sse4.2, level 1, chunk 262144)` from nbship's layer annotations, or nothing.
        static func compressor(_ layer: ImageReport.Layer) -> String {
            let annotations = layer.annotations ?? [:]
            guard let compressor = annotations[LayerBlob.annotationPrefix + "compressor"] else { return "" }
            let level = annotations[LayerBlob.annotationPrefix + "level"] ?? "?"
            let chunk = annotations[LayerBlob.annotationPrefix + "chunk-size"] ?? "?"
            return " (\(compressor), level \(level), chunk \(chunk))"
        }

        static func text(_ report: ImageReport) -> String {
            var out = ""
            for image in report.images {
                out += "image: \(image.name ?? "(unnamed)")\n"
                out += "tag: \(image.tag ?? "(none)")\n"
                out += "manifest: \(image.manifestDigest)\n"
                out += "config: \(image.configDigest)\n"
                let inner = image.config["config"]
                out += "platform: \(image.config["os"]?.stringValue ?? "?")/\(image.config["architecture"]?.stringValue ?? "?")\n"
                out += "created: \(image.config["created"]?.stringValue ?? "?")\n"
                out += "user: \(inner?["User"]?.stringValue ?? "")\n"
                out += "workdir: \(inner?["WorkingDir"]?.stringValue ?? "")\n"
                let command = (inner?["Cmd"]?.arrayValue ?? []).compactMap(\.stringValue)
                out += "cmd: \(command.joined(separator: " "))\n"
                for env in (inner?["Env"]?.arrayValue ?? []).compactMap(\.stringValue) { out += "env: \(env)\n" }
                for port in (inner?["ExposedPorts"]?.objectValue ?? [:]).keys.sorted() { out += "port: \(port)\n" }
                let labels = inner?["Labels"]?.objectValue ?? [:]
                for key in labels.keys.sorted() { out += "label: \(key)=\(labels[key]?.stringValue ?? "")\n" }
                for (position, layer) in image.layers.enumerated() {
                    out += "layer \(position): \(layer.digest) size \(layer.size) diff_id \(layer.diffID ?? "?") files \(layer.files)\n"
                    out += "  compression: \(layer.compression)\(Self.compressor(layer))\n"
                    if let createdBy = layer.createdBy { out += "  created by: \(createdBy)\n" }
                }
            }
            if !report.dockerTags.isEmpty { out += "docker tags: \(report.dockerTags.joined(separator: ", "))\n" }
            if report.verified { out += report.problems.isEmpty ? "verified: ok\n" : "verified: \(report.problems.count) problem(s)\n" }
            return out
        }
    }
}
