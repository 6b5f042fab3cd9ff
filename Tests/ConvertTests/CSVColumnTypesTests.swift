import Foundation
import Testing
import TestSupport
@testable import Convert

/// Reading a data file's header, types, first record and categories as serving needs them
/// (``CSVSample``), and the types of several files (``CSVColumnTypes``).
@Suite struct CSVColumnTypesTests {
    static func file(_ bytes: [UInt8]) throws -> (URL, String) {
        let folder = try PackagePaths.temporaryDirectory(prefix: "nbship-csv")
        let url = folder.appendingPathComponent("x.csv")
        try Data(bytes).write(to: url)
        return (folder, url.path)
    }

    @Test func aByteOrderMarkAndWindowsLineEndsAreNotPartOfTheColumns() throws {
        let (folder, path) = try Self.file([0xEF, 0xBB, 0xBF] + Array("State,Rate,Kind\r\nAL,1.5,a\r\nAK,,b\r\nAZ,2,a\r\n".utf8))
        defer { try? FileManager.default.removeItem(at: folder) }
        let sample = try #require(CSVSample(path: path))
        #expect(sample.header == ["State", "Rate", "Kind"])
        #expect(CSVColumnTypes.read([path]) == ["State": "str", "Rate": "float", "Kind": "str"])
        #expect(sample.firstRow == ["AL", "1.5", "a"])
        #expect(sample.categories() == ["State": ["AK", "AL", "AZ"], "Kind": ["a", "b"]])
        #expect(sample.categories(limit: 2) == ["Kind": ["a", "b"]])
    }

    @Test func quotedFieldsMakeTheFileUnreadable() throws {
        let (folder, path) = try Self.file(Array("a,b\n\"x, y\",1\n".utf8))
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(CSVColumnTypes.read([path]).isEmpty)
        #expect(CSVSample(path: path) == nil)
    }
}
