/// One output a code cell recorded when its author ran it: what `nbship verify` compares the
/// converted project against.
public enum RecordedOutput: Sendable, Equatable {
    /// Text the cell wrote to a stream: `name` is `stdout` or `stderr`.
    case stream(name: String, text: String)
    /// The value of the cell's last expression (`execute_result`), as `text/plain`.
    case result(text: String)
    /// A `display(…)` call's or a rich output's `text/plain` (empty when it has none, as for
    /// a plot).
    case display(text: String)
    /// The exception the cell raised.
    case error(name: String, value: String)

    /// The stdout text, when this is stdout.
    public var standardOutput: String? {
        if case .stream("stdout", let text) = self { return text }
        return nil
    }
}
