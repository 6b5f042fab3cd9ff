import Diagnostics
import Foundation
import TestSupport
@testable import Notebook

/// Paths and helpers shared by the notebook tests.
enum TestSupport {
    /// `../shared/corpus` next to the package.
    static let corpus: URL = PackagePaths.corpus

    static let badDirectory = corpus.appendingPathComponent("bad")

    static let fixtures = PackagePaths.fixture("notebook")

    /// Whether the shared corpus is present.
    static var hasCorpus: Bool {
        FileManager.default.fileExists(atPath: badDirectory.appendingPathComponent("MANIFEST.tsv").path)
    }

    /// Names of the `.ipynb` files in `corpus/bad`, sorted.
    static func badFiles() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: badDirectory.path)) ?? []
        return names.filter { $0.hasSuffix(".ipynb") }.sorted()
    }

    /// Every `.ipynb` under `corpus/notebooks`, recursively, as paths, sorted.
    static func corpusNotebooks() -> [String] {
        let root = corpus.appendingPathComponent("notebooks")
        guard let walker = FileManager.default.enumerator(atPath: root.path) else { return [] }
        var paths: [String] = []
        while let relative = walker.nextObject() as? String {
            if relative.hasSuffix(".ipynb") && !relative.contains(".ipynb_checkpoints") {
                paths.append(root.appendingPathComponent(relative).path)
            }
        }
        return paths.sorted()
    }

    /// The notebooks in `fixtures/notebook`, as paths, sorted.
    static func fixtureNotebooks() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: fixtures.path)) ?? []
        return names.filter { $0.hasSuffix(".ipynb") }.sorted().map { fixtures.appendingPathComponent($0).path }
    }

    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    /// Reads JSON text with the given reader options; the error, if any, as a value.
    static func read(_ text: String, requirePython: Bool = true, allowEmpty: Bool = false) -> Result<ReadResult, DiagnosticError> {
        read(bytes(text), requirePython: requirePython, allowEmpty: allowEmpty)
    }

    static func read(_ bytes: [UInt8], path: String = "t.ipynb", requirePython: Bool = true, allowEmpty: Bool = false) -> Result<ReadResult, DiagnosticError> {
        do throws(DiagnosticError) {
            return .success(try NotebookReader(requirePython: requirePython, allowEmpty: allowEmpty).read(bytes, path: path))
        } catch {
            return .failure(error)
        }
    }

    /// 1-based line and column of the byte offset `offset`, counted naively here (newlines
    /// and UTF-8 lead bytes), independently of the reader's own locator.
    static func lineColumn(ofOffset offset: Int, in bytes: [UInt8], skippingBOM: Bool = false) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        var index = skippingBOM && bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while index < offset {
            if bytes[index] == 0x0A {
                line += 1
                column = 1
            } else if bytes[index] & 0xC0 != 0x80 {
                column += 1
            }
            index += 1
        }
        return (line, column)
    }

    /// The byte offset of the first (or last) occurrence of `needle` in `bytes`.
    static func offset(of needle: String, in bytes: [UInt8], last: Bool = false) -> Int? {
        let pattern = Array(needle.utf8)
        guard !pattern.isEmpty, bytes.count >= pattern.count else { return nil }
        let starts = Array(0...(bytes.count - pattern.count))
        let candidates = last ? Array(starts.reversed()) : starts
        return candidates.first { start in bytes[start..<start + pattern.count].elementsEqual(pattern) }
    }

    /// A Python that has nbformat: `NBSHIP_TEST_PYTHON`, else `python3`; `nil` if neither.
    static let pythonWithNbformat: String? = [TestPython.interpreter, "python3"].first {
        TestPython.canImport(["nbformat"], using: $0)
    }

    /// Runs a Python script with arguments and returns its standard output (stderr discarded).
    static func runPython(_ script: String, arguments: [String]) throws -> Data {
        guard let python = pythonWithNbformat else { throw CocoaError(.executableNotLoadable) }
        return try ProcessRunner.run(["/usr/bin/env", python, "-c", script] + arguments, environment: [:]).stdoutData
    }
}
