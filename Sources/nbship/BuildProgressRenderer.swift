import Foundation
import Image
import Synchronization

/// Shows `nbship build`'s progress on a terminal (stderr): one line per layer being written,
/// with a bar and bytes written / total, redrawn at most ten times a second; a finished layer
/// leaves a line that stays. Used only when stderr is a TTY; otherwise nothing is shown.
final class BuildProgressRenderer: Sendable {
    private struct State {
        /// Lines still changing, in the order they first appeared: (name, text).
        var live: [(name: String, text: String)] = []
        /// How many live lines the last redraw left on screen (the cursor sits below them).
        var drawn = 0
        var lastDraw: ContinuousClock.Instant?
    }

    private let state = Mutex(State())
    private let output: @Sendable (String) -> Void
    private let interval: Duration

    /// - Parameters:
    ///   - interval: The shortest time between two redraws of the live lines.
    ///   - output: Where the escape sequences and text go (stderr by default).
    init(interval: Duration = .milliseconds(100),
         output: @escaping @Sendable (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }) {
        self.interval = interval
        self.output = output
    }

    /// Takes one report from ``ImageBuilder``.
    func layer(_ progress: LayerProgress) {
        switch progress.phase {
        case .preparing:
            update(progress.layer, progress.layer == "dependencies" ? "resolving and installing wheels…" : "scanning…", final: false)
        case .writing:
            update(progress.layer, Self.bar(progress.bytesDone, of: progress.bytesTotal), final: false)
        case .finished(let blob, let reused):
            let source = reused ? "reused from the cache" : "written from \(Self.megabytes(progress.bytesTotal)) of files"
            update(progress.layer, "\(blob.digest) \(blob.size) bytes \(MediaType.compression(ofLayer: blob.mediaType)) (\(source))", final: true)
        }
    }

    /// Takes one report from ``ImageArchiveWriter`` (the image tarball being written).
    func archive(_ name: String, done: Int64, total: Int64) {
        if done == total {
            update(name, "\(total) bytes of blobs written", final: true)
        } else {
            update(name, Self.bar(done, of: total), final: false)
        }
    }

    /// Prints a line that stays (above the live lines).
    func note(_ name: String, _ text: String) {
        update(name, text, final: true)
    }

    private func update(_ name: String, _ text: String, final: Bool) {
        state.withLock { state in
            let isNew = !state.live.contains { $0.name == name }
            if final {
                state.live.removeAll { $0.name == name }
            } else if isNew {
                state.live.append((name, text))
            } else if let position = state.live.firstIndex(where: { $0.name == name }) {
                state.live[position].text = text
            }
            let now = ContinuousClock.now
            if !final, !isNew, let last = state.lastDraw, now - last < interval { return }
            state.lastDraw = now
            // Back to the top of the live lines, clear to the end of the screen, then print any
            // finished line (it stays) and the live lines again.
            var screen = state.drawn > 0 ? "\u{1B}[\(state.drawn)F\u{1B}[J" : ""
            if final { screen += Self.line(name, text) }
            for line in state.live { screen += Self.line(line.name, line.text) }
            state.drawn = state.live.count
            output(screen)
        }
    }

    static func line(_ name: String, _ text: String) -> String {
        name.padding(toLength: max(13, name.count + 1), withPad: " ", startingAt: 0) + text + "\n"
    }

    /// `[#########---------]  12.3 / 45.6 MB  27%`
    static func bar(_ done: Int64, of total: Int64, width: Int = 24) -> String {
        let fraction = total > 0 ? min(1, Double(done) / Double(total)) : 0
        let filled = Int((fraction * Double(width)).rounded(.down))
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        return "[\(bar)] \(megabytes(done)) / \(megabytes(total))  \(Int((fraction * 100).rounded(.down)))%"
    }

    static func megabytes(_ bytes: Int64) -> String {
        bytes < 1_000_000 ? String(format: "%.1f kB", Double(bytes) / 1000) : String(format: "%.1f MB", Double(bytes) / 1_000_000)
    }
}
