import Foundation

extension ImageConfigBuilder {
    /// The image's `Cmd`: how the served package's `serve` module runs.
    ///
    /// A project that pins uvicorn serves an ASGI app with it, listening on all interfaces at
    /// the request's port: `PKG.serve:app` when the module assigns `app` at the top level,
    /// else `--factory PKG.serve:create_app` when it defines `create_app`. Any other
    /// project runs the module itself (`python3 -m PKG.serve`).
    /// - Parameter package: The package under `src/` that has `serve.py`.
    /// - Returns: The command.
    func serveCommand(_ package: String) -> [String] {
        let module = "\(package).serve"
        let source = FileManager.default.contents(atPath: "\(request.project)/src/\(package)/serve.py")
            .map { String(decoding: $0, as: UTF8.self) } ?? ""
        guard pinsUvicorn() else { return ["python3", "-m", module] }
        let lines = source.split(whereSeparator: \.isNewline)
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
