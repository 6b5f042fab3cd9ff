import Foundation
import Testing
import TestSupport
@testable import Registry

/// The in-place reader agrees with tar(1) on where files are, including pax long names.
@Suite struct TarIndexTests {
    @Test func offsetsAndSizesMatchTheFilesAndLongNamesUsePax() throws {
        let work = try RegistrySupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let long = String(repeating: "d", count: 120)
        try FileManager.default.createDirectory(atPath: "\(work)/tree/\(long)", withIntermediateDirectories: true)
        let files = ["a.txt": Data("hello\n".utf8), "\(long)/b.bin": Data((0..<1500).map { UInt8($0 % 251) }), "empty": Data()]
        for (name, data) in files { try data.write(to: URL(fileURLWithPath: "\(work)/tree/\(name)")) }
        for format in ["pax", "gnu"] {
            let archive = "\(work)/\(format).tar"
            let tar = try ProcessRunner.run(["/usr/bin/tar", "--format=\(format)", "-cf", archive, "-C", work + "/tree", "."])
            try #require(tar.status == 0, "\(tar.stderr)")
            let index = try TarIndex(path: archive)
            let handle = try #require(FileHandle(forReadingAtPath: archive))
            defer { try? handle.close() }
            for (name, data) in files {
                let entry = try #require(index.entries[name], "\(format): \(name) not found in \(index.entries.keys.sorted())")
                #expect(entry.size == Int64(data.count))
                try handle.seek(toOffset: entry.offset)
                #expect(try handle.read(upToCount: data.count) ?? Data() == data)
            }
        }
    }

    @Test func aCompressedArchiveIsNotReadInPlace() throws {
        let work = try RegistrySupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: work) }
        try Data("{}".utf8).write(to: URL(fileURLWithPath: work + "/index.json"))
        #expect(try ProcessRunner.run(["/usr/bin/tar", "-czf", work + "/x.tar.gz", "-C", work, "index.json"]).status == 0)
        #expect(throws: TarIndexError.self) { try TarIndex(path: work + "/x.tar.gz") }
        #expect(LayoutFiles(archive: work + "/x.tar.gz") == nil)
        #expect(try ProcessRunner.run(["/usr/bin/tar", "-cf", work + "/x.tar", "-C", work, "index.json"]).status == 0)
        #expect(LayoutFiles(archive: work + "/x.tar")?.contents("index.json") == Array("{}".utf8))
    }
}
