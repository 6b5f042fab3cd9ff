/// What one import turned out to be.
public enum ImportResolution: Sendable, Hashable, Codable {
    /// Part of the standard library of the target Python version.
    case standardLibrary
    /// A file or package next to the notebook (or a relative import).
    case local(LocalModule)
    /// Provided by a distribution, named by the curated table, a stated requirement whose
    /// name equals the import's, or the environment's installed files.
    case distribution(name: String, via: Evidence)
    /// Not resolved; a diagnostic says why.
    case unresolved

    /// How an import was tied to a distribution.
    public enum Evidence: String, Sendable, Hashable, Codable {
        /// The curated import map.
        case table
        /// A `--require` or `!pip install` spec with the same normalised name.
        case stated
        /// The files of a distribution installed in the environment.
        case environment
    }
}
