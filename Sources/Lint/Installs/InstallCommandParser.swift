import Foundation

/// Finds the packages a simple shell command installs: `pip`/`pip3`/`python -m pip`/`uv pip`
/// `install`, `pipx install`, `conda`/`mamba`/`micromamba` `install`/`create`, `apt-get`/`apt`
/// `install`, `apk add` and `npm install`. Options that take a value are skipped with their
/// value; `-r`/`--requirement`, `--file` name files (checked on their own); a `-c`/`--constraint`
/// file may pin everything, so the command's packages are not judged.
public enum InstallCommandParser {
    /// The packages the command installs.
    /// - Parameter command: One simple command's words.
    /// - Returns: The package arguments, in order.
    public static func installs(in command: [ShellWord]) -> [ParsedInstall] {
        var words = ArraySlice(command)
        strip(&words)
        guard let program = words.first else { return [] }
        let base = program.text.split(separator: "/").last.map(String.init) ?? program.text
        words = words.dropFirst()

        if isPip(base) {
            return pip(words, ecosystem: .pip)
        }
        if base == "pipx" {
            return pip(words, ecosystem: .pipx)
        }
        if isPython(base) || program.text.contains("python") || program.text == "{sys.executable}" {
            guard let module = words.firstIndex(where: { $0.text == "-m" }), module + 1 < words.endIndex,
                  isPip(words[module + 1].text) else { return [] }
            return pip(words[(module + 2)...], ecosystem: .pip)
        }
        if base == "uv", words.first?.text == "pip" {
            return pip(words.dropFirst(), ecosystem: .pip)
        }
        if ["conda", "mamba", "micromamba"].contains(base) {
            return packages(words, subcommands: ["install", "create"], ecosystem: .conda,
                            valueOptions: condaValueOptions, classify: conda)
        }
        if base == "apt-get" || base == "apt" {
            return packages(words, subcommands: ["install"], ecosystem: .apt,
                            valueOptions: ["-o", "-c", "-t", "--target-release", "--default-release"], classify: apt)
        }
        if base == "apk" {
            return packages(words, subcommands: ["add"], ecosystem: .apk, valueOptions: apkValueOptions, classify: apk)
        }
        if base == "npm" {
            return packages(words, subcommands: ["install", "i", "add", "isntall"], ecosystem: .npm,
                            valueOptions: npmValueOptions, classify: npm)
        }
        return []
    }

    /// Drops leading variable assignments and wrappers (`sudo -E`, `env X=1`, `then`, …) with
    /// the wrappers' own options.
    static func strip(_ words: inout ArraySlice<ShellWord>) {
        let keywords: Set<String> = ["then", "do", "else", "{", "!", "if", "while", "until", "eval"]
        let wrappers: Set<String> = ["sudo", "env", "time", "nice", "exec", "command", "nohup", "xargs"]
        let valueOptions: Set<String> = ["-u", "-g", "-n", "-C", "-h", "-p", "-U", "-I"]
        var afterWrapper = false
        while let first = words.first {
            if keywords.contains(first.text) || isAssignment(first.text) {
                words = words.dropFirst()
            } else if wrappers.contains(first.text) {
                afterWrapper = true
                words = words.dropFirst()
            } else if afterWrapper, first.text.hasPrefix("-") {
                words = words.dropFirst()
                if valueOptions.contains(first.text) { words = words.dropFirst() }
            } else {
                break
            }
        }
    }

    static func isAssignment(_ text: String) -> Bool {
        guard let equals = text.firstIndex(of: "="), equals > text.startIndex else { return false }
        let name = text[..<equals]
        return name.allSatisfy { $0.isASCIIAlphanumeric || $0 == "_" } && !(name.first?.isNumber ?? true)
    }

    /// `pip`, `pip3`, `pip3.11`.
    static func isPip(_ text: String) -> Bool {
        guard text.hasPrefix("pip") else { return false }
        return text.dropFirst(3).allSatisfy { $0.isNumber || $0 == "." }
    }

    /// `python`, `python3`, `python3.11`.
    static func isPython(_ text: String) -> Bool {
        guard text.hasPrefix("python") else { return false }
        return text.dropFirst(6).allSatisfy { $0.isNumber || $0 == "." }
    }

    static let pipValueOptions: Set<String> = [
        "-r", "--requirement", "-c", "--constraint", "-e", "--editable", "-i", "--index-url", "--extra-index-url",
        "-f", "--find-links", "-t", "--target", "--prefix", "--root", "-b", "--build", "--src", "--upgrade-strategy",
        "--trusted-host", "--platform", "--python-version", "--implementation", "--abi", "--root-user-action",
        "--progress-bar", "--log", "--cache-dir", "--proxy", "--retries", "--timeout", "--exists-action", "--cert",
        "--client-cert", "--global-option", "--install-option", "--config-settings", "-C", "--report", "--python",
        "-p", "--no-binary", "--only-binary", "--pip-args", "--index-strategy", "--keyring-provider", "--suffix",
        "--python-platform", "--index", "--default-index", "--resolution", "--prerelease", "--spec",
    ]
    static let condaValueOptions: Set<String> = [
        "-c", "--channel", "-n", "--name", "-p", "--prefix", "--file", "--solver", "--repodata-fn", "--subdir",
        "--platform",
    ]
    static let apkValueOptions: Set<String> = [
        "-t", "--virtual", "-X", "--repository", "-p", "--root", "--keys-dir", "--arch", "--cache-dir",
        "--repositories-file",
    ]
    static let npmValueOptions: Set<String> = [
        "--registry", "--loglevel", "--prefix", "--cache", "--tag", "--userconfig", "-w", "--workspace", "--omit",
        "--include", "--install-strategy",
    ]

    static func pip(_ words: ArraySlice<ShellWord>, ecosystem: PackageInstall.Ecosystem) -> [ParsedInstall] {
        var results: [ParsedInstall] = []
        var sawInstall = false
        var constrained = false
        var index = words.startIndex
        while index < words.endIndex {
            let word = words[index]
            index += 1
            let option = word.text.split(separator: "=", maxSplits: 1).first.map(String.init) ?? word.text
            if word.text.hasPrefix("-") {
                if option == "-c" || option == "--constraint" { constrained = true }
                let takesValue = pipValueOptions.contains(option) && !word.text.contains("=")
                if option == "-e" || option == "--editable", sawInstall {
                    let value = word.text.contains("=")
                        ? ShellWord(text: String(word.text.drop { $0 != "=" }.dropFirst()), offset: word.offset)
                        : (index < words.endIndex ? words[index] : nil)
                    if let value, !value.hasExpansion {
                        let (name, pin) = PythonRequirement.classify(value.text)
                        results.append(ParsedInstall(ecosystem: ecosystem, word: value, name: name, pin: pin))
                    }
                }
                if takesValue { index += 1 }
                continue
            }
            if !sawInstall {
                guard word.text == "install" else { return [] }
                sawInstall = true
                continue
            }
            guard !word.hasExpansion, !word.text.isEmpty else { continue }
            let (name, pin) = PythonRequirement.classify(word.text)
            results.append(ParsedInstall(ecosystem: ecosystem, word: word, name: name, pin: pin))
        }
        return constrained ? [] : results
    }

    static func packages(
        _ words: ArraySlice<ShellWord>, subcommands: Set<String>, ecosystem: PackageInstall.Ecosystem,
        valueOptions: Set<String>, classify: (String) -> (String, PinLevel)
    ) -> [ParsedInstall] {
        var results: [ParsedInstall] = []
        var sawSubcommand = false
        var index = words.startIndex
        while index < words.endIndex {
            let word = words[index]
            index += 1
            if word.text.hasPrefix("-") {
                if valueOptions.contains(word.text) { index += 1 }
                continue
            }
            if !sawSubcommand {
                guard subcommands.contains(word.text) else { return [] }
                sawSubcommand = true
                continue
            }
            guard !word.hasExpansion, !word.text.isEmpty else { continue }
            let (name, pin) = classify(word.text)
            results.append(ParsedInstall(ecosystem: ecosystem, word: word, name: name, pin: pin))
        }
        return results
    }

    static func conda(_ spec: String) -> (String, PinLevel) {
        var text = Substring(spec)
        if let channel = text.range(of: "::") { text = text[channel.upperBound...] }
        if text.hasSuffix(".tar.bz2") || text.hasSuffix(".conda") || text.contains("/") { return (spec, .exact) }
        let name = String(text.prefix { $0.isASCIIAlphanumeric || $0 == "_" || $0 == "-" || $0 == "." })
        let rest = text.dropFirst(name.count).filter { $0 != " " }
        if rest.isEmpty { return (name, .none) }
        if rest.hasPrefix("=") && !rest.hasPrefix("=>") && !rest.contains("*") && !rest.contains(",")
            && !rest.contains("|") {
            return (name, .exact)
        }
        return (name, .constrained)
    }

    static func apt(_ spec: String) -> (String, PinLevel) {
        if spec.hasSuffix(".deb") || spec.hasPrefix("/") || spec.hasPrefix(".") { return (spec, .exact) }
        if let equals = spec.firstIndex(of: "=") { return (String(spec[..<equals]), .exact) }
        if let slash = spec.firstIndex(of: "/") { return (String(spec[..<slash]), .constrained) }
        return (spec, .none)
    }

    static func apk(_ spec: String) -> (String, PinLevel) {
        if spec.hasSuffix(".apk") { return (spec, .exact) }
        if let index = spec.firstIndex(where: { "=~<>".contains($0) }) {
            return (String(spec[..<index]), spec[index] == "=" && !spec.contains("~") ? .exact : .constrained)
        }
        return (spec, .none)
    }

    static func npm(_ spec: String) -> (String, PinLevel) {
        let lower = spec.lowercased()
        if spec.hasPrefix(".") || spec.hasPrefix("/") || spec.hasPrefix("~")
            || [".tgz", ".tar", ".tar.gz"].contains(where: { lower.hasSuffix($0) }) {
            return (spec, .exact)
        }
        if spec.contains("://") || spec.hasPrefix("git") || spec.hasPrefix("github:") {
            return (spec, spec.contains("#") ? .exact : .none)
        }
        let searchStart = spec.hasPrefix("@") ? spec.index(after: spec.startIndex) : spec.startIndex
        guard let at = spec[searchStart...].firstIndex(of: "@") else { return (spec, .none) }
        let version = spec[spec.index(after: at)...]
        let exact = !version.isEmpty && version.allSatisfy { $0.isNumber || $0 == "." }
        return (String(spec[..<at]), version.isEmpty ? .none : (exact ? .exact : .constrained))
    }
}
