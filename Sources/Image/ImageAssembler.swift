/// Turns a config and layer blobs into the manifest, index and Docker manifest of an image.
enum ImageAssembler {
    static func assemble(
        config: JSONValue, layers: [(Descriptor, String)], name: String, tag: String, baseDigest: Digest?,
        roles: [String], reused: [Bool]? = nil
    ) throws -> ImageBuild {
        var blobs: [Digest: ImageLayout.BlobContent] = [:]
        for (descriptor, path) in layers { blobs[descriptor.digest] = .file(path: path, size: descriptor.size) }
        let configBytes = try CanonicalJSON.encode(config)
        let configDescriptor = Descriptor(mediaType: MediaType.imageConfig, digest: .of(configBytes), size: Int64(configBytes.count))
        blobs[configDescriptor.digest] = .bytes(configBytes)
        let manifest = Manifest(
            config: configDescriptor, layers: layers.map(\.0),
            annotations: baseDigest.map { ["org.opencontainers.image.base.digest": $0.description] })
        let manifestBytes = try CanonicalJSON.encode(manifest)
        let manifestDigest = Digest.of(manifestBytes)
        blobs[manifestDigest] = .bytes(manifestBytes)
        let index = ImageIndex(manifests: [Descriptor(
            mediaType: MediaType.imageManifest, digest: manifestDigest, size: Int64(manifestBytes.count),
            annotations: [ImageIndex.refNameAnnotation: tag, ImageIndex.containerdNameAnnotation: fullName(name, tag)])])
        let docker = [DockerManifestEntry(
            config: configDescriptor.digest.blobPath, repoTags: ["\(name):\(tag)"], layers: layers.map(\.0.digest.blobPath))]
        let described = layers.enumerated().map { position, layer in
            ImageBuild.Layer(role: position < roles.count ? roles[position] : "layer", descriptor: layer.0,
                             reused: reused.map { position < $0.count && $0[position] } ?? false)
        }
        return ImageBuild(manifestDigest: manifestDigest, layout: ImageLayout(index: index, dockerManifest: docker, blobs: blobs), layers: described)
    }

    /// `docker.io/library/NAME:TAG` style full name (containerd's `io.containerd.image.name`).
    static func fullName(_ name: String, _ tag: String) -> String {
        let first = name.split(separator: "/").first.map(String.init) ?? name
        let hasRegistry = name.contains("/") && (first.contains(".") || first.contains(":") || first == "localhost")
        if hasRegistry { return "\(name):\(tag)" }
        return name.contains("/") ? "docker.io/\(name):\(tag)" : "docker.io/library/\(name):\(tag)"
    }
}
