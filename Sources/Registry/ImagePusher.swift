import Diagnostics
import Foundation
import Image
import NIOCore
import NIOHTTP1

/// Pushes an OCI layout (an unpacked oci-archive) to a registry: blobs first (each `HEAD`ed
/// and skipped when present, mounted from another repository when known there, else
/// uploaded: in one `PUT` up to the chunk size, in `PATCH` chunks with `Content-Range` above
/// it), the manifest `PUT` last so a failed push leaves no tag.
public struct ImagePusher: Sendable {
    /// The client for the target registry.
    public var client: RegistryClient
    /// Where blob locations are remembered (for cross-repository mounts), if anywhere.
    public var locations: BlobLocations?

    /// Creates a pusher.
    /// - Parameters:
    ///   - client: The registry client.
    ///   - locations: The blob location records.
    public init(client: RegistryClient, locations: BlobLocations?) {
        self.client = client
        self.locations = locations
    }

    /// Pushes the image in `layout` to `target`.
    /// - Parameters:
    ///   - layout: The OCI layout (a directory, or an oci-archive read in place).
    ///   - target: The registry reference; its tag names the manifest (a digest-only target pushes untagged).
    ///   - progress: Progress events.
    /// - Returns: What was done.
    /// - Throws: `DiagnosticError`.
    public func push(layout: LayoutFiles, to target: ImageReference, progress: TransferProgress? = nil) async throws -> PushReport {
        let image = try LayoutImage(files: layout, tag: target.tag)
        let scope = "repository:\(target.repository):pull,push"
        var blobs: [PushReport.Blob] = []
        var uploaded: Int64 = 0
        for descriptor in image.blobs.sorted(by: { ($0.size, $0.digest) < ($1.size, $1.digest) }) {
            guard let region = layout.region(descriptor.digest.blobPath) else {
                throw RegistryFailure.atFile("registry.bad-image", "blob \(descriptor.digest) is missing from the image", path: layout.origin)
            }
            let (outcome, sent) = try await pushBlob(descriptor, file: region, to: target, scope: scope, progress: progress)
            uploaded += sent
            blobs.append(PushReport.Blob(digest: descriptor.digest, size: descriptor.size, mediaType: descriptor.mediaType, outcome: outcome))
            locations?.record(descriptor.digest, registry: target.registry, repository: target.repository)
            progress?(.finished(digest: descriptor.digest, size: descriptor.size, outcome: outcome.rawValue))
        }
        for child in image.childManifests {
            try await putManifest(child.bytes, mediaType: child.mediaType, digest: child.digest, reference: child.digest.description,
                                  target: target, scope: scope)
        }
        let reference = target.tag ?? image.top.digest.description
        try await putManifest(image.top.bytes, mediaType: image.top.mediaType, digest: image.top.digest, reference: reference,
                              target: target, scope: scope)
        return PushReport(reference: target.description, manifestDigest: image.top.digest, manifestSize: Int64(image.top.bytes.count),
                          blobs: blobs, bytesUploaded: uploaded)
    }

    private func blobsPath(_ target: ImageReference) -> String { "/v2/\(target.repository)/blobs" }

    private func pushBlob(_ descriptor: Descriptor, file: LayoutFiles.Region, to target: ImageReference, scope: String,
                          progress: TransferProgress?) async throws -> (PushReport.Outcome, Int64) {
        progress?(.started(digest: descriptor.digest, size: descriptor.size))
        let head = try await client.send(RegistryRequest(.HEAD, "\(blobsPath(target))/\(descriptor.digest)", scope: scope))
        if head.status == .ok { return (.present, 0) }
        guard head.status == .notFound else {
            throw unexpected(head, "HEAD blob \(descriptor.digest)", target)
        }
        var location: String?
        for source in locations?.repositories(holding: descriptor.digest, on: target.registry) ?? [] where source != target.repository {
            let mountScope = "\(scope) repository:\(source):pull"
            let mount = try await client.send(RegistryRequest(
                .POST, "\(blobsPath(target))/uploads/?mount=\(descriptor.digest)&from=\(source)", scope: mountScope))
            if mount.status == .created { return (.mounted, 0) }
            if mount.status == .accepted, let started = mount.headers.first(name: "Location") {
                location = started
                break
            }
        }
        var restarted = false
        while true {
            if location == nil { location = try await startUpload(target, scope: scope) }
            guard let current = location else { throw unexpected(head, "POST blob upload", target) }
            do {
                let sent = try await upload(descriptor, file: file, location: current, target: target, scope: scope, progress: progress)
                return (.uploaded, sent)
            } catch is UploadLost where !restarted {
                // The registry no longer knows the session (or cannot say where it stands): from the start.
                restarted = true
                location = nil
            }
        }
    }

    /// The registry dropped an upload session; the blob is sent again in a new one.
    private struct UploadLost: Error {}

    private func startUpload(_ target: ImageReference, scope: String) async throws -> String {
        let start = try await client.send(RegistryRequest(.POST, "\(blobsPath(target))/uploads/", scope: scope))
        guard start.status == .accepted, let started = start.headers.first(name: "Location") else {
            throw unexpected(start, "POST blob upload", target)
        }
        return started
    }

    /// Sends the blob's bytes to an upload session and closes it with `PUT ?digest=`.
    private func upload(_ descriptor: Descriptor, file: LayoutFiles.Region, location: String, target: ImageReference, scope: String,
                        progress: TransferProgress?) async throws -> Int64 {
        guard let input = FileHandle(forReadingAtPath: file.path) else {
            throw RegistryFailure.atFile("registry.bad-image", "blob \(descriptor.digest) is missing from the image", path: file.path)
        }
        defer { try? input.close() }
        let chunkSize = client.options.chunkSize
        let digestQuery = "digest=\(descriptor.digest)"
        if descriptor.size <= Int64(chunkSize) {
            try input.seek(toOffset: file.offset)
            let bytes = try input.read(upToCount: Int(descriptor.size)) ?? Data()
            let put = try await client.send(RegistryRequest(
                .PUT, Self.appending(digestQuery, to: location),
                headers: [("Content-Type", "application/octet-stream")], body: ByteBuffer(bytes: bytes), scope: scope))
            guard put.status == .created else { throw unexpected(put, "PUT blob \(descriptor.digest)", target) }
            progress?(.progress(digest: descriptor.digest, done: descriptor.size, size: descriptor.size))
            return Int64(bytes.count)
        }
        var location = location
        var offset: Int64 = 0
        var sent: Int64 = 0
        var resumes = 0
        while offset < descriptor.size {
            try input.seek(toOffset: file.offset + UInt64(offset))
            let chunk = try input.read(upToCount: Int(min(Int64(chunkSize), descriptor.size - offset))) ?? Data()
            guard !chunk.isEmpty else {
                throw RegistryFailure.atFile("registry.bad-image", "blob \(descriptor.digest) is shorter than its descriptor", path: file.path)
            }
            let end = offset + Int64(chunk.count) - 1
            let patch: RegistryClient.Response
            do {
                patch = try await client.send(RegistryRequest(
                    .PATCH, location,
                    headers: [("Content-Type", "application/octet-stream"), ("Content-Range", "\(offset)-\(end)")],
                    body: ByteBuffer(bytes: chunk), scope: scope, resendable: false))
            } catch let error as DiagnosticError where resumes < 3 && Self.brokenChunk.contains(error.diagnostic.id) {
                // The chunk broke on its way (the registry may hold part of it): ask the
                // registry where the upload stands and go on from its offset.
                resumes += 1
                try await Task.sleep(nanoseconds: UInt64((client.options.retry.delay(afterAttempt: resumes, retryAfter: nil, elapsed: 0) ?? 0) * 1e9))
                let status = try await client.send(RegistryRequest(.GET, location, scope: scope))
                guard status.status == .noContent, let range = status.headers.first(name: "Range") else { throw UploadLost() }
                if let newLocation = status.headers.first(name: "Location") { location = newLocation }
                let reported = Self.nextOffset(range: range)
                // `0-0` is what distribution answers for nothing as well as for one byte: start over.
                guard reported > 1, reported <= offset + Int64(chunk.count) else { throw UploadLost() }
                sent += max(0, reported - offset)
                offset = reported
                progress?(.progress(digest: descriptor.digest, done: offset, size: descriptor.size))
                continue
            }
            if patch.status == .rangeNotSatisfiable, resumes < 3 {
                // The registry has a different part than we think: ask it where to go on from.
                resumes += 1
                let status = try await client.send(RegistryRequest(.GET, location, scope: scope))
                guard status.status == .noContent, let range = status.headers.first(name: "Range") else { throw UploadLost() }
                if let newLocation = status.headers.first(name: "Location") { location = newLocation }
                offset = Self.nextOffset(range: range)
                continue
            }
            if patch.status == .notFound || patch.status == .rangeNotSatisfiable
                || (patch.status == .badRequest && RegistryErrorBody.codes(patch.body).contains("BLOB_UPLOAD_INVALID")) {
                throw UploadLost()
            }
            guard patch.status == .accepted else { throw unexpected(patch, "PATCH blob \(descriptor.digest)", target) }
            if let newLocation = patch.headers.first(name: "Location") { location = newLocation }
            sent += Int64(chunk.count)
            offset = end + 1
            if let range = patch.headers.first(name: "Range") { offset = max(offset, Self.nextOffset(range: range)) }
            progress?(.progress(digest: descriptor.digest, done: offset, size: descriptor.size))
        }
        let put = try await client.send(RegistryRequest(.PUT, Self.appending(digestQuery, to: location), scope: scope))
        guard put.status == .created else { throw unexpected(put, "PUT blob \(descriptor.digest)", target) }
        return sent
    }

    private func putManifest(_ bytes: [UInt8], mediaType: String, digest: Digest, reference: String, target: ImageReference,
                             scope: String) async throws {
        let put = try await client.send(RegistryRequest(
            .PUT, "/v2/\(target.repository)/manifests/\(reference)",
            headers: [("Content-Type", mediaType)], body: ByteBuffer(bytes: bytes), scope: scope))
        guard put.status == .created else { throw unexpected(put, "PUT manifest \(reference)", target) }
        if let answered = put.headers.first(name: "Docker-Content-Digest"), answered != digest.description {
            throw RegistryFailure.error("registry.digest-mismatch",
                                        "the registry stored the manifest as \(answered), not \(digest)", subject: target.description)
        }
    }

    /// The failures of a chunk `PATCH` after which the registry may hold part of the chunk.
    static let brokenChunk: Set<String> = ["registry.unreachable", "registry.server-error", "registry.transfer-failed"]

    /// `0-1234` → 1235: the offset after the last byte the registry has.
    static func nextOffset(range: String) -> Int64 {
        let parts = range.replacingOccurrences(of: "bytes=", with: "").split(separator: "-")
        guard parts.count == 2, let last = Int64(parts[1].trimmingCharacters(in: .whitespaces)) else { return 0 }
        return last + 1
    }

    static func appending(_ query: String, to location: String) -> String {
        location + (location.contains("?") ? "&" : "?") + query
    }

    private func unexpected(_ response: RegistryClient.Response, _ action: String, _ target: ImageReference) -> DiagnosticError {
        RegistryFailure.error("registry.unexpected-response", "\(action) answered \(response.status.code): \(RegistryErrorBody.summary(response.body))",
                                     subject: target.description)
    }
}
