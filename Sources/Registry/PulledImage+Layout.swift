import Foundation
import Image

extension PulledImage {
    /// The tag recorded in layouts: the reference's tag, else `latest`.
    var layoutTag: String { resolved.tag ?? "latest" }

    /// The descriptor of the platform manifest, tagged for an OCI layout's index.json.
    func manifestDescriptor() -> Descriptor {
        Descriptor(mediaType: manifestMediaType, digest: manifestDigest, size: Int64(manifestBytes.count),
                   annotations: [ImageIndex.refNameAnnotation: layoutTag,
                                 ImageIndex.containerdNameAnnotation: "\(resolved.name):\(layoutTag)"])
    }

    /// The image as a layout that ``ImageArchiveWriter`` writes as an oci-archive (with the
    /// `manifest.json` that `docker load` reads); the blobs are the store's files.
    /// - Returns: The layout.
    public func archiveLayout() -> ImageLayout {
        var contents: [Digest: ImageLayout.BlobContent] = [manifestDigest: .bytes(manifestBytes)]
        for (descriptor, path) in blobs { contents[descriptor.digest] = .file(path: path, size: descriptor.size) }
        let docker = DockerManifestEntry(
            config: manifest.config.digest.blobPath, repoTags: ["\(resolved.name):\(layoutTag)"],
            layers: manifest.layers.map(\.digest.blobPath))
        return ImageLayout(index: ImageIndex(manifests: [manifestDescriptor()]), dockerManifest: [docker], blobs: contents)
    }

    /// Writes an OCI layout directory whose blobs are links to the store's files, for
    /// ``BaseImageLoader`` to read as `oci:DIR`.
    /// - Parameter directory: A new directory (created).
    /// - Throws: When it cannot be written.
    public func writeLinkedLayout(to directory: String) throws {
        let manager = FileManager.default
        try manager.createDirectory(atPath: directory + "/blobs/sha256", withIntermediateDirectories: true)
        let manifestPath = directory + "/" + manifestDigest.blobPath
        try Data(manifestBytes).write(to: URL(fileURLWithPath: manifestPath))
        for (descriptor, path) in blobs where !manager.fileExists(atPath: directory + "/" + descriptor.digest.blobPath) {
            try manager.createSymbolicLink(atPath: directory + "/" + descriptor.digest.blobPath, withDestinationPath: path)
        }
        try Data(CanonicalJSON.encode(ImageIndex(manifests: [manifestDescriptor()]))).write(to: URL(fileURLWithPath: directory + "/index.json"))
        try Data(#"{"imageLayoutVersion":"1.0.0"}"#.utf8).write(to: URL(fileURLWithPath: directory + "/oci-layout"))
    }
}
