/// Positions order by byte offset.
extension SourcePosition: Comparable {
    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        lhs.offset < rhs.offset
    }
}
