#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Diagnostics
import Foundation

/// Printing for commands: stdout for reports, stderr for diagnostics, colour only on a TTY
/// and never when `NO_COLOR` is set.
enum Terminal {
    static func colourAllowed(fd: Int32) -> Bool {
        isTerminal(fd: fd) && getenv("NO_COLOR") == nil
    }

    /// Whether a file descriptor is a terminal (progress for slow work is shown only there).
    static func isTerminal(fd: Int32) -> Bool {
        isatty(fd) == 1
    }

    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func writeError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Prints diagnostics to stderr, one rendered block each.
    static func report(_ diagnostics: [Diagnostic]) {
        let renderer = DiagnosticRenderer(colour: colourAllowed(fd: 2))
        for diagnostic in diagnostics {
            writeError(renderer.render(diagnostic) + "\n")
        }
    }
}
