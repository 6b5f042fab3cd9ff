import Foundation

extension LockCommand {
    /// The variable naming the `uv` executable to lock with, when set and not empty.
    public static let uvVariable = "NBSHIP_UV"

    /// Finds `uv` for `--lock`: `$NBSHIP_UV` when set, else `uv` beside the interpreter (a
    /// virtual environment's `bin/`, where `pip install uv` puts it), else `uv` on `PATH`.
    /// - Parameters:
    ///   - interpreter: The path of the `--python` interpreter (``CheckedPythonInterpreter/executable``).
    ///   - environment: The process environment (`NBSHIP_UV`, `PATH`).
    /// - Returns: The executable's path (`$NBSHIP_UV` as given, even when it does not exist, so
    ///   ``lock(_:environment:)`` names it), or `nil` when no `uv` was found.
    public static func locateUV(besideInterpreter interpreter: String?, environment: [String: String]) -> String? {
        if let explicit = environment[uvVariable], !explicit.isEmpty { return explicit }
        var candidates: [String] = []
        if let interpreter, interpreter.contains("/") {
            candidates.append(URL(fileURLWithPath: interpreter).deletingLastPathComponent().appendingPathComponent("uv").path)
        }
        for directory in (environment["PATH"] ?? "").split(separator: ":") where !directory.isEmpty {
            candidates.append(String(directory) + "/uv")
        }
        return candidates.first { path in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
                && FileManager.default.isExecutableFile(atPath: path)
        }
    }
}
