import Archive

/// Everything `nbship build` needs to make an image.
public struct ImageBuildRequest: Sendable {
    /// The converted project (holds `src/`, `requirements.txt`, …).
    public var project: String
    /// The base image.
    public var base: BaseReference
    /// The image name, e.g. `irisdemo` or `ghcr.io/acme/irisdemo`.
    public var name: String
    /// The tag, e.g. `1.0`.
    public var tag: String
    /// Seconds since the epoch for every timestamp (`--epoch`, `SOURCE_DATE_EPOCH`).
    public var epoch: Int64
    /// How many layers may be written at once.
    public var jobs: Int
    /// The layer cache, or nil for a throw-away cache in `workDirectory`.
    public var cacheDirectory: String?
    /// Scratch space the caller creates and removes.
    public var workDirectory: String
    /// The build machine's python, whose pip fetches wheels.
    public var hostPython: String
    /// The image's Python version, when the base does not record it.
    public var pythonVersion: String?
    /// nbship's version, recorded in history and in cache keys.
    public var toolVersion: String
    /// uid/gid of the user the image runs as (owns `/app`).
    public var appUser: Int64
    /// The port the served API listens on.
    public var port: Int
    /// Extra config labels; they win over the base's and over those the project's
    /// `[tool.nbship]` table implies (``ProjectMetadata``).
    public var labels: [String: String]
    /// Ship the dependencies' `.pyc` files, compiled with `--invalidation-mode unchecked-hash`
    /// (needs a build machine python of the image's version).
    public var compileBytecode: Bool
    /// Put the project's `data/` into the image (its own layer, at `/app/data`): training in
    /// the image needs it, serving does not.
    public var includeData: Bool
    /// How nbship's new layers are compressed (`--compression`; base layers are copied as
    /// they are).
    public var compression: LayerCompression
    /// Compressing threads per layer (never changes the bytes).
    public var compressionWorkers: Int

    /// Creates a request.
    public init(
        project: String, base: BaseReference, name: String, tag: String, epoch: Int64 = 0, jobs: Int = 2,
        cacheDirectory: String? = nil, workDirectory: String, hostPython: String = "python3", pythonVersion: String? = nil,
        toolVersion: String, appUser: Int64 = 1000, port: Int = 8000, labels: [String: String] = [:],
        compileBytecode: Bool = false, includeData: Bool = true, compression: LayerCompression = .defaultGzip,
        compressionWorkers: Int = CompressedTarStream.defaultWorkers
    ) {
        self.project = project
        self.base = base
        self.name = name
        self.tag = tag
        self.epoch = epoch
        self.jobs = jobs
        self.cacheDirectory = cacheDirectory
        self.workDirectory = workDirectory
        self.hostPython = hostPython
        self.pythonVersion = pythonVersion
        self.toolVersion = toolVersion
        self.appUser = appUser
        self.port = port
        self.labels = labels
        self.compileBytecode = compileBytecode
        self.includeData = includeData
        self.compression = compression
        self.compressionWorkers = compressionWorkers
    }

    /// The label recording the digest of the notebook the project was converted from.
    public static let notebookDigestLabel = "io.nbship.notebook.digest"

    /// The label recording the notebook's path as the project's `[tool.nbship]` gives it.
    public static let notebookLabel = "io.nbship.notebook"

    /// `docker.io/library/NAME:TAG` style full name (containerd's `io.containerd.image.name`).
    public var fullName: String { ImageAssembler.fullName(name, tag) }
}
