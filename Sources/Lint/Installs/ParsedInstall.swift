/// A package argument found in a shell command.
public struct ParsedInstall: Sendable, Hashable {
    /// The package manager.
    public var ecosystem: PackageInstall.Ecosystem
    /// The argument word.
    public var word: ShellWord
    /// The package name (or the argument, for paths and URLs).
    public var name: String
    /// How firmly it is pinned.
    public var pin: PinLevel
}
