import Foundation
import Testing
import TestSupport
@testable import Convert

/// Reading a data file's header, types, first record and categories as serving needs them.
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
        #expect(CSVColumnTypes.header(path) == ["State", "Rate", "Kind"])
        #expect(CSVColumnTypes.read([path]) == ["State": "str", "Rate": "float", "Kind": "str"])
        #expect(CSVColumnTypes.firstRow(path) == ["AL", "1.5", "a"])
        #expect(CSVColumnTypes.categories(path) == ["State": ["AK", "AL", "AZ"], "Kind": ["a", "b"]])
        #expect(CSVColumnTypes.categories(path, limit: 2) == ["Kind": ["a", "b"]])
    }

    @Test func quotedFieldsMakeTheFileUnreadable() throws {
        let (folder, path) = try Self.file(Array("a,b\n\"x, y\",1\n".utf8))
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(CSVColumnTypes.read([path]).isEmpty)
        #expect(CSVColumnTypes.firstRow(path) == nil)
    }
}
