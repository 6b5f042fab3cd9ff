/// What the build machine's Python brings to the dependency layer: its `major.minor` version
/// (the `.pyc` format when bytecode is compiled) and pip's version (pip decides which wheels
/// it picks and how it lays them out). Both are part of the layer's cache key.
public struct HostPython: Sendable, Hashable, Codable {
    /// `major.minor`, e.g. `3.11`.
    public var version: String
    /// pip's version, e.g. `23.2.1`.
    public var pipVersion: String

    /// Creates a description.
    /// - Parameters:
    ///   - version: `major.minor`.
    ///   - pipVersion: pip's version.
    public init(version: String, pipVersion: String) {
        self.version = version
        self.pipVersion = pipVersion
    }

    /// Asks `python` for its version and its pip's version (one short process).
    /// - Parameters:
    ///   - python: The executable.
    ///   - logDirectory: Where its output is captured.
    /// - Returns: The description.
    /// - Throws: `DiagnosticError` when it does not run or has no pip.
    public static func probe(_ python: String, logDirectory: String) throws -> HostPython {
        let script = "import sys, pip; print('%d.%d' % sys.version_info[:2], pip.__version__)"
        let output = try ProcessRunner.run([python, "-c", script], logDirectory: logDirectory)
        let words = output.text.split(whereSeparator: \.isWhitespace).map(String.init)
        guard output.status == 0, words.count == 2 else {
            let tail = output.text.split(separator: "\n").suffix(5).map(String.init)
            throw ImageFailure.general("image.python-unusable", "cannot read the version of \(python) and its pip", notes: tail)
        }
        return HostPython(version: words[0], pipVersion: words[1])
    }
}
