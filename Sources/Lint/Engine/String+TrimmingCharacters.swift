extension String {
    /// The string without the given characters at either end.
    func trimmingCharacters(_ characters: String) -> String {
        var slice = Substring(self)
        while let first = slice.first, characters.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, characters.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}

extension String {
    /// The string, or `nil` when it is one of `unset`.
    func nonEmpty(unless unset: Set<String>) -> String? {
        unset.contains(self) ? nil : self
    }
}
