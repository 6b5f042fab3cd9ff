/// A unified diff of two texts with the same number of lines (fixes replace text inside
/// lines, never add or remove lines), with up to three lines of context.
public enum UnifiedDiff {
    /// The diff, empty when the texts are equal.
    /// - Parameters:
    ///   - path: The file, for the `---`/`+++` header.
    ///   - old: The text before.
    ///   - new: The text after.
    /// - Returns: The diff text.
    public static func render(path: String, old: String, new: String) -> String {
        guard old != new else { return "" }
        let before = old.physicalLines
        let after = new.physicalLines
        guard before.count == after.count else {
            return "--- a/\(path)\n+++ b/\(path)\n@@ -1,\(before.count) +1,\(after.count) @@\n"
                + before.map { "-\($0)\n" }.joined() + after.map { "+\($0)\n" }.joined()
        }
        let changed = before.indices.filter { before[$0] != after[$0] }
        var hunks: [ClosedRange<Int>] = []
        for line in changed {
            let range = max(0, line - 3)...min(before.count - 1, line + 3)
            if let last = hunks.last, range.lowerBound <= last.upperBound + 1 {
                hunks[hunks.count - 1] = last.lowerBound...range.upperBound
            } else {
                hunks.append(range)
            }
        }
        var text = "--- a/\(path)\n+++ b/\(path)\n"
        for hunk in hunks {
            text += "@@ -\(hunk.lowerBound + 1),\(hunk.count) +\(hunk.lowerBound + 1),\(hunk.count) @@\n"
            var index = hunk.lowerBound
            while index <= hunk.upperBound {
                if before[index] == after[index] {
                    text += " \(before[index])\n"
                    index += 1
                    continue
                }
                // A changed block: its old lines, then its new ones, as diff(1) writes it.
                var end = index
                while end <= hunk.upperBound, before[end] != after[end] { end += 1 }
                text += before[index..<end].map { "-\($0)\n" }.joined() + after[index..<end].map { "+\($0)\n" }.joined()
                index = end
            }
        }
        return text
    }
}
