import Foundation
import Image
import Registry
import Synchronization

/// Shows a push's or pull's progress on stderr: on a terminal, a line per blob as it
/// finishes (digest, size, what happened, rate); otherwise one summary line at the end.
final class TransferRenderer: Sendable {
    private struct State {
        var started: [Digest: ContinuousClock.Instant] = [:]
        var counts: [String: Int] = [:]
        var bytes: Int64 = 0
        var moved: Int64 = 0
    }

    private let state = Mutex(State())
    private let terminal: Bool
    private let begun = ContinuousClock.now
    private let output: @Sendable (String) -> Void

    /// - Parameters:
    ///   - terminal: Whether stderr is a terminal (a line per blob) or not (a summary).
    ///   - output: Where lines go.
    init(terminal: Bool, output: @escaping @Sendable (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }) {
        self.terminal = terminal
        self.output = output
    }

    /// Takes one event.
    func event(_ event: TransferEvent) {
        switch event {
        case .started(let digest, _):
            state.withLock { $0.started[digest] = .now }
        case .progress:
            break
        case .finished(let digest, let size, let outcome):
            let line: String? = state.withLock { state in
                state.counts[outcome, default: 0] += 1
                state.bytes += size
                let moved = outcome == "uploaded" || outcome == "downloaded"
                if moved { state.moved += size }
                guard terminal else { return nil }
                let seconds = state.started[digest].map { Self.seconds(ContinuousClock.now - $0) } ?? 0
                let rate = moved && seconds > 0 ? String(format: ", %.1f MB/s", Double(size) / 1e6 / seconds) : ""
                return "\(digest.description.prefix(19))  \(Self.size(size))  \(outcome)\(rate)\n"
            }
            if let line { output(line) }
        }
    }

    /// The summary line (printed when stderr is not a terminal).
    func finish(_ verb: String) {
        let text = state.withLock { state -> String in
            let seconds = Self.seconds(ContinuousClock.now - begun)
            let parts = state.counts.keys.sorted().map { "\(state.counts[$0] ?? 0) \($0)" }.joined(separator: ", ")
            return "\(verb) \(state.counts.values.reduce(0, +)) blobs (\(parts)), \(Self.size(state.moved)) transferred in "
                + String(format: "%.1f s", seconds) + "\n"
        }
        if !terminal { output(text) }
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    static func size(_ bytes: Int64) -> String {
        bytes >= 1 << 20 ? String(format: "%.1f MiB", Double(bytes) / 1_048_576) : "\(bytes) B"
    }
}
