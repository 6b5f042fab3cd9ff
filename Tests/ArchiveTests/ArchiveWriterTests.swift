import Testing
@testable import Archive

@Suite struct ArchiveWriterTests {
    struct SinkFull: Error, Equatable {}

    @Test func finishTwiceIsSafeAndLaterWritesAreRefused() throws {
        var total = 0
        let writer = try ArchiveWriter(format: .paxRestricted) { total += $0.count }
        try writer.writeHeader(ArchiveEntry(path: "a", kind: .directory, permissions: 0o755))
        try writer.finishEntry()
        try writer.finish()
        try writer.finish()
        #expect(total == 512 + 1024)  // one header, the two end blocks, no padding
        #expect(throws: ArchiveError.self) {
            try writer.writeHeader(ArchiveEntry(path: "b", kind: .directory, permissions: 0o755))
        }
    }

    @Test func moreDataThanTheDeclaredSizeIsAnError() throws {
        let writer = try ArchiveWriter(format: .paxRestricted) { _ in }
        try writer.writeHeader(ArchiveEntry(path: "f", kind: .file, permissions: 0o644, size: 2))
        #expect(throws: ArchiveError.self) { try writer.writeData([1, 2, 3]) }
    }

    @Test func sinkErrorsReachTheCaller() throws {
        let writer = try ArchiveWriter(format: .paxRestricted) { _ in throw SinkFull() }
        try writer.writeHeader(ArchiveEntry(path: "f", kind: .file, permissions: 0o644, size: 20000))
        #expect(throws: SinkFull.self) {
            try writer.writeData([UInt8](repeating: 7, count: 20000))
            try writer.finishEntry()
            try writer.finish()
        }
    }

    @Test func invalidGzipLevelIsRefused() {
        #expect(throws: ArchiveError.self) { _ = try ArchiveWriter(format: .raw, filter: .gzip(level: 12)) { _ in } }
    }

    @Test func devicesCannotBeWritten() throws {
        let writer = try ArchiveWriter(format: .paxRestricted) { _ in }
        #expect(throws: ArchiveError.self) {
            try writer.writeHeader(ArchiveEntry(path: "dev/null", kind: .other(fileType: 0o020000), permissions: 0o666))
        }
    }
}

@Suite struct ArchiveWriterLifetimeTests {
    final class Counter: @unchecked Sendable { var bytes = 0 }

    @Test func abandonedWriterIsFreedWithoutWritingMore() throws {
        let counter = Counter()
        do {
            let writer = try ArchiveWriter(format: .paxRestricted) { counter.bytes += $0.count }
            try writer.writeHeader(ArchiveEntry(path: "f", kind: .file, permissions: 0o644, size: 3))
            try writer.writeData([1, 2, 3])
        }
        // Only whole 10 KiB blocks would have reached the sink; an abandoned writer flushes nothing.
        #expect(counter.bytes == 0)
    }

    @Test func finishedWriterFlushesExactlyOnce() throws {
        let counter = Counter()
        let writer = try ArchiveWriter(format: .paxRestricted) { counter.bytes += $0.count }
        try writer.writeHeader(ArchiveEntry(path: "f", kind: .file, permissions: 0o644, size: 3))
        try writer.writeData([1, 2, 3])
        try writer.finishEntry()
        try writer.finish()
        #expect(counter.bytes == 512 + 512 + 1024)
        try writer.finish()
        #expect(counter.bytes == 2048)
    }
}
