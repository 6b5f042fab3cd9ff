import Foundation
import TestSupport
import Testing

/// `nbship plan` over the shared corpus: every real notebook plans; every bad one either plans
/// or fails with a located error and exit 2 — never a crash.
@Suite struct PlanCorpusTests {
    static let goodNotebooks = PackagePaths.files(withExtension: "ipynb", under: PackagePaths.corpus.appendingPathComponent("notebooks"))
        + PackagePaths.files(withExtension: "ipynb", under: PackagePaths.root.appendingPathComponent("fixtures"))
    static let badNotebooks = PackagePaths.files(withExtension: "ipynb", under: PackagePaths.corpus.appendingPathComponent("bad"))

    @Test func theCorpusIsThere() {
        #expect(Self.goodNotebooks.count >= 20)
        #expect(Self.badNotebooks.count == 50)
    }

    @Test(arguments: goodNotebooks)
    func everyCorpusNotebookPlansAsJSON(notebook: URL) throws {
        let result = try NBShip.run(["plan", "--format", "json", notebook.path])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        for key in ["notebook", "kernel", "cells", "stages", "requirements", "diagnostics"] {
            #expect(json[key] != nil, "missing key \(key)")
        }
        let cells = try #require(json["cells"] as? [[String: Any]])
        #expect(!cells.isEmpty)
        for (position, cell) in cells.enumerated() {
            #expect(cell["index"] as? Int == position)
            #expect(cell["stage"] is String)
            #expect((cell["reason"] as? String)?.isEmpty == false)
            for key in ["type", "imports", "defines", "reads", "mutates", "calls", "magics"] {
                #expect(cell[key] != nil, "cell \(position) misses \(key)")
            }
        }
    }

    /// The files of `bad/` whose JSON does not parse (per MANIFEST.tsv) must exit 2.
    static let invalidJSON: Set<String> = {
        let manifest = PackagePaths.corpus.appendingPathComponent("bad/MANIFEST.tsv")
        guard let text = try? String(contentsOf: manifest, encoding: .utf8) else { return [] }
        var names: Set<String> = []
        for line in text.split(separator: "\n").dropFirst() {
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
            if columns.count > 4, columns[4] == "JSONDecodeError", !columns[0].contains("bom") {
                names.insert(String(columns[0]))
            }
        }
        return names
    }()

    @Test(arguments: badNotebooks)
    func everyBadNotebookPlansOrFailsWithALocatedError(notebook: URL) throws {
        let path = notebook.path
        let result = try NBShip.run(["plan", "--format", "json", path])
        #expect(!result.crashed, "crashed: \(result.stderr)")
        #expect(result.status == 0 || result.status == 2, "exit \(result.status): \(result.stderr)")
        if result.status == 2 {
            let firstLine = result.stderr.split(separator: "\n").first.map(String.init) ?? ""
            #expect(firstLine.hasPrefix(path + ":"), "\(firstLine)")
            #expect(firstLine.firstMatch(of: #/^.+\.ipynb:\d+:\d+: error: .+ \[[a-z.-]+\]$/#) != nil, "\(firstLine)")
            #expect(result.stdout.isEmpty)
        } else {
            #expect((try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8))) != nil)
        }
        if Self.invalidJSON.contains(notebook.lastPathComponent) {
            #expect(result.status == 2, "invalid JSON must not plan")
        }
    }
}
