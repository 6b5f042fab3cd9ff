import Foundation

extension ImageConfigBuilder {
    /// The image's `Cmd`: how the served package's `serve` module runs.
    ///
    /// A module that runs itself (`if __name__ == "__main__":`, as `nbship convert` writes it:
    /// it reads `PORT`, which the image sets, and `WORKERS`) runs as `python3 -m PKG.serve`.
    /// Otherwise a project that pins uvicorn serves an ASGI app with it, listening on all
    /// interfaces at the request's port: `PKG.serve:app` when the module assigns `app` at the
    /// top level, else `--factory PKG.serve:create_app` when it defines `create_app`. Any other
    /// project runs the module itself.
    /// - Parameter package: The package under `src/` that has `serve.py`.
    /// - Returns: The command.
    func serveCommand(_ package: String) -> [String] {
        let module = "\(package).serve"
        let lines = serveSource(package).split(whereSeparator: \.isNewline)
        guard pinsUvicorn(), !lines.contains(where: Self.runsItself) else { return ["python3", "-m", module] }
        let uvicorn = ["python3", "-m", "uvicorn"]
        let listen = ["--host", "0.0.0.0", "--port", String(request.port)]
        if lines.contains(where: { Self.assignsApp($0) }) {
            return uvicorn + ["\(module):app"] + listen
        }
        if lines.contains(where: { $0.hasPrefix("def create_app(") }) {
            return uvicorn + ["--factory", "\(module):create_app"] + listen
        }
        return ["python3", "-m", module]
    }

    /// The text of the package's `serve.py` (empty when it cannot be read).
    func serveSource(_ package: String) -> String {
        FileManager.default.contents(atPath: "\(request.project)/src/\(package)/serve.py")
            .map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    /// Whether the package's `serve.py` runs itself and reads the `PORT` environment variable,
    /// so the image sets `PORT` to the port it exposes.
    func readsPort(_ package: String) -> Bool {
        let source = serveSource(package)
        return source.split(whereSeparator: \.isNewline).contains(where: Self.runsItself) && source.contains("\"PORT\"")
    }

    /// Whether a line is a top-level `if __name__ == "__main__":`.
    static func runsItself(_ line: Substring) -> Bool {
        let compact = line.filter { $0 != " " && $0 != "\t" }.replacingOccurrences(of: "'", with: "\"")
        return line.hasPrefix("if") && compact.hasPrefix("if__name__==\"__main__\":")
    }

    /// Whether a line assigns `app` at module level (`app = FastAPI()`, `app: FastAPI = …`).
    static func assignsApp(_ line: Substring) -> Bool {
        guard line.hasPrefix("app") else { return false }
        let rest = line.dropFirst(3).drop { $0 == " " || $0 == "\t" }
        return (rest.hasPrefix("=") && !rest.hasPrefix("==")) || rest.hasPrefix(":")
    }

    /// Whether the project's `requirements.txt` (what the dependency layer installs) pins uvicorn.
    func pinsUvicorn() -> Bool {
        guard let data = FileManager.default.contents(atPath: request.project + "/requirements.txt") else { return false }
        return DependencyInstaller.requirementLines(String(decoding: data, as: UTF8.self)).contains { line in
            let distribution = line.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." }
            return distribution.lowercased() == "uvicorn"
        }
    }
}
