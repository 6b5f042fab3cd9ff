/// Python's `repr()` of a `str`, which IPython uses (`%r`, `{!r}`) to write the arguments of
/// the `get_ipython()` calls it generates.
enum PythonRepr {
    static func repr(_ text: Scalars) -> Scalars {
        let quote: Unicode.Scalar = text.contains("'") && !text.contains("\"") ? "\"" : "'"
        var result: Scalars = [quote]
        for scalar in text {
            switch scalar {
            case quote, "\\":
                result += ["\\", scalar]
            case "\t": result += ["\\", "t"]
            case "\n": result += ["\\", "n"]
            case "\r": result += ["\\", "r"]
            default:
                if isPrintable(scalar) {
                    result.append(scalar)
                } else {
                    result += escaped(scalar)
                }
            }
        }
        result.append(quote)
        return result
    }

    static func repr(_ text: String) -> String {
        SourceText.string(repr(SourceText.scalars(text)))
    }

    /// `str.isprintable()` for one character: not a control, format, surrogate, private-use,
    /// unassigned or separator character (except the space).
    private static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == " " { return true }
        if scalar.isASCII { return scalar.value >= 0x21 && scalar.value < 0x7F }
        switch scalar.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator, .spaceSeparator:
            return false
        default:
            return true
        }
    }

    private static func escaped(_ scalar: Unicode.Scalar) -> Scalars {
        let hex = String(scalar.value, radix: 16)
        let (prefix, width) = scalar.value <= 0xFF ? ("\\x", 2) : scalar.value <= 0xFFFF ? ("\\u", 4) : ("\\U", 8)
        return SourceText.scalars(prefix + String(repeating: "0", count: max(0, width - hex.count)) + hex)
    }
}
