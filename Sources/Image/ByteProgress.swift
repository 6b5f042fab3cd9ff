/// Turns a stream of byte counts into progress reports `(done, total)`: at most one per
/// `interval` bytes, strictly increasing, and always a last one at the final count.
struct ByteProgress {
    /// The expected total.
    let total: Int64
    /// Bytes between two reports.
    let interval: Int64
    /// Bytes counted so far.
    private(set) var done: Int64 = 0
    private var reported: Int64?

    init(total: Int64, interval: Int64 = 1 << 20) {
        self.total = total
        self.interval = max(1, interval)
    }

    /// Counts `count` more bytes, reporting when `interval` bytes have passed since the last report.
    mutating func advance(by count: Int64, _ report: (Int64, Int64) -> Void) {
        done += count
        if done - (reported ?? 0) >= interval {
            reported = done
            report(done, total)
        }
    }

    /// Reports the final count unless it was the last one reported.
    mutating func finish(_ report: (Int64, Int64) -> Void) {
        if reported != done {
            reported = done
            report(done, total)
        }
    }
}
