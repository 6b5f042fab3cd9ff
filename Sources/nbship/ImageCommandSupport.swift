import Diagnostics
import Foundation

/// Helpers the image commands share: scratch directories, the epoch, error exits.
enum ImageCommandSupport {
    /// A new scratch directory under the system temporary directory.
    static func makeWorkDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory.path + "/nbship-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// `--epoch`, else `SOURCE_DATE_EPOCH`, else 0.
    static func epoch(_ option: Int64?) -> Int64 {
        if let option { return option }
        if let text = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], let value = Int64(text) { return value }
        return 0
    }

    /// Ids that mean the user's input was wrong (exit 2) rather than the build failing (exit 1).
    static let badInputIDs: Set<String> = [
        "image.no-sources", "image.base-not-found", "image.base-tag-not-found", "image.base-ambiguous",
        "image.base-invalid", "image.symlink-escapes", "image.not-found", "image.invalid", "image.unsafe-path",
        "image.bytecode-version-mismatch", "image.bad-project-metadata",
    ]

    /// Prints a fatal error to stderr and returns the exit code it deserves.
    static func report(_ error: Error) -> Int32 {
        if let failure = error as? DiagnosticError {
            let renderer = DiagnosticRenderer(colour: isatty(2) != 0)
            FileHandle.standardError.write(Data((renderer.render(failure.diagnostic) + "\n").utf8))
            return badInputIDs.contains(failure.diagnostic.id) ? 2 : 1
        }
        FileHandle.standardError.write(Data("error: \(error)\n".utf8))
        return 1
    }
}
