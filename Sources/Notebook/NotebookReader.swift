import Diagnostics

/// The **read** stage: notebook bytes → ``Notebook``.
///
/// Reads nbformat 4.0–4.5 (and later 4.x minors), upgrades nbformat 2 and 3 the way
/// nbformat's own converter does, and refuses everything else with a located
/// ``Diagnostics/DiagnosticError``. The JSON is parsed by a strict parser of its own that
/// reports `line:column`; cell outputs are validated but kept as raw bytes
/// (``RawJSON``), so megabytes of base64 images cost one fast scan.
///
/// This is the single entry point for fuzzing: it never traps, whatever the bytes.
public struct NotebookReader: Sendable {
    /// Refuse notebooks whose kernel is not Python (`notebook.unsupported-kernel`).
    public var requirePython: Bool
    /// Accept a notebook with no cells (otherwise `notebook.empty`).
    public var allowEmpty: Bool

    /// Creates a reader.
    /// - Parameters:
    ///   - requirePython: Refuse non-Python kernels (the default, for conversion); pass
    ///     `false` to read any notebook.
    ///   - allowEmpty: Accept a notebook with zero cells (by default an error).
    public init(requirePython: Bool = true, allowEmpty: Bool = false) {
        self.requirePython = requirePython
        self.allowEmpty = allowEmpty
    }

    /// Reads a notebook from its bytes.
    /// - Parameters:
    ///   - bytes: The file's contents.
    ///   - path: The file's name, used only in diagnostics.
    /// - Returns: The notebook (in the nbformat 4 model) and the warnings found.
    /// - Throws: A ``Diagnostics/DiagnosticError``: `notebook.invalid-json`,
    ///   `notebook.empty`, `notebook.not-an-object`, `notebook.missing-key`,
    ///   `notebook.invalid-type`, `notebook.unsupported-version` or
    ///   `notebook.unsupported-kernel`, located at the offending key or value.
    public func read(_ bytes: [UInt8], path: String) throws(DiagnosticError) -> ReadResult {
        try read(ByteStorage(bytes), path: path)
    }

    func read(_ storage: ByteStorage, path: String) throws(DiagnosticError) -> ReadResult {
        let (bomLength, blank) = storage.withUnsafeBytes { buffer in
            let bom = buffer.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            return (bom, buffer.dropFirst(bom).allSatisfy(JSONScanner.isWhitespace))
        }
        if blank {
            let message = storage.count == 0 ? "empty file; a notebook is a JSON document" : "the file contains only whitespace; a notebook is a JSON document"
            throw DiagnosticError(.error("notebook.empty", message, at: SourceLocation(path: path, line: 1, column: 1)))
        }
        let parsed: JSONDocument.Parsed
        switch JSONDocument.parse(storage, from: bomLength) {
        case .success(let value):
            parsed = value
        case .failure(let failure):
            let locator = Locator(path: path, storage: storage, newlines: failure.newlines, bomLength: bomLength)
            throw DiagnosticError(.error(
                "notebook.invalid-json", failure.error.message,
                at: locator.location(of: failure.error.offset),
                notes: ["a notebook must be valid JSON (RFC 8259)"]))
        }
        var context = ReadContext(
            locator: Locator(path: path, storage: storage, newlines: parsed.newlines, bomLength: bomLength),
            storage: storage)
        if bomLength > 0 {
            context.warn("notebook.bom", "the file starts with a UTF-8 byte order mark, which Jupyter does not accept", at: 0)
        }
        let notebook = try context.notebook(from: parsed.root)
        var warnings = context.warnings
        if !allowEmpty {
            try notebook.checkNotEmpty()
        }
        if requirePython {
            warnings += try notebook.checkPythonKernel()
        }
        // In file order (stable for warnings at the same spot).
        let ordered = warnings.enumerated().sorted { left, right in
            let l = left.element.location, r = right.element.location
            let lk = (l?.line ?? 0, l?.column ?? 0, left.offset)
            let rk = (r?.line ?? 0, r?.column ?? 0, right.offset)
            return lk < rk
        }
        return ReadResult(notebook: notebook, warnings: ordered.map(\.element))
    }
}
