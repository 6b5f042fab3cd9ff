import Foundation
import Testing
@testable import Image

/// The config's command and environment follow the project: how it serves, whether it has
/// dependencies.
@Suite struct ImageConfigTests {
    /// A project with `src/shop/serve.py` holding `serve` and requirements.txt holding `requirements`.
    func project(_ work: String, serve: String, requirements: String) throws -> String {
        let project = work + "/project"
        try FileManager.default.createDirectory(atPath: project + "/src/shop", withIntermediateDirectories: true)
        try serve.write(toFile: project + "/src/shop/serve.py", atomically: false, encoding: .utf8)
        try requirements.write(toFile: project + "/requirements.txt", atomically: false, encoding: .utf8)
        return project
    }

    func config(_ project: String, work: String, hasDependencies: Bool, base: JSONValue = .object([:])) -> JSONValue {
        let request = ImageBuildRequest(project: project, base: .scratch, name: "shop", tag: "1", workDirectory: work, toolVersion: "test",
                                        port: 8080)
        return ImageConfigBuilder(request: request, hasDependencies: hasDependencies).config(base: base, newLayers: [])
    }

    static let uvicornApp = ["python3", "-m", "uvicorn", "shop.serve:app", "--host", "0.0.0.0", "--port", "8080"]
    static let uvicornFactory = ["python3", "-m", "uvicorn", "--factory", "shop.serve:create_app", "--host", "0.0.0.0", "--port", "8080"]
    static let module = ["python3", "-m", "shop.serve"]

    @Test(arguments: [
        ("from fastapi import FastAPI\napp = FastAPI()\n", "fastapi==0.115.0\nuvicorn==0.30.6\n", uvicornApp),
        ("app: FastAPI = make()\n", "Uvicorn[standard]==0.30.6  # server\n", uvicornApp),
        ("def create_app():\n    app = FastAPI()\n    return app\n", "uvicorn==0.30.6\n", uvicornFactory),
        ("app = FastAPI()\n", "# uvicorn==0.30.6\nfastapi==0.115.0\n", module),
        ("if app == 1:\n    pass\n", "uvicorn==0.30.6\n", module),
        ("def main():\n    serve()\n", "", module),
        // As convert writes it: an app, and a main that runs uvicorn itself with WORKERS and PORT.
        ("app = FastAPI()\n\n\nif __name__ == \"__main__\":\n    main()\n", "uvicorn==0.54.0\n", module),
        ("app = FastAPI()\nif __name__ == '__main__':\n    main()\n", "uvicorn==0.54.0\n", module),
    ])
    func commandServesTheProjectsApp(serve: String, requirements: String, expected: [String]) throws {
        let work = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let config = config(try project(work, serve: serve, requirements: requirements), work: work, hasDependencies: true)
        #expect(config["config"]?["Cmd"] == .array(expected.map { .string($0) }))
    }

    /// A module that runs itself and reads PORT gets `PORT` set to the port the image exposes;
    /// one that does not read it, or an app uvicorn serves, gets no `PORT`.
    @Test(arguments: [
        ("import os\nport = int(os.environ.get(\"PORT\", \"8000\"))\nif __name__ == \"__main__\":\n    main()\n", true),
        ("if __name__ == \"__main__\":\n    main()\n", false),
        ("app = FastAPI()\nPORT = \"PORT\"\n", false),
    ])
    func aModuleReadingPortIsToldTheExposedPort(serve: String, setsPort: Bool) throws {
        let work = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let config = config(try project(work, serve: serve, requirements: "uvicorn==0.54.0\n"), work: work, hasDependencies: true)
        let environment = config["config"]?["Env"]?.arrayValue?.compactMap(\.stringValue) ?? []
        #expect(environment.contains("PORT=8080") == setsPort, "\(environment)")
        #expect(config["config"]?["ExposedPorts"]?["8080/tcp"] != nil)
    }

    @Test func dependencyScriptsGoFirstOnTheBasesPathWhichKeepsItsPlace() throws {
        let work = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let project = try project(work, serve: "", requirements: "")
        let base: JSONValue = .object(["config": .object(["Env": .array([.string("PATH=/opt/py/bin:/usr/bin"), .string("LANG=C.UTF-8")])])])
        let with = config(project, work: work, hasDependencies: true, base: base)["config"]?["Env"]
        #expect(with == .array([
            "PATH=/app/deps/bin:/opt/py/bin:/usr/bin", "LANG=C.UTF-8", "PYTHONPATH=/app/src:/app/deps",
            "PYTHONDONTWRITEBYTECODE=1", "PYTHONUNBUFFERED=1",
        ].map { .string($0) }))
        let without = config(project, work: work, hasDependencies: false, base: base)["config"]?["Env"]
        #expect(without?.arrayValue?.first == .string("PATH=/opt/py/bin:/usr/bin"))
        #expect(without?.arrayValue?.contains(.string("PYTHONPATH=/app/src")) == true)
        // A base that already lists the scripts directory does not get it twice.
        let listed: JSONValue = .object(["config": .object(["Env": .array([.string("PATH=/usr/bin:/app/deps/bin")])])])
        #expect(config(project, work: work, hasDependencies: true, base: listed)["config"]?["Env"]?.arrayValue?.first
            == .string("PATH=/usr/bin:/app/deps/bin"))
    }

    /// The integer RFC 3339 formatter agrees with Foundation's ISO 8601 formatter (which it
    /// replaces to keep ICU out of memory) across leap days, centuries and negative epochs.
    @Test func createdTimestampsMatchFoundationsFormatter() {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        var epochs: [Int64] = [0, -1, 1, 59, 86_399, 86_400, 951_782_400, 951_868_799, 1_700_000_000, 4_102_444_800, -2_208_988_800]
        var state: UInt64 = 88_172_645_463_325_252
        for _ in 0..<2000 {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            epochs.append(Int64(state % 16_000_000_000) - 2_000_000_000)
        }
        for epoch in epochs {
            #expect(ImageConfigBuilder.rfc3339(epoch) == formatter.string(from: Date(timeIntervalSince1970: TimeInterval(epoch))), "\(epoch)")
        }
        #expect(ImageConfigBuilder.rfc3339(0) == "1970-01-01T00:00:00Z")
    }
}
