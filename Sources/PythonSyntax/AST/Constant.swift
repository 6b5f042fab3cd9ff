/// A literal value. Strings and numbers keep their source text (prefix and quotes included),
/// which is all name analysis needs.
public enum Constant: Sendable, Equatable {
    /// `None`.
    case none
    /// `True` / `False`.
    case bool(Bool)
    /// `...`.
    case ellipsis
    /// A number's source text (`1_000`, `0x1F`, `2j`).
    case number(String)
    /// A string's source text (adjacent literals joined by a space).
    case string(String)
    /// A bytes literal's source text.
    case bytes(String)
}
