import Crypto
import Foundation
import Testing
@testable import Archive

@Suite struct CompressedTarStreamTests {
    /// Writes a small archive with awkward names to `url` and returns its digests.
    func writeSample(to url: URL, compression: LayerCompression = .defaultGzip, bigFile: Bool = false) throws -> CompressedTarDigests {
        FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        let stream = try CompressedTarStream(compression: compression) { bytes in handle.write(Data(bytes)) }
        try stream.writeHeader(ArchiveEntry(path: "app", kind: .directory, permissions: 0o755))
        let text = Array(String(repeating: "hello reproducible world\n", count: 4000).utf8)
        try stream.writeHeader(ArchiveEntry(path: "app/données-é.txt", kind: .file, permissions: 0o644, size: Int64(text.count)))
        try text.withUnsafeBytes { try stream.writeData($0) }
        try stream.finishEntry()
        let long = "app/" + String(repeating: "deep/", count: 30) + "file.py"
        try stream.writeHeader(ArchiveEntry(path: long, kind: .file, permissions: 0o755, size: 3))
        try [UInt8]("x=1".utf8).withUnsafeBytes { try stream.writeData($0) }
        try stream.finishEntry()
        try stream.writeHeader(ArchiveEntry(path: "app/link", kind: .symlink(target: "données-é.txt"), permissions: 0o777))
        try stream.finishEntry()
        try stream.writeHeader(ArchiveEntry(path: "app/hard", kind: .hardlink(target: "app/données-é.txt"), permissions: 0o644))
        try stream.finishEntry()
        if bigFile {
            // Several chunks: the gzip format's chunk seams, dictionaries and combined CRC.
            let big = SampleBytes.mixed(count: 3 * LayerCompression.gzipChunkSize + 12345)
            try stream.writeHeader(ArchiveEntry(path: "app/big.bin", kind: .file, permissions: 0o644, size: Int64(big.count)))
            try big.withUnsafeBytes { try stream.writeData($0) }
            try stream.finishEntry()
        }
        let digests = try stream.finish()
        #expect(try stream.finish() == digests)
        return digests
    }

    @Test(arguments: [LayerCompression.defaultGzip, .portableGzip, .defaultZstd])
    func digestsMatchTheBytesWrittenAndTheTarInside(compression: LayerCompression) throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let blob = dir.appendingPathComponent("layer.tar.gz")
        let digests = try writeSample(to: blob, compression: compression, bigFile: true)
        let bytes = try Data(contentsOf: blob)
        #expect(Int64(bytes.count) == digests.compressedSize)
        #expect(SHA256.hash(data: bytes).hexString == digests.compressedSHA256)
        if case .gzip = compression {
            // gzip header: magic, deflate, no flags, MTIME 0, XFL 4 (ISA-L or level 1: fastest), OS Unix.
            #expect(Array(bytes.prefix(10)) == [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 4, 3])
        } else {
            #expect(Array(bytes.prefix(4)) == [0x28, 0xB5, 0x2F, 0xFD])
        }

        var tar = Data()
        let reader = try ArchiveReader(path: blob.path, format: .raw)
        #expect(try reader.next() != nil)
        try reader.readData { tar.append(contentsOf: $0) }
        #expect(Int64(tar.count) == digests.uncompressedSize)
        #expect(SHA256.hash(data: tar).hexString == digests.uncompressedSHA256)
        #expect(tar.count % 512 == 0)
    }

    @Test(arguments: [false, true])
    func bodyEqualsPythonZlibOracle(bigFile: Bool) throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let blob = dir.appendingPathComponent("layer.tar.gz")
        let oracle = dir.appendingPathComponent("oracle.tar.gz")
        let digests = try writeSample(to: blob, compression: .portableGzip, bigFile: bigFile)
        let diffID = try runOracle(blob, oracle, level: 1, chunkSize: LayerCompression.gzipChunkSize)
        #expect(diffID == digests.uncompressedSHA256)
        #expect(try Data(contentsOf: blob) == Data(contentsOf: oracle))
    }

    @Test func entriesReadBackExactly() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let blob = dir.appendingPathComponent("layer.tar.gz")
        _ = try writeSample(to: blob)
        let reader = try ArchiveReader(path: blob.path)
        var entries: [ArchiveEntry] = []
        while let entry = try reader.next() { entries.append(entry) }
        #expect(entries.map(\.path) == [
            "app", "app/données-é.txt", "app/" + String(repeating: "deep/", count: 30) + "file.py", "app/link", "app/hard",
        ])
        #expect(entries[1].kind == .file && entries[1].size == 100_000 && entries[1].permissions == 0o644)
        #expect(entries[3].kind == .symlink(target: "données-é.txt"))
        #expect(entries[4].kind == .hardlink(target: "app/données-é.txt"))
        #expect(entries.allSatisfy { $0.uid == 0 && $0.gid == 0 && $0.modificationTime == 0 && $0.userName.isEmpty })
    }

    @Test func sameEntriesGiveSameBytesEvenUnderTheCLocale() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let saved = String(cString: setlocale(LC_ALL, nil))
        setlocale(LC_ALL, "C")
        defer { setlocale(LC_ALL, saved) }
        let first = try writeSample(to: dir.appendingPathComponent("a.tgz"))
        let second = try writeSample(to: dir.appendingPathComponent("b.tgz"))
        #expect(first == second)
        let best = try writeSample(to: dir.appendingPathComponent("c.tgz"), compression: .gzip(level: 9, codec: .zlib))
        #expect(best.uncompressedSHA256 == first.uncompressedSHA256)
        #expect(best.compressedSHA256 != first.compressedSHA256)
        let zstd = try writeSample(to: dir.appendingPathComponent("d.tzst"), compression: .defaultZstd)
        #expect(zstd.uncompressedSHA256 == first.uncompressedSHA256)
        #expect(zstd.compressedSHA256 != first.compressedSHA256)
    }
}
