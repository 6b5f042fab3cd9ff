import Foundation

enum FileManagerSize {
    static func of(_ path: String) throws -> Int? {
        (try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue
    }
}
