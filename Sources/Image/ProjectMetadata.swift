import Foundation

/// What a converted project records about where it came from: the `[tool.nbship]` table of
/// its `pyproject.toml`, which `nbship convert` writes as
///
///     [tool.nbship]
///     notebook = "churn.ipynb"
///     notebook-sha256 = "<64 hex digits>"
///
/// `nbship build` turns it into the image labels ``ImageBuildRequest/notebookLabel`` and
/// ``ImageBuildRequest/notebookDigestLabel``; a project without the table gets neither.
public struct ProjectMetadata: Sendable, Hashable, Codable {
    /// The notebook's path as convert recorded it.
    public var notebook: String?
    /// The sha256 of the notebook's bytes.
    public var notebookDigest: Digest?

    /// Creates metadata.
    /// - Parameters:
    ///   - notebook: The notebook's path.
    ///   - notebookDigest: Its digest.
    public init(notebook: String? = nil, notebookDigest: Digest? = nil) {
        self.notebook = notebook
        self.notebookDigest = notebookDigest
    }

    /// The config labels the metadata implies.
    public var labels: [String: String] {
        var labels: [String: String] = [:]
        if let notebook { labels[ImageBuildRequest.notebookLabel] = notebook }
        if let notebookDigest { labels[ImageBuildRequest.notebookDigestLabel] = notebookDigest.description }
        return labels
    }

    /// Reads `PROJECT/pyproject.toml`; a project without one has no metadata.
    /// - Parameter project: The project directory.
    /// - Returns: The metadata (empty when the file or the table is absent).
    /// - Throws: `DiagnosticError` (`image.bad-project-metadata`) when the table holds a
    ///   key of nbship's with a value of the wrong kind, or a digest that is not 64 hex digits.
    public static func read(project: String) throws -> ProjectMetadata {
        let path = project + "/pyproject.toml"
        guard let data = FileManager.default.contents(atPath: path) else { return ProjectMetadata() }
        return try parse(String(decoding: data, as: UTF8.self), path: path)
    }
}
