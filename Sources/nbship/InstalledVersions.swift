import ArgumentParser
import Foundation
import Lint
import Requirements

/// The versions of the distributions an interpreter has installed, by PEP 503-normalised
/// name: read from disk as `convert` reads them (``EnvironmentReading``) when the layout is one
/// nbship recognises, else asked of the interpreter itself through `importlib.metadata`.
enum InstalledVersions {
    static let script = """
        import importlib.metadata as m, json
        print(json.dumps({d.metadata["Name"]: d.version for d in m.distributions() if d.metadata["Name"]}))
        """

    static func read(interpreter: String) throws -> [String: String] {
        if case .disk(let installed) = PythonEnvironment(interpreter: interpreter).reading() {
            var versions: [String: String] = [:]
            // The first copy on the search path is the one imports get.
            for distribution in installed.distributions.all {
                guard let version = distribution.version else { continue }
                let name = PythonRequirement.normalise(distribution.name)
                if versions[name] == nil { versions[name] = version }
            }
            return versions
        }
        return try asked(interpreter)
    }

    /// The versions `importlib.metadata` lists when the interpreter is run.
    private static func asked(_ interpreter: String) throws -> [String: String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: interpreter)
        process.arguments = ["-c", script]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            FileHandle.standardError.write(Data("error: cannot run '\(interpreter)'\n".utf8))
            throw ExitCode(2)
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0,
              let names = try? JSONSerialization.jsonObject(with: data) as? [String: String] else {
            FileHandle.standardError.write(Data("error: '\(interpreter)' did not list its installed distributions\n".utf8))
            throw ExitCode(2)
        }
        var versions: [String: String] = [:]
        for (name, version) in names { versions[PythonRequirement.normalise(name)] = version }
        return versions
    }
}
