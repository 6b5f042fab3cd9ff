/// A Python feature version, `major.minor` (`3.11`).
public struct PythonVersion: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The major number (3).
    public var major: Int
    /// The minor number (11).
    public var minor: Int

    /// Creates a version.
    /// - Parameters:
    ///   - major: The major number.
    ///   - minor: The minor number.
    public init(_ major: Int, _ minor: Int) {
        self.major = major
        self.minor = minor
    }

    /// Parses `3.11` (a micro part, as in `3.11.7`, is accepted and dropped).
    /// - Parameter text: The version text.
    /// - Returns: `nil` unless the text starts with two dot-separated numbers.
    public init?(_ text: String) {
        let parts = text.trimmingSpaces().split(separator: ".")
        guard parts.count >= 2, parts.count <= 3, let major = Int(parts[0]), let minor = Int(parts[1]) else {
            return nil
        }
        if parts.count == 3, Int(parts[2]) == nil {
            return nil
        }
        self.init(major, minor)
    }

    /// The versions whose standard library nbship knows.
    public static let supported: [PythonVersion] = (8...13).map { PythonVersion(3, $0) }

    public var description: String { "\(major).\(minor)" }

    public static func < (lhs: PythonVersion, rhs: PythonVersion) -> Bool {
        (lhs.major, lhs.minor) < (rhs.major, rhs.minor)
    }
}
