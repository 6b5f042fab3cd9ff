/// One row of the curated import → distribution table.
public struct ImportMapEntry: Sendable, Hashable, Codable {
    /// The module name or dotted prefix (`sklearn`, `google.cloud.storage`).
    public var importPrefix: String
    /// The PyPI distribution as written in the table, or `nil` when no index provides the
    /// module (`google.colab`).
    public var distribution: String?
    /// Why the mapping is what it is (may be empty).
    public var note: String
    /// Distributions that provide the same import with the same version numbers
    /// (`opencv-python` for `cv2`); used for the version when ``distribution`` is not installed.
    public var equivalents: [String]

    /// Creates an entry.
    /// - Parameters:
    ///   - importPrefix: The module name or dotted prefix.
    ///   - distribution: The distribution, `nil` for "not installable".
    ///   - note: A note, may be empty.
    ///   - equivalents: Drop-in distributions with the same version numbers.
    public init(importPrefix: String, distribution: String?, note: String = "", equivalents: [String] = []) {
        self.importPrefix = importPrefix
        self.distribution = distribution
        self.note = note
        self.equivalents = equivalents
    }
}
