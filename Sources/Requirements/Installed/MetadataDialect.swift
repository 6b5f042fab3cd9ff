/// The `importlib.metadata` of a Python version, where its answers differ: which files list a
/// distribution's contents, and how top-level modules are inferred without `top_level.txt`.
enum MetadataDialect: Sendable, Hashable {
    /// Python 3.8–3.11: `RECORD`, else `SOURCES.txt`; top-level names from `.py` files.
    case python311
    /// Python 3.12: `installed-files.txt` between the two; `inspect.getmodulename` names.
    case python312
    /// Python 3.13 and later: as 3.12, and a lone file that is not a module keeps its name.
    case python313

    /// The dialect of a Python version.
    init(_ version: PythonVersion) {
        if version < PythonVersion(3, 12) {
            self = .python311
        } else if version < PythonVersion(3, 13) {
            self = .python312
        } else {
            self = .python313
        }
    }
}
