import Testing
@testable import Refactor

@Suite struct MarkdownHeadingTests {
    @Test func findsAtxSetextAndHtmlHeadings() {
        let markdown = """
            # Title #
            text
            Second
            ------
            <h3>Third <b>bold</b></h3>
            ```
            # not a heading inside a fence
            ```
            #hashtag is not a heading
            ## **Fourth**
            """
        let headings = MarkdownHeading.headings(in: markdown)
        #expect(headings.map(\.level) == [1, 2, 3, 2])
        #expect(headings.map(\.text) == ["Title", "Second", "Third bold", "Fourth"])
    }

    @Test func deeperHeadingsStackUnderShallowerOnes() {
        var context = HeadingContext()
        context.update(with: [MarkdownHeading(level: 2, text: "Training")])
        context.update(with: [MarkdownHeading(level: 3, text: "Step one")])
        #expect(context.assignment(cell: 0)?.stage == .train)
        context.update(with: [MarkdownHeading(level: 2, text: "Evaluation")])
        #expect(context.stack.map(\.text) == ["Evaluation"])
    }
}
