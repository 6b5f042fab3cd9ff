/// An nbformat version as written in a file (`nbformat`, `nbformat_minor`).
public struct NotebookVersion: Sendable, Hashable, Codable, CustomStringConvertible {
    /// `nbformat`.
    public var major: Int
    /// `nbformat_minor`.
    public var minor: Int

    /// Creates a version.
    /// - Parameters:
    ///   - major: `nbformat`.
    ///   - minor: `nbformat_minor`.
    public init(major: Int, minor: Int) {
        self.major = major
        self.minor = minor
    }

    /// `major.minor`, e.g. `3.0`.
    public var description: String { "\(major).\(minor)" }
}
