import Foundation
import Refactor

/// The features the model is fitted on, when the notebook names them as literals, so the
/// serving API can declare a typed request (a pydantic model) instead of free-form rows.
///
/// Followed from the model input backwards through the stage functions: `X_train, … =
/// train_test_split(X, …)` leads to `X`; `X = df[features]` (or a tuple assignment
/// `X, y = df[features], df["y"]`) to a list of string literals, written inline or bound to
/// a name (`features = ["a", "b"]`). Anything else (`df.drop(...)`, computed lists) leaves
/// the features unknown. Types come from the copied CSV files: a column whose sampled values
/// all parse as numbers is `float`, any other column `str`; a column no CSV has (computed in
/// the notebook) is `Any`.
struct FeatureSchema: Equatable {
    /// One feature.
    struct Feature: Equatable {
        /// The column name as the data has it.
        var column: String
        /// A Python identifier for the pydantic field.
        var field: String
        /// `float`, `str` or `Any`.
        var type: String
    }

    var features: [Feature]

    /// Finds the features of a plan's model input.
    /// - Parameters:
    ///   - plan: The project plan.
    ///   - csvFiles: Copied CSV files (local paths) to read column types from.
    /// - Returns: The schema, or `nil` when the features are not literal.
    static func find(in plan: ProjectPlan, csvFiles: [String]) -> FeatureSchema? {
        guard let input = plan.modelInput else { return nil }
        let statements = plan.functions.flatMap { PythonStatements.split($0.body) }
        var name = input.name
        for _ in 0..<8 {
            guard let value = assignedValue(of: name, in: statements) else { return nil }
            if let first = splitCall(value, callee: "train_test_split") {
                name = first
                continue
            }
            guard let columns = columnList(value, statements: statements) else { return nil }
            let types = CSVColumnTypes.read(csvFiles)
            var seen: Set<String> = []
            let features = columns.map { column in
                Feature(column: column, field: uniqueField(for: column, seen: &seen), type: types[column] ?? "Any")
            }
            return features.isEmpty ? nil : FeatureSchema(features: features)
        }
        return nil
    }

    /// The right-hand side bound to `name` by its last assignment (tuple assignments split).
    private static func assignedValue(of name: String, in statements: [String]) -> String? {
        for statement in statements.reversed() {
            guard let equals = PythonStatements.assignmentSplit(statement) else { continue }
            let targets = PythonStatements.topLevelSplit(equals.targets)
            guard let index = targets.firstIndex(of: name) else { continue }
            if targets.count == 1 { return equals.value }
            let values = PythonStatements.topLevelSplit(equals.value)
            if values.count == targets.count { return values[index] }
            return equals.value
        }
        return nil
    }

    /// `train_test_split(X, y, …)` → `X`.
    private static func splitCall(_ value: String, callee: String) -> String? {
        guard value.hasPrefix(callee + "("), value.hasSuffix(")") else { return nil }
        let arguments = PythonStatements.topLevelSplit(String(value.dropFirst(callee.count + 1).dropLast()))
        guard let first = arguments.first, isIdentifier(first) else { return nil }
        return first
    }

    /// `df[["a", "b"]]` or `df[features]` with `features = ["a", "b"]` → the names.
    private static func columnList(_ value: String, statements: [String]) -> [String]? {
        guard value.hasSuffix("]"), let open = value.firstIndex(of: "["), isIdentifier(String(value[..<open])) else { return nil }
        let inner = String(value[value.index(after: open)..<value.index(before: value.endIndex)]).trimmingCharacters(in: .whitespaces)
        if isIdentifier(inner) {
            guard let bound = assignedValue(of: inner, in: statements) else { return nil }
            return stringList(bound)
        }
        return stringList(inner)
    }

    /// `["a", 'b']` → `["a", "b"]`; `nil` unless every element is a plain string literal.
    static func stringList(_ text: String) -> [String]? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("["), trimmed.hasSuffix("]") else { return nil }
        var result: [String] = []
        for element in PythonStatements.topLevelSplit(String(trimmed.dropFirst().dropLast())) {
            guard element.count >= 2, let quote = element.first, quote == "\"" || quote == "'", element.last == quote else { return nil }
            let body = element.dropFirst().dropLast()
            guard !body.contains("\\"), !body.contains(quote) else { return nil }
            result.append(String(body))
        }
        return result
    }

    static func uniqueField(for column: String, seen: inout Set<String>) -> String {
        var field = column.lowercased().map { $0.isLetter || $0.isNumber ? String($0) : "_" }.joined()
        while field.contains("__") { field = field.replacingOccurrences(of: "__", with: "_") }
        field = field.trimmingCharacters(in: CharacterSet(charactersIn: "_"))
        if field.isEmpty || field.first?.isNumber == true { field = "f_" + field }
        if PythonKeywords.all.contains(field) { field += "_" }
        var candidate = field
        var counter = 2
        while !seen.insert(candidate).inserted {
            candidate = "\(field)_\(counter)"
            counter += 1
        }
        return candidate
    }

    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.first, first == "_" || first.isLetter else { return false }
        return text.allSatisfy { $0 == "_" || $0.isLetter || $0.isNumber }
    }
}
