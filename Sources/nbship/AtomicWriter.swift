#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Convert
import Diagnostics
import Emit
import Foundation

/// The one place nbship writes output: atomically, and never over a user's files without
/// `--force`.
///
/// A file is written to a temporary file beside it and renamed; a project is written into a
/// temporary folder beside its destination and renamed into place, so a failure leaves
/// nothing half-written behind.
enum AtomicWriter {
    /// Writes one file.
    /// - Parameters:
    ///   - text: The contents.
    ///   - path: The destination.
    ///   - force: Replace an existing file.
    /// - Throws: `output.exists` or `output.io`.
    static func writeFile(_ text: String, to path: String, force: Bool) throws(DiagnosticError) {
        let manager = FileManager.default
        if manager.fileExists(atPath: path), !force {
            throw DiagnosticError(.error("output.exists", "'\(path)' already exists", notes: ["pass --force to replace it"]))
        }
        let destination = URL(fileURLWithPath: path)
        let temporary = destination.deletingLastPathComponent()
            .appendingPathComponent(".\(destination.lastPathComponent).nbship-\(getpid())-\(UUID().uuidString.prefix(8))")
        do {
            try Data(text.utf8).write(to: temporary)
            guard rename(temporary.path, destination.path) == 0 else {
                throw CocoaError(.fileWriteUnknown)
            }
        } catch {
            try? manager.removeItem(at: temporary)
            throw DiagnosticError(.error("output.io", "cannot write '\(path)': \(Self.reason(error))"))
        }
    }

    /// Writes a generated tree into `directory`.
    ///
    /// An existing non-empty directory is refused unless `force`; with `force` its old
    /// contents are replaced only after the new tree is complete (and put back if moving the
    /// new one in fails). An existing folder is kept, only its entries change.
    /// - Parameters:
    ///   - files: The files, with paths relative to `directory`.
    ///   - copies: Files copied byte for byte (data, local modules), paths relative to `directory`.
    ///   - directory: The destination folder.
    ///   - force: Replace a non-empty folder.
    /// - Throws: `output.exists`, `output.not-a-directory` or `output.io`.
    static func writeTree(_ files: [GeneratedFile], copies: [FileCopy] = [], to directory: String, force: Bool) throws(DiagnosticError) {
        let manager = FileManager.default
        let destination = URL(fileURLWithPath: directory).standardizedFileURL
        var isDirectory: ObjCBool = false
        let exists = manager.fileExists(atPath: destination.path, isDirectory: &isDirectory)
        if exists, !isDirectory.boolValue {
            throw DiagnosticError(.error("output.not-a-directory", "'\(directory)' exists and is not a directory"))
        }
        if exists, !force, let entries = try? manager.contentsOfDirectory(atPath: destination.path), !entries.isEmpty {
            throw DiagnosticError(.error("output.exists", "'\(directory)' is not empty", notes: ["pass --force to replace its contents"]))
        }
        let parent = destination.deletingLastPathComponent()
        let staging = parent.appendingPathComponent(".\(destination.lastPathComponent).nbship-\(getpid())-\(UUID().uuidString.prefix(8))")
        do {
            try manager.createDirectory(at: parent, withIntermediateDirectories: true)
            try manager.createDirectory(at: staging, withIntermediateDirectories: false)
            for file in files {
                let target = staging.appendingPathComponent(file.path)
                try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.contents.utf8).write(to: target)
                try manager.setAttributes([.posixPermissions: file.executable ? 0o755 : 0o644], ofItemAtPath: target.path)
            }
            for copy in copies {
                let target = staging.appendingPathComponent(copy.path)
                try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try manager.copyItem(atPath: copy.source, toPath: target.path)
            }
            if exists {
                // Keep the folder itself (it may be the shell's working directory): move its
                // old entries aside, move the new ones in, then delete the old ones.
                let old = parent.appendingPathComponent(staging.lastPathComponent + ".old")
                try manager.createDirectory(at: old, withIntermediateDirectories: false)
                let oldEntries = try manager.contentsOfDirectory(atPath: destination.path)
                for entry in oldEntries {
                    try Self.move(destination.appendingPathComponent(entry), to: old.appendingPathComponent(entry))
                }
                do {
                    for entry in try manager.contentsOfDirectory(atPath: staging.path) {
                        try Self.move(staging.appendingPathComponent(entry), to: destination.appendingPathComponent(entry))
                    }
                } catch {
                    // Put the old contents back.
                    for entry in try manager.contentsOfDirectory(atPath: destination.path) where !oldEntries.contains(entry) {
                        try? manager.removeItem(at: destination.appendingPathComponent(entry))
                    }
                    for entry in oldEntries {
                        try? Self.move(old.appendingPathComponent(entry), to: destination.appendingPathComponent(entry))
                    }
                    try? manager.removeItem(at: old)
                    throw error
                }
                try? manager.removeItem(at: old)
                try? manager.removeItem(at: staging)
            } else {
                try Self.move(staging, to: destination)
            }
        } catch {
            try? manager.removeItem(at: staging)
            throw DiagnosticError(.error("output.io", "cannot write '\(directory)': \(Self.reason(error))"))
        }
    }

    private static func move(_ source: URL, to destination: URL) throws {
        guard rename(source.path, destination.path) == 0 else { throw CocoaError(.fileWriteUnknown) }
    }

    private static func reason(_ error: any Error) -> String {
        if error is CocoaError, errno != 0 {
            return String(cString: strerror(errno)).lowercased()
        }
        return error.localizedDescription.lowercased()
    }
}
