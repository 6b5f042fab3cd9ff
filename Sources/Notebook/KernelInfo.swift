/// What the notebook says about its kernel and language.
public struct KernelInfo: Sendable, Equatable, Codable {
    /// `metadata.kernelspec.name`, e.g. `python3`, or `nil` when absent.
    public var name: String?
    /// The language: `metadata.language_info.name`, else `kernelspec.language`, else `nil`.
    public var language: String?
    /// `metadata.kernelspec.display_name`, when present.
    public var displayName: String?

    /// Creates kernel information.
    public init(name: String? = nil, language: String? = nil, displayName: String? = nil) {
        self.name = name
        self.language = language
        self.displayName = displayName
    }
}
