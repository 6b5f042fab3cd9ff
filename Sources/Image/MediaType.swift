/// The media types nbship reads and writes.
public enum MediaType {
    public static let imageIndex = "application/vnd.oci.image.index.v1+json"
    public static let imageManifest = "application/vnd.oci.image.manifest.v1+json"
    public static let imageConfig = "application/vnd.oci.image.config.v1+json"
    public static let layerTarGzip = "application/vnd.oci.image.layer.v1.tar+gzip"
    public static let layerTarZstd = "application/vnd.oci.image.layer.v1.tar+zstd"
    public static let layerTar = "application/vnd.oci.image.layer.v1.tar"
    public static let dockerManifest = "application/vnd.docker.distribution.manifest.v2+json"
    public static let dockerManifestList = "application/vnd.docker.distribution.manifest.list.v2+json"
    public static let dockerLayerGzip = "application/vnd.docker.image.rootfs.diff.tar.gzip"
    public static let dockerConfig = "application/vnd.docker.container.image.v1+json"

    /// The compression a layer media type names: `gzip`, `zstd` or `none`.
    public static func compression(ofLayer mediaType: String) -> String {
        if mediaType.hasSuffix("+gzip") || mediaType.hasSuffix(".tar.gzip") { return "gzip" }
        if mediaType.hasSuffix("+zstd") || mediaType.hasSuffix(".tar.zstd") { return "zstd" }
        return "none"
    }
}
