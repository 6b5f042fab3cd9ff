/// One logical line of `make_tokens_by_line`: a window on the cell's tokens, indexed from 0,
/// without copying them.
struct TokenLine: RandomAccessCollection {
    let tokens: [IPythonToken]
    let range: Range<Int>

    var startIndex: Int { 0 }
    var endIndex: Int { range.count }

    subscript(position: Int) -> IPythonToken {
        tokens[range.lowerBound + position]
    }

    func index(after index: Int) -> Int { index + 1 }
    func index(before index: Int) -> Int { index - 1 }
}
