/// The tokens of a block of lines, kept up to date across IPython's transform loop.
///
/// IPython re-tokenizes the whole cell after every transformation. Lowering keeps the line
/// count, so after lines `s...e` change, tokenizing resumes from the state saved at line `s`
/// and stops as soon as the state at a later line equals the saved one there: from that line
/// on the old tokens are still exact (same lines, same positions).
struct TokenCache {
    private(set) var tokens: [IPythonToken] = []
    private(set) var failure: IPythonTokenizer.Failure?
    /// The tokenizer before feeding line `i`, and how many tokens existed then.
    private var snapshots: [(tokenizer: IPythonTokenizer, tokenCount: Int)] = []

    init(_ lines: [Scalars]) {
        run(lines, from: 0, changedThrough: -1, start: IPythonTokenizer(), keeping: [], old: nil)
    }

    /// Re-tokenizes after `lines[start...end]` changed (the line count stayed the same).
    mutating func update(_ lines: [Scalars], changed range: ClosedRange<Int>) {
        guard range.lowerBound < snapshots.count else {
            self = TokenCache(lines)
            return
        }
        let snapshot = snapshots[range.lowerBound]
        let old = self
        run(lines, from: range.lowerBound, changedThrough: range.upperBound, start: snapshot.tokenizer,
            keeping: Array(tokens[..<snapshot.tokenCount]), old: old)
    }

    private mutating func run(_ lines: [Scalars], from start: Int, changedThrough end: Int, start tokenizer: IPythonTokenizer,
                              keeping kept: [IPythonToken], old: TokenCache?) {
        var tokenizer = tokenizer
        var newTokens = kept
        var newSnapshots = Array(snapshots.prefix(start))
        var index = start
        while index <= lines.count {
            if let old, index > end, index < lines.count, index < old.snapshots.count,
               tokenizer.continuesLike(old.snapshots[index].tokenizer) {
                let oldCount = old.snapshots[index].tokenCount
                let shift = newTokens.count - oldCount
                newTokens += old.tokens[oldCount...]
                newSnapshots += old.snapshots[index...].map { ($0.tokenizer, $0.tokenCount + shift) }
                tokens = newTokens
                snapshots = newSnapshots
                failure = old.failure
                return
            }
            newSnapshots.append((tokenizer, newTokens.count))
            switch tokenizer.feed(index < lines.count ? lines[index] : [], into: &newTokens) {
            case .more:
                index += 1
                continue
            case .stopped:
                tokenizer.finish(into: &newTokens)
                failure = nil
            case .failed(let reason):
                failure = reason
            }
            break
        }
        tokens = newTokens
        snapshots = newSnapshots
    }
}
