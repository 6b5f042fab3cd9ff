import Foundation

/// The Python interpreter the tests use: `$NBSHIP_TEST_PYTHON` (the repo's `.venv`, set by the
/// Makefile), else `python3` from `PATH`.
public enum TestPython {
    /// `$NBSHIP_TEST_PYTHON` when set and not empty, else `python3`.
    public static var interpreter: String {
        ProcessInfo.processInfo.environment["NBSHIP_TEST_PYTHON"].flatMap { $0.isEmpty ? nil : $0 } ?? "python3"
    }

    /// The command line prefix that runs the interpreter (through `/usr/bin/env`, so both a
    /// path and a bare `python3` work).
    public static var commandLine: [String] { ["/usr/bin/env", interpreter] }

    /// Runs the interpreter with arguments.
    /// - Parameters:
    ///   - arguments: the interpreter's arguments, e.g. `["-c", "print(1)"]`.
    ///   - directory: the working directory; the package root when `nil`.
    ///   - environment: variables set (or replaced) on top of this process's environment.
    ///   - input: standard input.
    /// - Returns: the captured output and exit status.
    /// - Throws: when the process cannot be started.
    public static func run(
        _ arguments: [String], in directory: URL? = nil,
        environment: [String: String] = ProcessRunner.defaultEnvironment, input: ProcessRunner.Input = .empty
    ) throws -> ProcessRunner.Result {
        try ProcessRunner.run(commandLine + arguments, in: directory, environment: environment, input: input)
    }

    /// Whether an interpreter runs and can import every module (no modules: just whether it
    /// runs). Answers are cached per interpreter and module list.
    /// - Parameters:
    ///   - modules: module names, e.g. `["nbformat", "IPython"]`.
    ///   - python: the interpreter to ask; `interpreter` by default.
    /// - Returns: `true` when `import` of all of them exits 0.
    public static func canImport(_ modules: [String], using python: String = interpreter) -> Bool {
        let key = python + "\u{0}" + modules.joined(separator: ",")
        if let known = cache.value(for: key) { return known }
        let script = modules.isEmpty ? "pass" : "import " + modules.joined(separator: ", ")
        let answer = (try? ProcessRunner.run(["/usr/bin/env", python, "-c", script]))?.status == 0
        cache.set(answer, for: key)
        return answer
    }

    /// Whether the interpreter can import every module.
    /// - Parameter modules: module names.
    /// - Returns: `true` when `import` of all of them exits 0.
    public static func canImport(_ modules: String...) -> Bool {
        canImport(modules)
    }

    private static let cache = ImportCache()
}

/// A lock-protected table of `canImport` answers.
final class ImportCache: @unchecked Sendable {
    private let lock = NSLock()
    private var answers: [String: Bool] = [:]

    func value(for key: String) -> Bool? {
        lock.lock()
        defer { lock.unlock() }
        return answers[key]
    }

    func set(_ value: Bool, for key: String) {
        lock.lock()
        defer { lock.unlock() }
        answers[key] = value
    }
}
