import Foundation
import Refactor
import Testing

/// Properties that hold for every code cell of the corpus and the fixtures.
@Suite("Lowering: invariants over the corpus and fixtures")
struct LoweringInvariantTests {
    static let cells: [LoweringTestSupport.CodeCell] = (try? LoweringTestSupport.allCodeCells()) ?? []

    private static func lines(_ text: String) -> [Substring] {
        text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    @Test("the lowered Python has exactly the lines of the source")
    func linesPreserved() throws {
        try #require(Self.cells.count > 800)
        var checked = 0
        for cell in Self.cells {
            guard let python = Lowering.lower(cell.source).python else { continue }
            #expect(Self.lines(python).count == Self.lines(cell.source).count, "\(cell.origin)")
            checked += 1
        }
        #expect(checked > 900)
    }

    @Test("nothing is dropped silently: every changed line is covered by a fact or an issue")
    func nothingDroppedSilently() throws {
        try #require(Self.cells.count > 800)
        for cell in Self.cells {
            let lowered = Lowering.lower(cell.source)
            let source = Self.lines(cell.source)
            guard let python = lowered.python else {
                #expect(lowered.cellMagic != nil && !lowered.issues.isEmpty, "\(cell.origin): non-python cell without a report")
                continue
            }
            if lowered.issues.contains(where: { $0.id == "lowering.prompt-stripped" }) { continue }
            var covered = Set<Int>()
            for fact in lowered.magics { covered.formUnion(fact.line...fact.endLine) }
            for issue in lowered.issues { covered.insert(issue.line) }
            for (index, line) in Self.lines(python).enumerated() where index < source.count {
                let before = source[index].trimmingCharacters(in: .whitespaces)
                let after = line.trimmingCharacters(in: .whitespaces)
                if before != after {
                    #expect(covered.contains(index + 1), "\(cell.origin) line \(index + 1): \(String(reflecting: String(source[index]))) became \(String(reflecting: String(line))) without a fact")
                }
            }
        }
    }

    @Test("cells without IPython syntax are left exactly as written")
    func plainPythonUntouched() throws {
        var plain = 0
        for cell in Self.cells {
            let lowered = Lowering.lower(cell.source)
            guard lowered.magics.isEmpty, lowered.issues.isEmpty else { continue }
            plain += 1
            let leadingIndent = cell.source.first == " " || cell.source.first == "\t"
            if !leadingIndent {
                #expect(lowered.python == cell.source, "\(cell.origin)")
            }
        }
        #expect(plain > 700)
    }

    @Test("magic-looking text in strings and comments is not touched")
    func stringsAndComments() {
        let sources = [
            "s = '!ls'\nt = \"%matplotlib inline\"\nu = 'obj?'",
            "# !pip install nope\n# %time x\nx = 1  # obj?",
            "doc = \"\"\"\n%matplotlib inline\n!pip install nope\nobj?\n\"\"\"",
            "q = '''a\n  !ls\n  %%bash\n'''",
            "r = f'{x!r} {y!s:>10}'\nw = x != y",
            "print('%d%%' % 5)\nz = 10 % 3",
            "def f():\n    '''%%time\n    !ls'''\n    return 1",
        ]
        for source in sources {
            let lowered = Lowering.lower(source)
            #expect(lowered.python == source)
            #expect(lowered.magics.isEmpty)
        }
    }

    @Test("lowering is deterministic")
    func deterministic() {
        for cell in Self.cells.prefix(200) {
            #expect(Lowering.lower(cell.source) == Lowering.lower(cell.source))
        }
    }
}
