import Foundation

/// The `{"errors": [{"code": …, "message": …}]}` body registries send with a failure.
enum RegistryErrorBody {
    /// The error codes and messages, joined, or a short note when the body has none.
    static func summary(_ body: [UInt8]) -> String {
        guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any],
              let errors = object["errors"] as? [[String: Any]], !errors.isEmpty else {
            return "no error details"
        }
        return errors.map { error in
            let code = error["code"] as? String ?? "UNKNOWN"
            let message = error["message"] as? String ?? ""
            return message.isEmpty ? code : "\(code): \(message)"
        }.joined(separator: "; ")
    }

    /// The error codes in the body.
    static func codes(_ body: [UInt8]) -> [String] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any],
              let errors = object["errors"] as? [[String: Any]] else { return [] }
        return errors.compactMap { $0["code"] as? String }
    }
}
