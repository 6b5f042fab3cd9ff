import Crypto
import Foundation
import Testing
@testable import Archive

/// The compressors on their own: bytes independent of threads and write sizes, independent
/// readers (Python zlib, GNU gzip, the zstd CLI), pinned digests, bounded memory, errors.
@Suite struct ParallelCompressionTests {
    /// 3 MiB and a bit: several gzip chunks and zstd jobs, the last one partial.
    static let input = SampleBytes.mixed(count: (3 << 20) + 12345)

    /// Compresses `input` with `compression`, handing it over `writeSize` bytes at a time.
    func compress(_ input: [UInt8], _ compression: LayerCompression, workers: Int, writeSize: Int,
                  chunkSize: Int = LayerCompression.gzipChunkSize) throws -> [UInt8] {
        var output: [UInt8] = []
        let compressor: any StreamCompressor = switch compression {
        case .gzip(let level, let codec):
            try ParallelGzipWriter(level: level, codec: codec, chunkSize: chunkSize, workers: workers) { output.append(contentsOf: $0) }
        case .zstd(let level):
            try ZstdWriter(level: level, workers: workers) { output.append(contentsOf: $0) }
        }
        try input.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let end = min(bytes.count, offset + writeSize)
                try compressor.write(UnsafeRawBufferPointer(rebasing: bytes[offset..<end]))
                offset = end
            }
        }
        try compressor.finish()
        return output
    }

    @Test(arguments: [LayerCompression.defaultGzip, .gzip(level: 3, codec: .isal), .portableGzip, .gzip(level: 6, codec: .zlib), .defaultZstd])
    func sameBytesWhateverTheWorkersAndWriteSizes(compression: LayerCompression) throws {
        let reference = try compress(Self.input, compression, workers: 1, writeSize: Self.input.count)
        for (workers, writeSize) in [(2, 10240), (4, 4093), (7, LayerCompression.gzipChunkSize + 3), (3, 1 << 16)] {
            #expect(try compress(Self.input, compression, workers: workers, writeSize: writeSize) == reference,
                    "\(compression) workers \(workers) writes of \(writeSize)")
        }
    }

    /// The exact bytes for a fixed input: a change of codec, version, level or chunking must
    /// show up here (re-pin only on purpose, and say why in the commit).
    @Test func goldenDigests() throws {
        let gzip = try compress(Self.input, .defaultGzip, workers: 2, writeSize: 10240)
        let zlib = try compress(Self.input, .portableGzip, workers: 2, writeSize: 10240)
        let zstd = try compress(Self.input, .defaultZstd, workers: 2, writeSize: 10240)
        #expect(LayerCompression.defaultGzip.compressor == "isa-l 2.30.0 x86-64-sse4.2")
        #expect(LayerCompression.defaultGzip.settings["level-buffer-size"] == "282624")
        #expect(LayerCompression.portableGzip.codecVersion == "1.2.13")
        #expect(LayerCompression.defaultZstd.codecVersion == "1.5.4")
        #expect(LayerCompression.gzipChunkSize == 256 << 10 && LayerCompression.zstdJobSize == 1 << 20)
        #expect(SHA256.hash(data: gzip).hexString == "5e50f8f54f6eecb883bc01ef53331828019836730957711f2afea9714e139feb")
        #expect(SHA256.hash(data: zlib).hexString == "2679f7360b48bcc7e1eaa6f70391a7a391f21b29bb4bdcc082e39936a87452e9")
        #expect(SHA256.hash(data: zstd).hexString == "13f9af4ee50a4c55993ab253a68bd9925c55e97ce0958832e89cf9c4e8593f35")
    }

    @Test(arguments: [(1, 65536, 8 * 65536), (6, 65536, 5 * 65536 + 1), (9, 40000, 300_000), (1, 1 << 20, 100)])
    func pythonZlibRebuildsTheSameMember(level: Int, chunkSize: Int, count: Int) throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = Array(SampleBytes.mixed(count: count + 70000).suffix(count))
        let blob = dir.appendingPathComponent("blob.gz")
        let oracle = dir.appendingPathComponent("oracle.gz")
        try Data(try compress(input, .gzip(level: level, codec: .zlib), workers: 3, writeSize: 7777, chunkSize: chunkSize)).write(to: blob)
        let diffID = try runOracle(blob, oracle, level: level, chunkSize: chunkSize)
        #expect(diffID == SHA256.hash(data: input).hexString)
        #expect(try Data(contentsOf: blob) == Data(contentsOf: oracle))
    }

    /// ISA-L's bytes cannot be rebuilt by Python's zlib, but its member must read back whole:
    /// every level, chunk sizes down to the dictionary's, a last chunk of one byte or none.
    @Test(arguments: [(0, 65536, 8 * 65536), (1, 65536, 5 * 65536 + 1), (2, 40000, 300_000), (3, 1 << 20, 100), (1, 32768, 0)])
    func pythonGzipReadsTheIsalMember(level: Int, chunkSize: Int, count: Int) throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = Array(SampleBytes.mixed(count: count + 70000).suffix(count))
        let blob = dir.appendingPathComponent("blob.gz")
        try Data(try compress(input, .gzip(level: level, codec: .isal), workers: 3, writeSize: 7777, chunkSize: chunkSize)).write(to: blob)
        let check = "import gzip, hashlib, sys, zlib\n"
            + "data = open(sys.argv[1], 'rb').read()\n"
            + "d = zlib.decompressobj(31)\n"
            + "out = d.decompress(data) + d.flush()\n"
            + "assert d.eof and d.unused_data == b'', 'one member, nothing after it'\n"
            + "assert gzip.decompress(data) == out\n"
            + "print(hashlib.sha256(out).hexdigest())\n"
        #expect(try runPython(["-c", check, blob.path]).trimmingCharacters(in: .whitespacesAndNewlines) == SHA256.hash(data: input).hexString)
    }

    @Test(.enabled(if: hasTool("gzip")))
    func gnuGzipReadsOneMember() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let blob = dir.appendingPathComponent("blob.gz")
        try Data(try compress(Self.input, .defaultGzip, workers: 2, writeSize: 10240)).write(to: blob)
        let test = try shell("gzip -t \"$0\" && gzip -dc \"$0\" > \"$1\" && gzip -lv \"$0\"", [blob.path, dir.path + "/out"])
        #expect(test.status == 0, "\(test.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir.path + "/out")) == Data(Self.input))
        // One member: gzip -l reports the whole length and the CRC of the whole input.
        #expect(test.stdout.contains(String(Self.input.count)))
    }

    @Test(.enabled(if: hasTool("zstd")))
    func zstdCommandLineReadsTheFrame() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let blob = dir.appendingPathComponent("blob.zst")
        try Data(try compress(Self.input, .defaultZstd, workers: 2, writeSize: 10240)).write(to: blob)
        let test = try shell("zstd -q -t \"$0\" && zstd -q -dc \"$0\" > \"$1\" && zstd -lv \"$0\"", [blob.path, dir.path + "/out"])
        #expect(test.status == 0, "\(test.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir.path + "/out")) == Data(Self.input))
        #expect(test.stdout.contains("# Zstandard Frames: 1\n"))
        #expect(test.stdout.contains("Check: XXH64"))
    }

    @Test func theChunkQueueIsBounded() throws {
        var total = 0
        let writer = try ParallelGzipWriter(level: 1, chunkSize: 32768, workers: 2) { total += $0.count }
        let input = SampleBytes.mixed(count: 40 * 32768 + 5)
        try input.withUnsafeBytes { try writer.write($0) }
        try writer.finish()
        #expect(writer.allocatedChunks <= writer.maxInFlight + 1)
        #expect(writer.maxInFlight == 3)
        #expect(total > 0)
    }

    @Test func badLevelsAndLateWritesAreRefused() throws {
        #expect(throws: ArchiveError.self) { try ParallelGzipWriter(level: 0, codec: .zlib, workers: 1) { _ in } }
        #expect(throws: ArchiveError.self) { try ParallelGzipWriter(level: 4, codec: .isal, workers: 1) { _ in } }
        #expect(throws: ArchiveError.self) { try ZstdWriter(level: 20, workers: 1) { _ in } }
        let writer = try ParallelGzipWriter(level: 1, workers: 1) { _ in }
        try writer.finish()
        let error = try #require(throws: ArchiveError.self) { try [UInt8](repeating: 1, count: 3).withUnsafeBytes { try writer.write($0) } }
        #expect(error.kind == .misuse)
    }

    @Test func aFailingSinkStopsTheStreamWithItsErrorAndItsThreads() async throws {
        struct Full: Error {}
        weak var pool: DeflatePool?
        do {
            var calls = 0
            let writer = try ParallelGzipWriter(level: 1, chunkSize: 32768, workers: 2) { _ in
                calls += 1
                if calls > 2 { throw Full() }
            }
            pool = writer.pool
            #expect(throws: Full.self) {
                try SampleBytes.mixed(count: 20 * 32768).withUnsafeBytes { try writer.write($0) }
                try writer.finish()
            }
        }
        // The abandoned writer joined its workers; they drop their hold on the pool as they exit.
        for _ in 0..<200 where pool != nil { try await Task.sleep(for: .milliseconds(10)) }
        #expect(pool == nil)
    }
}
