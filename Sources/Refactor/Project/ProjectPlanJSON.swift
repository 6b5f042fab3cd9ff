import Diagnostics
import Foundation

/// The stable JSON dump of a ``ProjectPlan`` and its diagnostics: keys sorted and in
/// snake case, byte-identical for the same notebook (used by golden tests and `--dry-run`).
public enum ProjectPlanJSON {
    /// Encodes a plan.
    /// - Parameters:
    ///   - plan: The project plan.
    ///   - diagnostics: The planner's diagnostics.
    /// - Returns: Pretty-printed JSON ending in a newline.
    /// - Throws: An `EncodingError` only if a value cannot be encoded (never for a valid plan).
    public static func encode(_ plan: ProjectPlan, diagnostics: [Diagnostic] = []) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        let data = try encoder.encode(Document(plan: plan, diagnostics: diagnostics))
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    private struct Document: Encodable {
        var plan: ProjectPlan
        var diagnostics: [Diagnostic]
    }
}
