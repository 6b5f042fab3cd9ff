import Course
import Foundation
import TestSupport
import Testing

/// Every notebook of the shared corpus (none has markers) gives a student version with the
/// same cells and sources, no outputs, and valid JSON.
@Suite struct CorpusStudentTests {
    static let corpus = PackagePaths.root.deletingLastPathComponent().appendingPathComponent("shared/corpus/notebooks")

    static var notebooks: [URL] {
        guard let walker = FileManager.default.enumerator(at: corpus, includingPropertiesForKeys: nil) else { return [] }
        return walker.compactMap { $0 as? URL }.filter { $0.pathExtension == "ipynb" }.sorted { $0.path < $1.path }
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: corpus.path)))
    func corpusNotebooksKeepTheirCells() throws {
        let notebooks = Self.notebooks
        #expect(notebooks.count >= 50)
        for url in notebooks {
            let data = try Data(contentsOf: url)
            let student = try StudentVersion().make(from: Array(data), path: url.path)
            #expect(student.secrets.isEmpty, "\(url.lastPathComponent)")
            let before = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            let after = try #require(try JSONSerialization.jsonObject(with: Data(student.text.utf8)) as? [String: Any])
            let beforeCells = try #require(before["cells"] as? [[String: Any]])
            let afterCells = try #require(after["cells"] as? [[String: Any]])
            #expect(beforeCells.count == afterCells.count, "\(url.lastPathComponent)")
            for (old, new) in zip(beforeCells, afterCells) {
                #expect(Self.source(old) == Self.source(new), "\(url.lastPathComponent)")
                #expect(Set(old.keys) == Set(new.keys), "\(url.lastPathComponent)")
                if new["cell_type"] as? String == "code" {
                    #expect((new["outputs"] as? [Any])?.isEmpty == true)
                }
            }
            #expect(after["metadata"] as? NSDictionary == before["metadata"] as? NSDictionary, "\(url.lastPathComponent)")
        }
    }

    static func source(_ cell: [String: Any]) -> String {
        (cell["source"] as? [String])?.joined() ?? cell["source"] as? String ?? ""
    }
}
