import Foundation
import Testing
@testable import Requirements

/// The tables are edited as TSV files and compiled into the binary as Swift string literals
/// (`scripts/embed-tables.py`, `make tables`); these tests keep the two in step.
@Suite("tables compiled into the binary")
struct EmbeddedTablesTests {
    static let resources = TestPaths.packageRoot.appendingPathComponent("Sources/Requirements/Resources")

    /// The compiled-in text of each file.
    static let embedded = ["import-map.tsv": ImportMapData.tsv, "stdlib-modules.tsv": StandardLibraryData.tsv]

    @Test("each generated Swift file holds its TSV byte for byte (else run `make tables`)", arguments: ["import-map.tsv", "stdlib-modules.tsv"])
    func upToDate(file: String) throws {
        let embedded = try #require(Self.embedded[file])
        let onDisk = try String(contentsOf: Self.resources.appendingPathComponent(file), encoding: .utf8)
        // Report the first line that differs rather than two copies of a 500-line file.
        let embeddedLines = embedded.split(separator: "\n", omittingEmptySubsequences: false)
        let diskLines = onDisk.split(separator: "\n", omittingEmptySubsequences: false)
        let firstDifference = zip(embeddedLines, diskLines).enumerated().first { $0.element.0 != $0.element.1 }.map { $0.offset + 1 }
            ?? (embeddedLines.count == diskLines.count ? nil : min(embeddedLines.count, diskLines.count) + 1)
        #expect(firstDifference == nil, "Sources/Requirements/Resources/\(file) differs from the compiled-in copy from line \(firstDifference ?? 0): run `make tables`")
        #expect(embedded.utf8.count == onDisk.utf8.count)
    }

    @Test("the loaded tables are the files' rows, without any resource bundle")
    func loadedFromEmbeddedText() throws {
        // Parse the files on disk independently and compare with what `bundled()` returns.
        let mapText = try String(contentsOf: Self.resources.appendingPathComponent("import-map.tsv"), encoding: .utf8)
        let stdlibText = try String(contentsOf: Self.resources.appendingPathComponent("stdlib-modules.tsv"), encoding: .utf8)
        let rows = mapText.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.allSatisfy(\.isWhitespace) }.dropFirst()
        #expect(try ImportMap.bundled().entries.map(\.importPrefix) == rows.map { String($0.split(separator: "\t")[0]) })
        let modules = stdlibText.split(separator: "\n").filter { !$0.hasPrefix("#") }.dropFirst().map { String($0.split(separator: "\t", omittingEmptySubsequences: false)[0]) }
        #expect(try Set(StandardLibrary.bundled().modules.keys) == Set(modules))
        // Nothing in the target asks for a bundle any more: the module has no `Bundle.module`.
        let sources = TestPaths.packageRoot.appendingPathComponent("Sources/Requirements")
        let swiftFiles = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" } ?? []
        #expect(swiftFiles.count > 10)
        for file in swiftFiles {
            #expect(try !String(contentsOf: file, encoding: .utf8).contains("Bundle.module"), "\(file.lastPathComponent) reads a resource bundle")
        }
    }
}
