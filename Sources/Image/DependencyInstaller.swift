import Foundation

/// Installs a project's pinned requirements as wheels into a staging tree with pip, for the
/// image's Python version and platform (never the build machine's).
public struct DependencyInstaller: Sendable {
    /// The Python whose pip runs (the build machine's).
    public var python: String
    /// The image's Python.
    public var target: PythonTarget

    /// Creates an installer.
    /// - Parameters:
    ///   - python: The build machine's python executable.
    ///   - target: The image's Python.
    public init(python: String = "python3", target: PythonTarget) {
        self.python = python
        self.target = target
    }

    /// The requirement lines of a requirements file (comments, blanks and options removed).
    /// - Parameter text: The file's text.
    /// - Returns: The requirement lines, trimmed.
    public static func requirementLines(_ text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).compactMap { line in
            let code = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let trimmed = code.trimmingCharacters(in: .whitespaces)
            return trimmed.isEmpty || trimmed.hasPrefix("-") ? nil : trimmed
        }
    }

    /// The arguments given to `python -m pip`.
    /// - Parameters:
    ///   - requirements: The requirements file.
    ///   - staging: The target directory.
    /// - Returns: The argument list (also part of the layer's cache key).
    public func pipArguments(requirements: String, staging: String) -> [String] {
        let abi = "cp" + target.version.replacingOccurrences(of: ".", with: "")
        var arguments = [
            python, "-m", "pip", "install", "--disable-pip-version-check", "--no-input", "--quiet",
            "--target", staging, "--only-binary", ":all:", "--no-compile",
            "--python-version", target.version, "--implementation", "cp", "--abi", abi, "--abi", "abi3", "--abi", "none",
        ]
        for platform in target.platforms + ["any"] { arguments += ["--platform", platform] }
        arguments += ["-r", requirements]
        return arguments
    }

    /// Runs pip into `staging`.
    /// - Parameters:
    ///   - requirements: The pinned requirements file.
    ///   - staging: An empty directory.
    ///   - logDirectory: Where pip's output is captured.
    /// - Throws: `DiagnosticError` with pip's output as notes when it fails.
    public func install(requirements: String, into staging: String, logDirectory: String) throws {
        let output = try ProcessRunner.run(
            pipArguments(requirements: requirements, staging: staging),
            environment: ["PIP_NO_CACHE_DIR": "0", "SOURCE_DATE_EPOCH": "0", "PYTHONHASHSEED": "0"],
            logDirectory: logDirectory)
        guard output.status == 0 else {
            let tail = output.text.split(separator: "\n").suffix(15).map(String.init)
            throw ImageFailure.at(requirements, "image.dependencies-failed", "pip could not install the requirements as wheels for python \(target.version)", notes: tail)
        }
    }
}
