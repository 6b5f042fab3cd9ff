import Crypto
import Foundation

/// Installs a project's pinned requirements as wheels into a staging tree with pip, for the
/// image's Python version and platform (never the build machine's).
public struct DependencyInstaller: Sendable {
    /// The Python whose pip runs (the build machine's).
    public var python: String
    /// The image's Python.
    public var target: PythonTarget
    /// Refuse any requirement without a matching `--hash` (pip's `--require-hashes`), as for a
    /// lock file.
    public var requireHashes = false

    /// The lock file `nbship convert --lock` writes (`uv pip compile --generate-hashes`);
    /// when a project has one, the dependency layer is installed from it instead of
    /// `requirements.txt`.
    public static let lockFile = "requirements.lock"

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
        if requireHashes { arguments.append("--require-hashes") }
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
        try rewriteScriptShebangs(in: staging + "/bin")
    }

    /// Compiles every `.py` file under `staging` to `__pycache__/*.pyc` with the build machine's
    /// python, which must be the image's version: hash-based, never checked against the source
    /// (`--invalidation-mode unchecked-hash`, so no timestamps), with the paths the files have
    /// in the image (`imageDirectory`) recorded instead of the staging tree's. A file that does
    /// not compile (a wheel may ship sources for another Python, or templates named `.py`) is
    /// left without bytecode, as pip does.
    /// - Parameters:
    ///   - staging: The installed tree.
    ///   - imageDirectory: Where `staging` is in the image, e.g. `/app/deps`.
    ///   - logDirectory: Where compileall's output is captured.
    /// - Throws: `DiagnosticError` when compileall fails.
    public func compileBytecode(in staging: String, imageDirectory: String, logDirectory: String) throws {
        let output = try ProcessRunner.run(
            [python, "-m", "compileall", "-q", "-f", "--invalidation-mode", "unchecked-hash", "-d", imageDirectory, staging],
            environment: ["PYTHONHASHSEED": "0", "SOURCE_DATE_EPOCH": "0"],
            logDirectory: logDirectory)
        // compileall exits 1 when some file does not compile, and lists it; anything else failed.
        guard output.status == 0 || (output.status == 1 && output.text.contains("*** Error compiling")) else {
            let tail = output.text.split(separator: "\n").suffix(15).map(String.init)
            throw ImageFailure.general("image.bytecode-failed", "python could not compile the dependencies to bytecode", notes: tail)
        }
    }

    /// The interpreter line console scripts get in the image.
    public static let imageShebang = "#!/usr/bin/env python3"

    /// pip writes console scripts with the build machine's interpreter path (meaningless in
    /// the image, and different on every machine); point them at the image's `python3`.
    func rewriteScriptShebangs(in directory: String) throws {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        var rewrittenRecords: [String: String] = [:]  // RECORD path → "sha256=…,size"
        for name in names {
            let path = directory + "/" + name
            guard let data = FileManager.default.contents(atPath: path), data.starts(with: Array("#!".utf8)),
                  let newline = data.firstIndex(of: UInt8(ascii: "\n")) else { continue }
            let first = String(decoding: data[..<newline], as: UTF8.self)
            guard first.contains("python"), first != Self.imageShebang else { continue }
            var rewritten = Data(Self.imageShebang.utf8)
            rewritten.append(data[newline...])
            try rewritten.write(to: URL(fileURLWithPath: path))
            let hash = Data(SHA256.hash(data: rewritten)).base64EncodedString()
                .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
                .replacingOccurrences(of: "=", with: "")
            rewrittenRecords["../../bin/" + name] = "sha256=\(hash),\(rewritten.count)"
        }
        if !rewrittenRecords.isEmpty {
            try updateRecords(in: (directory as NSString).deletingLastPathComponent, rewrittenRecords)
        }
    }

    /// Keeps each `*.dist-info/RECORD` true to the rewritten scripts (hash and size), so the
    /// layer does not carry the build machine's interpreter path even there.
    func updateRecords(in staging: String, _ records: [String: String]) throws {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: staging)) ?? []
        for name in names where name.hasSuffix(".dist-info") {
            let path = staging + "/" + name + "/RECORD"
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            var changed = false
            // Work on bytes: pip's csv writes CRLF, which Swift strings treat as one Character.
            let lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { line -> Data in
                guard let comma = line.firstIndex(of: UInt8(ascii: ",")),
                      let record = records[String(decoding: line[..<comma], as: UTF8.self)] else { return Data(line) }
                changed = true
                var replaced = Data(line[..<comma])
                replaced.append(contentsOf: Array(("," + record).utf8))
                if line.last == UInt8(ascii: "\r") { replaced.append(UInt8(ascii: "\r")) }
                return replaced
            }
            if changed { try Data(lines.joined(separator: [UInt8(ascii: "\n")])).write(to: URL(fileURLWithPath: path)) }
        }
    }
}
