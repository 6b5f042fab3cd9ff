/// Finds pip and conda installs in command lines and reads their package specs.
enum InstallCommandParser {
    /// pip options that take a value (the next word unless written `--opt=value`).
    private static let pipValueOptions: Set<String> = [
        "-r", "--requirement", "-c", "--constraint", "-e", "--editable", "-i", "--index-url",
        "--extra-index-url", "-f", "--find-links", "-t", "--target", "--prefix", "--root", "--src",
        "--upgrade-strategy", "--python-version", "--platform", "--implementation", "--abi",
        "--only-binary", "--no-binary", "--progress-bar", "--log", "--proxy", "--retries", "--timeout",
        "--exists-action", "--trusted-host", "--cert", "--client-cert", "--cache-dir", "-C",
        "--config-settings", "--global-option", "--install-option", "--report", "--root-user-action",
        "--python", "--keyring-provider", "--use-feature", "--use-deprecated", "--log-file",
    ]

    /// conda options that take a value.
    private static let condaValueOptions: Set<String> = [
        "-c", "--channel", "-n", "--name", "-p", "--prefix", "--file", "--repodata-fn",
        "--experimental", "--solver", "--override-channels-from",
    ]

    /// Every install or uninstall in a shell command line (`!…`, `%%bash` lines, `%sx …`).
    static func installs(inShell line: String, via: String, line number: Int, endLine: Int) -> [PackageInstall] {
        ShellWords.commands(line).compactMap { words in
            install(words: words, command: line, via: via, line: number, endLine: endLine)
        }
    }

    /// The install run by `%pip …`, `%conda …` (or an automagic `pip …` line), if it is one.
    static func magicInstall(tool: String, arguments: String, line: Int, endLine: Int, via: String = "%") -> PackageInstall? {
        let words = ShellWords.commands(arguments).first ?? []
        let toolKind: PackageInstall.Tool = tool == "pip" || tool.hasPrefix("pip") ? .pip : .conda
        let command = via == "automagic" ? "\(tool) \(arguments)" : "%\(tool) \(arguments)"
        return parse(tool: toolKind, arguments: words, command: command, via: via, line: line, endLine: endLine)
    }

    private static func basename(_ word: String) -> String {
        String(word.split(separator: "/").last ?? Substring(word))
    }

    private static func isPip(_ word: String) -> Bool {
        let name = basename(word)
        return name == "pip" || (name.hasPrefix("pip") && name.dropFirst(3).allSatisfy { $0.isNumber || $0 == "." })
    }

    private static func isPython(_ word: String) -> Bool {
        let name = basename(word)
        if word.hasPrefix("{") && word.hasSuffix("}") { return true }
        if word.hasPrefix("$") { return true }
        return name.hasPrefix("python") && name.dropFirst(6).allSatisfy { $0.isNumber || $0 == "." }
    }

    private static func install(words original: [String], command: String, via: String, line: Int, endLine: Int) -> PackageInstall? {
        var words = original[...]
        while let first = words.first, first == "sudo" || first == "env" || (first.contains("=") && !first.hasPrefix("-")) {
            words = words.dropFirst()
        }
        guard let first = words.first else { return nil }
        var rest = Array(words.dropFirst())
        let tool: PackageInstall.Tool
        if isPip(first) {
            tool = .pip
        } else if first == "uv", rest.first == "pip" {
            tool = .pip
            rest.removeFirst()
        } else if ["conda", "mamba", "micromamba"].contains(basename(first)) {
            tool = .conda
        } else if isPython(first), let module = rest.firstIndex(of: "-m"), module + 1 < rest.count, isPip(rest[module + 1]) {
            tool = .pip
            rest = Array(rest[(module + 2)...])
        } else {
            return nil
        }
        return parse(tool: tool, arguments: rest, command: command, via: via, line: line, endLine: endLine)
    }

    private static func parse(tool: PackageInstall.Tool, arguments: [String], command: String, via: String,
                              line: Int, endLine: Int) -> PackageInstall? {
        // Global options may come before the subcommand (`pip -q install x`).
        var index = 0
        while index < arguments.count, arguments[index].hasPrefix("-") { index += 1 }
        guard index < arguments.count else { return nil }
        let action: PackageInstall.Action
        switch arguments[index] {
        case "install": action = .install
        case "uninstall", "remove": action = .uninstall
        default: return nil
        }
        let valueOptions = tool == .pip ? pipValueOptions : condaValueOptions
        var packages: [PackageSpec] = []
        var files: [String] = []
        var cursor = index + 1
        while cursor < arguments.count {
            let word = arguments[cursor]
            cursor += 1
            guard word.hasPrefix("-"), word != "-" else {
                packages.append(tool == .pip ? PackageSpec.pip(word) : PackageSpec.conda(word))
                continue
            }
            var option = word
            var value: String?
            if word.hasPrefix("--"), let equals = word.firstIndex(of: "=") {
                option = String(word[..<equals])
                value = String(word[word.index(after: equals)...])
            } else if !word.hasPrefix("--"), word.count > 2, valueOptions.contains(String(word.prefix(2))) {
                option = String(word.prefix(2))
                value = String(word.dropFirst(2))
            }
            guard valueOptions.contains(option) else { continue }
            if value == nil, cursor < arguments.count {
                value = arguments[cursor]
                cursor += 1
            }
            guard let value else { continue }
            switch option {
            case "-r", "--requirement", "--file": files.append(value)
            case "-e", "--editable":
                var spec = PackageSpec.pip(value)
                spec.editable = true
                packages.append(spec)
            default: break
            }
        }
        return PackageInstall(tool: tool, action: action, packages: packages, requirementFiles: files,
                              command: command, via: via, line: line, endLine: endLine)
    }
}
