import Testing
@testable import Refactor

/// Unread locals of generated functions become `_name`; everything else stays.
@Suite struct UnreadLocalsTests {
    @Test func unpackedAndAssignedNamesNobodyReadsAreRenamed() {
        let block = """
            def plot(data):
                fig, ax = plt.subplots(figsize=(4, 3))
                ax.plot(data, label="fig")
                line = ax.axhline(0)
                fig2 = make(fig=1)
                return ax
            """
        let renamed = UnreadLocals.rename(block, keep: ["ax", "data"])
        #expect(renamed == """
            def plot(data):
                _fig, ax = plt.subplots(figsize=(4, 3))
                ax.plot(data, label="fig")
                _line = ax.axhline(0)
                _fig2 = make(fig=1)
                return ax
            """)
    }

    @Test func namesThatAreReadReturnedOrGlobalStay() {
        let read = "def f():\n    x = 1\n    for i in range(3):\n        x += i\n    print(x)"
        #expect(UnreadLocals.rename(read, keep: []) == read, "i is read inside the loop")
        let kept = "def f():\n    model = fit()\n    score = 1"
        #expect(UnreadLocals.rename(kept, keep: ["model", "score"]) == kept)
        let global = "def f():\n    global total\n    total = 1"
        #expect(UnreadLocals.rename(global, keep: []) == global)
        let nested = "def f():\n    rate = 2\n    g = lambda v: v * rate\n    return g"
        #expect(UnreadLocals.rename(nested, keep: ["g"]) == nested, "a lambda reads rate")
    }

    @Test func mainLinesReadOnlyRightHandSides() {
        let lines = GeneratedLines.markingUnread([
            "a, b = load()", "c = train(a)", "c, b = again(a)", "save(c)",
        ])
        #expect(lines == ["a, _b = load()", "train(a)", "c, _b = again(a)", "save(c)"])
    }
}
