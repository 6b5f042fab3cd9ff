import Diagnostics

/// A `-r`/`-c` line that names a requirements file already being read, closing a loop.
public struct IncludeCycle: Sendable, Hashable {
    /// The files of the loop, from the first one read back to itself.
    public var chain: [String]
    /// The `-r`/`-c` line that closes it.
    public var location: SourceLocation

    /// Creates a cycle.
    public init(chain: [String], location: SourceLocation) {
        self.chain = chain
        self.location = location
    }
}
