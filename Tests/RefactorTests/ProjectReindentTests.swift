import Testing
@testable import Refactor

/// Cell code re-indented into function bodies: four spaces per line, except inside
/// multi-line strings, which stay byte for byte; comments kept.
@Suite struct ProjectReindentTests {
    static let cell = """
        import pandas as pd
        QUERY_TEMPLATE_NOTE = 1
        # the query keeps its own layout
        query = \"\"\"
        SELECT a,
            b
        FROM t
          \"\"\"
        doc = f'''first {1}
        second
        '''
        df = pd.read_sql(query, None)  # trailing comment
        if len(df):
            df = df.dropna()

        df = df.assign(s=\"\"\"x
        y\"\"\")
        """

    /// Blank lines between statements are not carried over (each statement is moved on its
    /// own); blank lines inside a compound statement or a string are.
    @Test func multiLineStringsAreUntouchedAndCodeIsIndented() throws {
        let (plan, _) = ProjectSupport.plan(cells: ["## Load data", Self.cell])
        let function = try #require(plan.functions.first)
        #expect(function.name == "load_data")
        let expected = """
                # the query keeps its own layout
                query = \"\"\"
            SELECT a,
                b
            FROM t
              \"\"\"
                doc = f'''first {1}
            second
            '''
                df = pd.read_sql(query, None)  # trailing comment
                if len(df):
                    df = df.dropna()
                df = df.assign(s=\"\"\"x
            y\"\"\")

            """
        #expect(function.body == expected)
        // The capitalised literal went to config, not into the body.
        #expect(plan.config.entries.map(\.name) == ["QUERY_TEMPLATE_NOTE"])
    }

    @Test(arguments: [
        ("x = 1\n", [:] as [Int: Int]),
        ("s = '''a\nb\n'''\n", [2: 1, 3: 1]),
        ("s = f\"\"\"{x}\n  y\"\"\"\nt = 2\n", [2: 1]),
        ("s = ('a'\n     'b')\n", [:]),
    ])
    func protectedLinesAreThoseInsideMultiLineStrings(source: String, protected: [Int: Int]) {
        #expect(CellSource.multiLineStringLines(source) == Set(protected.keys))
    }

    @Test func statementsSharingALineAreSplitExactly() {
        let source = CellSource(cell: 0, python: "a = 1; b = 2  # note\nc = 3\n")
        let spans = source.statementSpans()
        #expect(spans.map { source.text($0) } == ["a = 1", "b = 2  # note", "c = 3"])
    }
}
