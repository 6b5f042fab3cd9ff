/// The text a student sees in place of a solution.
public enum Stub {
    /// nbgrader's Python code stub, one line each.
    public static let code = ["# YOUR CODE HERE", "raise NotImplementedError()"]
    /// nbgrader's text stub for markdown answers.
    public static let answer = ["YOUR ANSWER HERE"]

    /// The stub lines for a cell kind.
    /// - Parameter markdown: `true` for a markdown (written answer) cell.
    /// - Returns: The lines, without line terminators.
    static func lines(markdown: Bool) -> [String] {
        markdown ? answer : code
    }
}
