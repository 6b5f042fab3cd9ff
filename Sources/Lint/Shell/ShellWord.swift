/// One word of a shell command after quote removal, with the offset it starts at.
public struct ShellWord: Sendable, Hashable, CustomStringConvertible {
    /// The word with quotes removed.
    public var text: String
    /// The original offset of its first byte.
    public var offset: Int
    /// `true` when it contains `$…`, `` `…` `` or `$(…)`, so its value is not known.
    public var hasExpansion: Bool

    /// Creates a word.
    public init(text: String, offset: Int, hasExpansion: Bool = false) {
        self.text = text
        self.offset = offset
        self.hasExpansion = hasExpansion
    }

    public var description: String { text }
}
