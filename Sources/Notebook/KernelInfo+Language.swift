extension KernelInfo {
    /// Whether a language name (`language_info.name`, `kernelspec.language`) is Python.
    /// - Parameter language: The name as written.
    /// - Returns: `true` for `python`, `python2`, `python3`, `ipython`, … in any case.
    public static func isPython(_ language: String) -> Bool {
        ["python", "python2", "python3", "ipython", "ipython2", "ipython3"].contains(language.lowercased())
    }

    /// The language of a well-known kernel, from its kernelspec name alone.
    /// - Parameter name: `kernelspec.name`, e.g. `ir`, `julia-1.1`, `python3`.
    /// - Returns: The language, or `nil` when the name says nothing nbship knows.
    public static func language(ofKernelNamed name: String) -> String? {
        let lower = name.lowercased()
        if lower.hasPrefix("python") || lower.hasPrefix("ipython") || lower.hasPrefix("xpython") { return "python" }
        if lower == "ir" || lower == "r" { return "R" }
        if lower.hasPrefix("julia") { return "julia" }
        if lower == "bash" || lower == "calysto_bash" { return "bash" }
        if lower == "javascript" || lower == "ijavascript" { return "javascript" }
        if lower.hasPrefix("xcpp") { return "c++" }
        return nil
    }

    /// How a language is named in messages: `R`, `Julia`, `bash`, …
    /// - Parameter language: The name as written.
    /// - Returns: The usual spelling, or `language` unchanged.
    public static func displayName(ofLanguage language: String) -> String {
        switch language.lowercased() {
        case "r": "R"
        case "julia": "Julia"
        case "bash", "sh": "bash"
        case "scala": "Scala"
        case "javascript": "JavaScript"
        case "typescript": "TypeScript"
        case "c++", "cpp": "C++"
        case "java": "Java"
        case "ruby": "Ruby"
        case "go": "Go"
        case "rust": "Rust"
        case "matlab": "MATLAB"
        case "octave": "Octave"
        case "sql": "SQL"
        case "haskell": "Haskell"
        case "powershell": "PowerShell"
        case "sas": "SAS"
        case "stata": "Stata"
        case "kotlin": "Kotlin"
        default: language
        }
    }
}
