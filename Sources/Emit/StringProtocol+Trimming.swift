extension StringProtocol {
    /// The text without leading and trailing whitespace.
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }

    /// The text without the given characters at either end.
    func trimmingCharacters(in set: String) -> String {
        let drop = Set(set)
        return String(String(self.drop { drop.contains($0) }).reversed().drop { drop.contains($0) }.reversed())
    }
}
