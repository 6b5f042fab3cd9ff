/// A layer made of the project's own files (as opposed to pip's): which top-level names of
/// the project it takes. Each lands under `/app`, owned by the app user.
///
/// The project's files are split in three so that each kind of change rewrites one layer:
/// `data/` (the training data, large and rarely changed), `artifacts/` (a trained model,
/// large, changed by training) and the application (`src/`, `pyproject.toml`, the pinned
/// requirement files; small, changed often). A layer whose names are all absent is left out.
struct ProjectLayer: Sendable {
    /// The role reported in ``ImageBuild/Layer`` and ``LayerProgress``.
    var role: String
    /// The history line.
    var createdBy: String
    /// Whether a top-level name of the project belongs in this layer.
    var takes: @Sendable (String) -> Bool

    /// `data/` → `/app/data`: what `python3 -m PKG.train` reads; the served API does not need
    /// it (`nbship build --no-data` leaves it out).
    static let data = ProjectLayer(
        role: "data", createdBy: "nbship build: data (data/) in /app/data", takes: { $0 == "data" })

    /// `artifacts/` → `/app/artifacts`: the trained model, when the project has one.
    static let artifacts = ProjectLayer(
        role: "artifacts", createdBy: "nbship build: artifacts (artifacts/) in /app/artifacts", takes: { $0 == "artifacts" })

    /// `src/`, `pyproject.toml`, `requirements*.txt` and `requirements.lock` → `/app`.
    static let application = ProjectLayer(
        role: "application", createdBy: "nbship build: application (src, pyproject.toml, pinned requirements) in /app",
        takes: { name in
            name == "src" || name == "pyproject.toml" || name == DependencyInstaller.lockFile
                || (name.hasPrefix("requirements") && name.hasSuffix(".txt"))
        })

    /// The project layers a build makes, bottom first (least often changed first), with the
    /// names each takes; layers with nothing to take are left out.
    /// - Parameters:
    ///   - names: The project directory's top-level names.
    ///   - includeData: Whether `data/` goes into the image.
    /// - Returns: Each layer and its names, sorted.
    static func plan(names: [String], includeData: Bool) -> [(layer: ProjectLayer, names: [String])] {
        let layers = includeData ? [data, artifacts, application] : [artifacts, application]
        return layers.compactMap { layer in
            let taken = names.filter(layer.takes).sorted()
            return taken.isEmpty ? nil : (layer, taken)
        }
    }
}
