import Diagnostics

/// State shared while turning a parsed JSON tree into a ``Notebook``: where things are,
/// the warnings so far, and the file's bytes for raw values.
struct ReadContext {
    let locator: Locator
    let storage: ByteStorage
    private(set) var warnings: [Diagnostic] = []

    init(locator: Locator, storage: ByteStorage) {
        self.locator = locator
        self.storage = storage
    }

    func location(_ offset: Int) -> SourceLocation {
        locator.location(of: offset)
    }

    func error(_ id: String, _ message: String, at offset: Int, notes: [String] = []) -> DiagnosticError {
        DiagnosticError(.error(id, message, at: location(offset), notes: notes))
    }

    mutating func warn(_ id: String, _ message: String, at offset: Int, notes: [String] = []) {
        warnings.append(.warning(id, message, at: location(offset), notes: notes))
    }

    /// The raw bytes of a value kept raw by the parser (outputs, attachments).
    func raw(_ node: JSONNode?) -> RawJSON? {
        guard let node else { return nil }
        if case .raw(let range) = node.kind {
            return RawJSON(storage: storage, range: range)
        }
        return nil
    }

    /// A required member: `notebook.missing-key` at `object` when absent.
    func require(_ key: String, in object: JSONNode, _ message: @autoclosure () -> String) throws(DiagnosticError) -> JSONNode.Member {
        guard let member = object.member(key) else {
            throw error("notebook.missing-key", message(), at: object.offset)
        }
        return member
    }

    /// Checks that `node` is an object: `notebook.invalid-type` at it otherwise.
    func requireObject(_ node: JSONNode, _ what: String) throws(DiagnosticError) {
        guard node.isObject else {
            throw error("notebook.invalid-type", "\(what) must be an object, found \(node.typeDescription)", at: node.offset)
        }
    }

    /// The elements of an array: `notebook.invalid-type` at `node` otherwise.
    func requireArray(_ node: JSONNode, _ what: String) throws(DiagnosticError) -> [JSONNode] {
        guard let elements = node.elements else {
            throw error("notebook.invalid-type", "\(what) must be an array, found \(node.typeDescription)", at: node.offset)
        }
        return elements
    }
}
