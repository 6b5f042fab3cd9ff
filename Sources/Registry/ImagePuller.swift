import AsyncHTTPClient
import Crypto
import Foundation
import Image
import NIOCore
import NIOHTTP1

/// Pulls an image's manifest and blobs into a ``BlobStore``: a multi-platform index resolved
/// to one platform, every document and blob hashed while it downloads and refused (never
/// stored) when it does not match its digest.
public struct ImagePuller: Sendable {
    /// The client for the image's registry.
    public var client: RegistryClient
    /// Where blobs go.
    public var store: BlobStore

    /// The manifest media types asked for.
    static let accept = [MediaType.imageIndex, MediaType.imageManifest, MediaType.dockerManifestList, MediaType.dockerManifest]

    /// Creates a puller.
    /// - Parameters:
    ///   - client: The registry client.
    ///   - store: The blob store.
    public init(client: RegistryClient, store: BlobStore) {
        self.client = client
        self.store = store
    }

    /// Resolves `reference` to the digest of what it names now (an index or a manifest).
    /// - Parameter reference: The reference.
    /// - Returns: The digest.
    /// - Throws: `DiagnosticError`.
    public func resolve(_ reference: ImageReference) async throws -> Image.Digest {
        try await fetchDocument(reference, reference.manifestReference).digest
    }

    /// Pulls `reference` for `platform`.
    /// - Parameters:
    ///   - reference: The image (a pinned digest is checked).
    ///   - platform: The platform an index is resolved to.
    ///   - progress: Progress events.
    /// - Returns: The pulled image.
    /// - Throws: `DiagnosticError`.
    public func pull(_ reference: ImageReference, platform: Platform, progress: TransferProgress? = nil) async throws -> PulledImage {
        var document = try await fetchDocument(reference, reference.manifestReference)
        let resolved = reference.pinned(to: document.digest)
        if document.mediaType == MediaType.imageIndex || document.mediaType == MediaType.dockerManifestList {
            let index: ImageIndex = try LayoutImage.decode(bytes: document.bytes, origin: reference.description)
            guard let entry = Self.choose(platform, in: index.manifests) else {
                let offered = index.manifests.compactMap(\.platform).map(Self.describe).joined(separator: ", ")
                throw RegistryFailure.error("registry.no-platform", "\(reference) has no image for \(Self.describe(platform))",
                                            subject: reference.description, notes: ["platforms offered: \(offered.isEmpty ? "none" : offered)"])
            }
            document = try await fetchDocument(reference, entry.digest.description)
            guard document.digest == entry.digest else {
                throw RegistryFailure.error("registry.digest-mismatch", "the manifest for \(Self.describe(platform)) does not match its digest",
                                            subject: reference.description)
            }
        }
        guard document.mediaType == MediaType.imageManifest || document.mediaType == MediaType.dockerManifest else {
            throw RegistryFailure.error("registry.bad-image", "\(reference) is a '\(document.mediaType)', not an image manifest",
                                        subject: reference.description)
        }
        let manifest: Manifest = try LayoutImage.decode(bytes: document.bytes, origin: reference.description)
        var blobs: [(descriptor: Descriptor, path: String)] = []
        for descriptor in [manifest.config] + manifest.layers {
            try await fetchBlob(descriptor, of: reference, progress: progress)
            blobs.append((descriptor, store.path(descriptor.digest)))
        }
        return PulledImage(resolved: resolved, manifestDigest: document.digest, manifestMediaType: document.mediaType,
                           manifestBytes: document.bytes, manifest: manifest, blobs: blobs)
    }

    static func choose(_ platform: Platform, in manifests: [Descriptor]) -> Descriptor? {
        let matching = manifests.filter { $0.platform?.os == platform.os && $0.platform?.architecture == platform.architecture }
        if let variant = platform.variant { return matching.first { $0.platform?.variant == variant } }
        return matching.first
    }

    static func describe(_ platform: Platform) -> String {
        "\(platform.os)/\(platform.architecture)" + (platform.variant.map { "/\($0)" } ?? "")
    }

    private func fetchDocument(_ reference: ImageReference, _ manifestReference: String) async throws -> LayoutImage.Document {
        let scope = "repository:\(reference.repository):pull"
        let response = try await client.send(RegistryRequest(
            .GET, "/v2/\(reference.repository)/manifests/\(manifestReference)",
            headers: [("Accept", Self.accept.joined(separator: ", "))], scope: scope), limit: 4 << 20)
        guard response.status == .ok else {
            if response.status == .notFound {
                throw RegistryFailure.error("registry.not-found",
                                            "\(reference.name) has no manifest '\(manifestReference)': \(RegistryErrorBody.summary(response.body))",
                                            subject: reference.description)
            }
            throw RegistryFailure.error("registry.unexpected-response",
                                        "GET manifest \(manifestReference) answered \(response.status.code): \(RegistryErrorBody.summary(response.body))",
                                        subject: reference.description)
        }
        let digest = Image.Digest.of(response.body)
        if let pinned = Image.Digest(parsing: manifestReference), pinned != digest {
            throw RegistryFailure.error("registry.digest-mismatch", "the manifest served for \(pinned) hashes to \(digest)",
                                        subject: reference.description)
        }
        var mediaType = response.headers.first(name: "Content-Type")?.split(separator: ";").first.map {
            $0.trimmingCharacters(in: .whitespaces)
        } ?? ""
        if !Self.accept.contains(mediaType),
           let object = try? JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any],
           let declared = object["mediaType"] as? String {
            mediaType = declared
        }
        return LayoutImage.Document(digest: digest, mediaType: mediaType, bytes: response.body)
    }

    /// Downloads a blob into the store unless it is there, hashing as it streams.
    private func fetchBlob(_ descriptor: Descriptor, of reference: ImageReference, progress: TransferProgress?) async throws {
        progress?(.started(digest: descriptor.digest, size: descriptor.size))
        if store.contains(descriptor.digest, size: descriptor.size) {
            progress?(.finished(digest: descriptor.digest, size: descriptor.size, outcome: "cached"))
            return
        }
        let scope = "repository:\(reference.repository):pull"
        let started = Date()
        var attempt = 0
        while true {
            attempt += 1
            let response = try await client.perform(RegistryRequest(.GET, "/v2/\(reference.repository)/blobs/\(descriptor.digest)", scope: scope))
            guard response.status == .ok else {
                let body = (try? await response.body.collect(upTo: 1 << 20)).map { Array($0.readableBytesView) } ?? []
                let id = response.status == .notFound ? "registry.not-found" : "registry.unexpected-response"
                throw RegistryFailure.error(id, "GET blob \(descriptor.digest) answered \(response.status.code): \(RegistryErrorBody.summary(body))",
                                            subject: reference.description)
            }
            let temporary = store.temporaryPath()
            do {
                try await write(response, of: descriptor, to: temporary, progress: progress)
            } catch let failure as BlobMismatch {
                try? FileManager.default.removeItem(atPath: temporary)
                throw RegistryFailure.error("registry.digest-mismatch", failure.message, subject: reference.description,
                                            notes: ["the blob was not stored"])
            } catch {
                try? FileManager.default.removeItem(atPath: temporary)
                if let wait = client.options.retry.delay(afterAttempt: attempt, retryAfter: nil, elapsed: -started.timeIntervalSinceNow) {
                    try await Task.sleep(nanoseconds: UInt64(wait * 1e9))
                    continue
                }
                throw RegistryFailure.error("registry.transfer-failed",
                                            "downloading blob \(descriptor.digest) failed: \(RegistryClient.describe(error))",
                                            subject: reference.description)
            }
            try store.commit(temporary, as: descriptor.digest)
            progress?(.finished(digest: descriptor.digest, size: descriptor.size, outcome: "downloaded"))
            return
        }
    }

    private struct BlobMismatch: Error {
        var message: String
    }

    private func write(_ response: HTTPClientResponse, of descriptor: Descriptor, to temporary: String,
                       progress: TransferProgress?) async throws {
        guard FileManager.default.createFile(atPath: temporary, contents: nil),
              let output = FileHandle(forWritingAtPath: temporary) else {
            throw RegistryFailure.error("registry.cache-failed", "cannot write into the cache", subject: store.directory)
        }
        defer { try? output.close() }
        var hasher = SHA256()
        var size: Int64 = 0
        var reported: Int64 = 0
        for try await buffer in response.body {
            size += Int64(buffer.readableBytes)
            guard size <= descriptor.size else {
                throw BlobMismatch(message: "blob \(descriptor.digest) is longer than its descriptor's \(descriptor.size) bytes")
            }
            buffer.withUnsafeReadableBytes { hasher.update(bufferPointer: $0) }
            try output.write(contentsOf: Data(buffer.readableBytesView))
            if size - reported >= 1 << 20 {
                reported = size
                progress?(.progress(digest: descriptor.digest, done: size, size: descriptor.size))
            }
        }
        let digest = Image.Digest(hex: hasher.finalize().map { String(format: "%02x", $0) }.joined())
        guard size == descriptor.size, digest == descriptor.digest else {
            throw BlobMismatch(message: "blob \(descriptor.digest) hashes to \(digest) (\(size) bytes), not its digest")
        }
    }
}
