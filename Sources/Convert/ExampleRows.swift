import Foundation
import Refactor

/// The first records of the notebook's data as the serving API's request rows: Python dict
/// literals keyed by column name, typed as the request's fields are, for the OpenAPI example of
/// `POST /predict`.
enum ExampleRows {
    /// How many records the example holds.
    static let count = 3

    /// The example rows.
    /// - Parameters:
    ///   - schema: The request's typed fields.
    ///   - sample: A sample of a CSV file holding every field's column.
    ///   - leaving: A column the client does not send (the label).
    /// - Returns: One dict literal per record; empty when the sample lacks a field's column.
    static func literals(schema: FeatureSchema, sample: CSVSample, leaving target: String?) -> [String] {
        let features = schema.features.filter { $0.column != target }
        let indices = features.compactMap { sample.header.firstIndex(of: $0.column) }
        guard !features.isEmpty, indices.count == features.count else { return [] }
        return sample.records.prefix(count).map { line in
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let entries = zip(features, indices).map { feature, index in
                let raw = index < fields.count ? fields[index].trimmingCharacters(in: .whitespaces) : ""
                return PythonStringLiteral.literal(feature.column) + ": " + value(raw, type: feature.type)
            }
            return "{" + entries.joined(separator: ", ") + "}"
        }
    }

    /// The first sampled CSV whose header has every column of the schema.
    static func sample(for schema: FeatureSchema, in files: [String]) -> CSVSample? {
        for file in files {
            if let sample = CSVSample(path: file), schema.features.allSatisfy({ sample.header.contains($0.column) }) { return sample }
        }
        return nil
    }

    /// A field as a Python literal of its type: a number, a string, or `None` for an empty or
    /// not-a-number value of a nullable field.
    private static func value(_ raw: String, type: String) -> String {
        let nullable = type.hasSuffix("| None") || type.hasPrefix("Optional[") || type == "Any"
        if type.contains("float") || type == "Any" {
            if let number = number(raw) { return number }
            if type == "Any", !raw.isEmpty { return PythonStringLiteral.literal(raw) }
            return nullable ? "None" : "0.0"
        }
        return raw.isEmpty && nullable ? "None" : PythonStringLiteral.literal(raw)
    }

    /// A decimal number as Python writes it; `nil` for text, hexadecimal, NaN and infinities.
    private static func number(_ raw: String) -> String? {
        guard !raw.lowercased().contains("x"), let double = Double(raw), double.isFinite else { return nil }
        if double == double.rounded(), abs(double) < 1e15 { return String(Int64(double)) + ".0" }
        return String(double)
    }
}
