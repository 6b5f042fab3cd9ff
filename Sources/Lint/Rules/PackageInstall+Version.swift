extension PackageInstall {
    /// The exact version an exactly pinned install names (`2.2.2` for `pandas==2.2.2`,
    /// `numpy=1.26.4=py312h` or Poetry's `pandas = "2.2.2"`), `nil` when it names none.
    var exactVersion: String? {
        guard pin == .exact else { return nil }
        var text = Substring(spec)
        if let quote = text.range(of: " = \"") {
            text = text[quote.upperBound...].prefix { $0 != "\"" }
        } else if let equals = text.range(of: "===") ?? text.range(of: "==") {
            text = text[equals.upperBound...]
        } else if ecosystem == .conda, let equals = text.firstIndex(of: "=") {
            text = text[text.index(after: equals)...]
        } else {
            return nil
        }
        while let first = text.first, first == "=" || first == " " { text = text.dropFirst() }
        let version = text.prefix { !";, =\t".contains($0) }
        return version.isEmpty ? nil : String(version)
    }
}
