/// A file copied into the project as it is (data files, local modules): bytes are never
/// re-encoded.
public struct FileCopy: Sendable, Hashable, Codable {
    /// The file to copy.
    public var source: String
    /// Its path inside the project (`data/churn.csv`).
    public var path: String
    /// Its size in bytes.
    public var size: Int

    /// Creates a copy.
    public init(source: String, path: String, size: Int) {
        self.source = source
        self.path = path
        self.size = size
    }
}
