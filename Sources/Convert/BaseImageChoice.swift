import Requirements

/// The Dockerfile's default base image: the official slim Debian image of the target Python
/// version, pinned to a full release tag (never `latest`, never a bare `3.11`).
public enum BaseImageChoice {
    /// The newest patch release with a `-slim-bookworm` image, per minor version.
    static let releases: [Int: String] = [9: "3.9.21", 10: "3.10.16", 11: "3.11.11", 12: "3.12.8", 13: "3.13.1"]

    /// The default base image for a Python version.
    /// - Parameter version: The target Python version.
    /// - Returns: `python:3.11.11-slim-bookworm` and the like; versions outside 3.9–3.13 fall
    ///   back to the closest one.
    public static func defaultImage(for version: PythonVersion) -> String {
        let minor = min(max(version.minor, 9), 13)
        return "python:\(releases[minor] ?? "3.11.11")-slim-bookworm"
    }
}
