import Foundation

/// Tells whether a top-level module name is a file or package next to the notebook.
public protocol LocalModuleLookup: Sendable {
    /// The relative path of `NAME.py` or `NAME/` (with `__init__.py`) in `directory`.
    /// - Parameters:
    ///   - name: A top-level module name (no dots).
    ///   - directory: The notebook's folder.
    /// - Returns: `NAME.py` or `NAME/`, or `nil` when neither exists.
    func localPath(of name: String, in directory: String) -> String?
}

/// Looks for local modules on disk (reading only).
public struct FileSystemModuleLookup: LocalModuleLookup {
    /// Creates the lookup.
    public init() {}

    public func localPath(of name: String, in directory: String) -> String? {
        let manager = FileManager.default
        let base = directory.hasSuffix("/") ? directory : directory + "/"
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: base + name + ".py", isDirectory: &isDirectory), !isDirectory.boolValue {
            return name + ".py"
        }
        if manager.fileExists(atPath: base + name + "/__init__.py", isDirectory: &isDirectory), !isDirectory.boolValue {
            return name + "/"
        }
        return nil
    }
}
