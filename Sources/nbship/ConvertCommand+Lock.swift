import Diagnostics
import Requirements

extension NBShip.Convert {
    /// `--lock`: `uv pip compile --generate-hashes` on the project's `requirements.txt`, for the
    /// interpreter's Python version. uv is `$NBSHIP_UV`, else beside the interpreter, else on
    /// `PATH`. Says what it is doing on a terminal only (it asks the package index, which takes
    /// a while); quiet otherwise.
    /// - Parameters:
    ///   - requirementsTxt: The pinned requirements.
    ///   - interpreter: The checked `--python` interpreter.
    ///   - environment: The process environment.
    /// - Returns: The text of `requirements.lock`.
    /// - Throws: LockCommand's diagnostics (`requirements.uv-not-found`, `requirements.lock-network`,
    ///   `requirements.lock-unsatisfiable` located in `requirements.txt`, `requirements.lock-failed`).
    func lockRequirements(
        _ requirementsTxt: String, interpreter: CheckedPythonInterpreter, environment: [String: String]
    ) throws(DiagnosticError) -> String {
        let uv = LockCommand.locateUV(besideInterpreter: interpreter.executable, environment: environment) ?? "uv"
        if Terminal.isTerminal(fd: 2) {
            Terminal.writeError("locking requirements with uv…\n")
        }
        return try LockCommand(pythonVersion: interpreter.version, uv: uv).lock(requirementsTxt)
    }
}
