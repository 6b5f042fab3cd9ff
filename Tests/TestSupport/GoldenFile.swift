import Foundation

/// A golden file: expected output kept in the repo and re-recorded only on purpose, by running
/// the tests with `NBSHIP_RECORD_GOLDEN` set.
public struct GoldenFile: Sendable, Equatable {
    /// Where the expected text lives.
    public var url: URL

    /// - Parameter url: the golden file's location.
    public init(_ url: URL) {
        self.url = url
    }

    /// - Parameter relative: the golden file's path below the package root.
    public init(relativeToRoot relative: String) {
        self.url = PackagePaths.root.appendingPathComponent(relative)
    }

    /// Whether this run re-records golden files (`NBSHIP_RECORD_GOLDEN` is set).
    /// - Parameter requiredValue: when given, the variable must equal it (e.g. `"1"`).
    /// - Returns: `true` when golden files should be written.
    public static func isRecording(requiredValue: String? = nil) -> Bool {
        guard let value = ProcessInfo.processInfo.environment["NBSHIP_RECORD_GOLDEN"] else { return false }
        return requiredValue.map { $0 == value } ?? true
    }

    /// Writes `actual` when recording, then reads the expected text back.
    ///
    /// Compare the answer with `actual` in the test itself (`#expect(actual == expected)`), so
    /// the failure points at the test.
    /// - Parameters:
    ///   - actual: what the code produced now.
    ///   - requiredValue: see `isRecording(requiredValue:)`.
    /// - Returns: the golden file's text.
    /// - Throws: when the file cannot be written (recording) or read.
    public func expected(for actual: String, requiredValue: String? = nil) throws -> String {
        if Self.isRecording(requiredValue: requiredValue) {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
        }
        return try String(contentsOf: url, encoding: .utf8)
    }
}
