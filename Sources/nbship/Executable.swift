import Foundation

/// Finds the running executable's path.
enum Executable {
    /// `/proc/self/exe` on Linux, else `argument0` resolved against `PATH`.
    static func path(_ argument0: String) -> String? {
        if let resolved = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return resolved
        }
        if argument0.contains("/") { return argument0 }
        return onPath(argument0)
    }

    /// The first executable file named `program` in a folder of `PATH`, else `nil`.
    static func onPath(_ program: String) -> String? {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let candidate = "\(folder)/\(program)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
