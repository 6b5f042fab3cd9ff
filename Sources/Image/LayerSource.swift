/// A directory tree to put into a layer, and how.
public struct LayerSource: Sendable, Hashable {
    /// How permission bits are written.
    public enum Modes: Sendable, Hashable {
        /// Directories 0755; files 0755 if any execute bit is set, else 0644; links 0777.
        case normalised
        /// The file system's bits, including setuid/setgid/sticky (for root file systems).
        case preserved
    }

    /// Who owns the entries.
    public enum Owner: Sendable, Hashable {
        /// Every entry gets this uid/gid.
        case fixed(uid: Int64, gid: Int64)
        /// The file system's uid/gid (for root file systems).
        case preserved
    }

    /// Which symbolic links are accepted.
    public enum Symlinks: Sendable, Hashable {
        /// Only relative links that stay inside the tree; anything else is an error.
        case insideTree
        /// The tree is a root file system: absolute links are relative to its root, and
        /// relative links may not climb above it.
        case rootFileSystem
    }

    /// The directory on disk.
    public var directory: String
    /// Where it goes in the image, relative to the root (`app/src`); empty for the root itself.
    public var destination: String
    /// Top-level names to take from `directory` (nil: everything).
    public var include: [String]?
    /// Permission policy.
    public var modes: Modes
    /// Ownership policy.
    public var owner: Owner
    /// Symlink policy.
    public var symlinks: Symlinks
    /// File names skipped anywhere in the tree (`__pycache__`, `.DS_Store`).
    public var excludedNames: Set<String>

    /// Creates a source.
    /// - Parameters:
    ///   - directory: The directory on disk.
    ///   - destination: Its path in the image, without a leading `/`.
    ///   - include: Top-level names to take, or nil for all.
    ///   - modes: Permission policy.
    ///   - owner: Ownership policy.
    ///   - symlinks: Symlink policy.
    ///   - excludedNames: Names skipped at any depth.
    public init(
        directory: String, destination: String, include: [String]? = nil, modes: Modes = .normalised,
        owner: Owner = .fixed(uid: 0, gid: 0), symlinks: Symlinks = .insideTree,
        excludedNames: Set<String> = ["__pycache__", ".DS_Store", ".ipynb_checkpoints"]
    ) {
        self.directory = directory
        self.destination = destination
        self.include = include
        self.modes = modes
        self.owner = owner
        self.symlinks = symlinks
        self.excludedNames = excludedNames
    }
}
