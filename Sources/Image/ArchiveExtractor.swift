import Archive
import Foundation

/// Unpacks the regular files of an image tar (oci-archive or docker-archive) into a
/// directory, refusing any path that would land outside it.
public enum ArchiveExtractor {
    /// Extracts `archive` into `directory` (which must exist).
    /// - Parameters:
    ///   - archive: The tar file.
    ///   - directory: The destination.
    /// - Throws: `DiagnosticError` for unsafe paths; `ArchiveError` for damaged archives.
    public static func extract(_ archive: String, into directory: String) throws {
        let reader = try ArchiveReader(path: archive)
        defer { reader.close() }
        while let entry = try reader.next() {
            let components = entry.path.split(separator: "/").filter { $0 != "." }
            guard !entry.path.hasPrefix("/"), !components.contains(".."), !components.isEmpty else {
                throw ImageFailure.at(archive, "image.unsafe-path", "archive entry escapes the archive: \(entry.path)")
            }
            let relative = components.joined(separator: "/")
            let destination = directory + "/" + relative
            switch entry.kind {
            case .directory:
                try FileManager.default.createDirectory(atPath: destination, withIntermediateDirectories: true)
            case .file:
                let parent = (destination as NSString).deletingLastPathComponent
                try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
                guard FileManager.default.createFile(atPath: destination, contents: nil),
                      let output = FileHandle(forWritingAtPath: destination) else {
                    throw ImageFailure.at(destination, "image.unwritable-file", "cannot extract file")
                }
                defer { try? output.close() }
                try reader.readData { try output.write(contentsOf: Data($0)) }
            default:
                continue  // image archives hold only files and directories
            }
        }
    }
}
