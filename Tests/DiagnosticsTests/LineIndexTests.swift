import Testing
@testable import Diagnostics

@Suite struct LineIndexTests {
    @Test(arguments: [
        (0, 1, 1), (2, 1, 3), (3, 2, 1), (4, 2, 2), (5, 3, 1), (100, 3, 1),
    ])
    func offsetsMapToLinesAndColumns(offset: Int, line: Int, column: Int) {
        let index = LineIndex("ab\nc\n")
        #expect(index.lineAndColumn(of: offset) == (line, column))
    }

    @Test func columnsCountScalarsNotBytes() {
        // "é" is two bytes in UTF-8; the "x" after it is column 2.
        let index = LineIndex("éx")
        #expect(index.lineAndColumn(of: 2) == (1, 2))
    }

    @Test func lineCountIncludesTrailingPartialLine() {
        #expect(LineIndex("a\nb").lineCount == 2)
        #expect(LineIndex("").lineCount == 1)
    }
}
