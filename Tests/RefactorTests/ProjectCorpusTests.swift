import Foundation
import Testing
@testable import Refactor

/// Every notebook of the shared corpus plans without trapping, deterministically, and every
/// module of its plan is valid Python (checked by the real `ast.parse`).
@Suite struct ProjectCorpusTests {
    static let notebooks: [String] = {
        let root = URL(fileURLWithPath: ProjectSupport.corpus)
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
        return walker.compactMap { ($0 as? URL)?.path }.filter { $0.hasSuffix(".ipynb") }
            .map { "../shared/corpus/notebooks/" + $0.dropFirst(root.path.count + 1) }.sorted()
    }()

    @Test(.enabled(if: !notebooks.isEmpty && ProjectPythonTests.pythonWorks))
    func everyCorpusNotebookGivesValidPython() throws {
        var sources: [String] = []
        for notebook in Self.notebooks {
            guard let (plan, diagnostics) = try? ProjectSupport.plan(file: notebook) else { continue }
            let again = try ProjectSupport.plan(file: notebook)
            #expect(again.0 == plan && again.1 == diagnostics, "\(notebook) plans differently twice")
            for name in ProjectPythonTests.moduleNames {
                if let source = plan.pythonSource(ofModule: name) { sources.append(notebook + "::" + name + "\u{1}" + source) }
            }
        }
        #expect(sources.count >= Self.notebooks.count * 5)
        let check = """
            import ast, sys
            bad = []
            for entry in sys.stdin.read().split("\\x00"):
                if not entry:
                    continue
                name, source = entry.split("\\x01", 1)
                try:
                    ast.parse(source, name)
                except SyntaxError as error:
                    bad.append(f"{name}: {error}")
            print("\\n".join(bad))
            """
        let result = try ProjectSupport.runPython(["-c", check], stdin: sources.joined(separator: "\u{0}"))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "", "modules that do not parse:\n\(result.stdout)")
    }
}
