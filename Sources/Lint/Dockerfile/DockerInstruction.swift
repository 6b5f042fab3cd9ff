/// One logical Dockerfile instruction (its `\` continuations joined).
public struct DockerInstruction: Sendable, Hashable {
    /// The keyword, upper-cased (`FROM`, `RUN`, …).
    public var keyword: String
    /// Everything after the keyword, continuations joined.
    public var arguments: MappedText
    /// The 1-based line the instruction starts on.
    public var line: Int
    /// The 1-based last line (its continuation lines and heredocs included).
    public var endLine: Int
    /// The bodies of its heredocs (`RUN <<EOF … EOF`), in order.
    public var heredocs: [MappedText]

    /// Creates an instruction.
    public init(keyword: String, arguments: MappedText, line: Int, endLine: Int, heredocs: [MappedText] = []) {
        self.keyword = keyword
        self.arguments = arguments
        self.line = line
        self.endLine = endLine
        self.heredocs = heredocs
    }
}
