import Diagnostics

/// An import the notebook makes, as the analyser found it.
public struct ImportedModule: Sendable, Hashable, Codable {
    /// The dotted module name (`sklearn.model_selection`, `.helpers`, `PIL.Image`).
    public var name: String
    /// Where the import is (its `cell` names the notebook cell), if known.
    public var location: SourceLocation?

    /// Creates an import.
    /// - Parameters:
    ///   - name: The dotted module name; a leading dot marks a relative import.
    ///   - location: Where it is.
    public init(_ name: String, at location: SourceLocation? = nil) {
        self.name = name
        self.location = location
    }

    /// The first dotted part (`sklearn` for `sklearn.model_selection`; empty for `.x`).
    public var topLevel: String {
        String(name.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
    }

    /// Whether the import is relative (`from .helpers import x`).
    public var isRelative: Bool { name.hasPrefix(".") }
}
