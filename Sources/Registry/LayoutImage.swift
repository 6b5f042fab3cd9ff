import Foundation
import Image

/// The image an OCI layout holds, as a push needs it: the top manifest (or index) with its
/// exact bytes, the manifests an index lists, and every blob they reference.
struct LayoutImage {
    /// A manifest or index, with the bytes whose digest it is.
    struct Document {
        var digest: Digest
        var mediaType: String
        var bytes: [UInt8]
    }

    /// What the tag will point at.
    var top: Document
    /// The manifests of a multi-platform image, pushed by digest before the index.
    var childManifests: [Document]
    /// Config and layer blobs, deduplicated.
    var blobs: [Descriptor]

    /// Reads the layout.
    /// - Parameters:
    ///   - files: The layout's files.
    ///   - tag: Picks the manifest annotated with this tag when index.json lists several.
    init(files: LayoutFiles, tag: String?) throws {
        let directory = files.origin
        guard let indexBytes = files.contents("index.json") else {
            throw RegistryFailure.atFile("registry.bad-image", "missing index.json in the image", path: directory)
        }
        let index: ImageIndex = try Self.decode(bytes: indexBytes, origin: directory)
        var candidates = index.manifests
        if candidates.count > 1, let tag {
            candidates = candidates.filter { $0.annotations?[ImageIndex.refNameAnnotation] == tag }
        }
        guard candidates.count == 1, let chosen = candidates.first else {
            throw RegistryFailure.error("registry.bad-image",
                                        "the image archive holds \(index.manifests.count) manifests; nbship pushes one (name it by its tag)",
                                        subject: directory)
        }
        let topDocument = try Self.document(chosen, in: files)
        top = topDocument
        var children: [Document] = []
        var manifests: [Manifest] = []
        if chosen.mediaType == MediaType.imageIndex || chosen.mediaType == MediaType.dockerManifestList {
            let nested: ImageIndex = try Self.decode(bytes: topDocument.bytes, origin: directory)
            for descriptor in nested.manifests {
                let child = try Self.document(descriptor, in: files)
                children.append(child)
                manifests.append(try Self.decode(bytes: child.bytes, origin: directory))
            }
        } else {
            manifests.append(try Self.decode(bytes: topDocument.bytes, origin: directory))
        }
        childManifests = children
        var seen = Set<Digest>()
        var blobs: [Descriptor] = []
        for manifest in manifests {
            for descriptor in [manifest.config] + manifest.layers where seen.insert(descriptor.digest).inserted {
                guard files.region(descriptor.digest.blobPath)?.size == descriptor.size else {
                    throw RegistryFailure.atFile("registry.bad-image",
                                                 "blob \(descriptor.digest) is missing from the image or has the wrong size", path: directory)
                }
                blobs.append(descriptor)
            }
        }
        self.blobs = blobs
    }

    private static func document(_ descriptor: Descriptor, in files: LayoutFiles) throws -> Document {
        guard let bytes = files.contents(descriptor.digest.blobPath) else {
            throw RegistryFailure.atFile("registry.bad-image", "manifest \(descriptor.digest) is missing from the image", path: files.origin)
        }
        guard Digest.of(bytes) == descriptor.digest else {
            throw RegistryFailure.atFile("registry.bad-image", "manifest \(descriptor.digest) does not match its digest", path: files.origin)
        }
        return Document(digest: descriptor.digest, mediaType: descriptor.mediaType, bytes: bytes)
    }

    static func decode<T: Decodable>(_ path: String, origin: String) throws -> T {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RegistryFailure.error("registry.bad-image", "missing \((path as NSString).lastPathComponent) in the image", subject: origin)
        }
        return try decode(bytes: [UInt8](data), origin: origin)
    }

    static func decode<T: Decodable>(bytes: [UInt8], origin: String) throws -> T {
        do {
            return try JSONDecoder().decode(T.self, from: Data(bytes))
        } catch {
            throw RegistryFailure.error("registry.bad-image", "cannot decode a manifest of the image: \(error)", subject: origin)
        }
    }
}
