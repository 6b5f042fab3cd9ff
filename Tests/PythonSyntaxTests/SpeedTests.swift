import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import PythonSyntax

/// Analysing the whole corpus must stay far below a second, even in a debug build.
@Suite struct SpeedTests {
    @Test func analysesTheWholeCorpusQuickly() throws {
        let cells = try CorpusCell.all()
        let bytes = cells.reduce(0) { $0 + $1.source.utf8.count }
        var definitions = 0
        let start = Self.threadCPUSeconds()
        for cell in cells {
            definitions += PythonAnalyzer.analyze(cell.source).facts.defines.count
        }
        let elapsed = Self.threadCPUSeconds() - start
        print("SpeedTests: analysed \(cells.count) cells (\(bytes) bytes) in \(elapsed) s of CPU time")
        #expect(definitions > 1000)
        // CPU time of this thread, so tests running in parallel do not count against it.
        #expect(elapsed < 1.0, "analysing the corpus took \(elapsed) s")
    }

    /// CPU time consumed by the calling thread (wall-clock time where that is unavailable).
    static func threadCPUSeconds() -> Double {
        #if canImport(Glibc)
        var spec = timespec()
        if clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec) == 0 {
            return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
        }
        #endif
        return Date().timeIntervalSinceReferenceDate
    }
}
