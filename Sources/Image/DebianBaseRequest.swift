/// Inputs of `nbship base debian`.
public struct DebianBaseRequest: Sendable {
    /// The Debian suite, e.g. `bookworm`.
    public var suite: String
    /// Extra packages (python3 by default).
    public var packages: [String]
    /// `SOURCE_DATE_EPOCH` for mmdebstrap and every timestamp in the image.
    public var epoch: Int64
    /// A mirror URL, or nil for mmdebstrap's default.
    public var mirror: String?
    /// The image name and tag recorded in the index.
    public var name: String
    /// The tag.
    public var tag: String
    /// Scratch space (the root file system is built here; needs room for it).
    public var workDirectory: String
    /// nbship's version, for history.
    public var toolVersion: String

    /// Creates a request.
    public init(suite: String = "bookworm", packages: [String] = ["python3"], epoch: Int64 = 0, mirror: String? = nil,
                name: String = "nbship-base", tag: String = "bookworm", workDirectory: String, toolVersion: String) {
        self.suite = suite
        self.packages = packages
        self.epoch = epoch
        self.mirror = mirror
        self.name = name
        self.tag = tag
        self.workDirectory = workDirectory
        self.toolVersion = toolVersion
    }
}
