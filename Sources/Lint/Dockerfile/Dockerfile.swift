/// A parsed Dockerfile: its parser directives and instructions.
public struct Dockerfile: Sendable, Hashable {
    /// The escape character (`\` unless `# escape=` says otherwise).
    public var escape: UInt8
    /// The instructions in order.
    public var instructions: [DockerInstruction]

    /// Creates a Dockerfile value.
    public init(escape: UInt8 = UInt8(ascii: "\\"), instructions: [DockerInstruction] = []) {
        self.escape = escape
        self.instructions = instructions
    }
}
