import Course
import Notebook
import PythonSyntax
import Refactor

/// `notebooks/explore.ipynb`: the notebook's exploration cells (plots, tables, displays),
/// after a first cell that imports what they use and computes what they read by calling the
/// package's stage functions.
struct ExploreNotebook {
    var plan: ProjectPlan
    var notebook: NotebookPlan
    var imports: ImportBlock

    /// The notebook as nbformat 4.5 JSON, laid out the way Jupyter writes it.
    func json() -> String {
        var cells: [JSONValue] = [markdown(
            "# Exploring \(plan.notebook.split(separator: "/").last ?? "the notebook")\n\n"
                + "The exploration cells of the original notebook, kept out of the `\(plan.packageName)` package. "
                + "The first cell imports what they use and computes what they read by calling the package's stage functions.",
            index: 0)]
        cells.append(code(setupSource(), index: 1))
        for (offset, cell) in plan.exploration.enumerated() {
            let source = Self.withoutImports(cell.source)
            if source.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { continue }
            cells.append(code(source, index: offset + 2))
        }
        let document = JSONValue.object([
            JSONMember(key: "cells", value: .array(cells)),
            JSONMember(key: "metadata", value: .object([
                JSONMember(key: "kernelspec", value: .object([
                    JSONMember(key: "display_name", value: .string("Python 3")),
                    JSONMember(key: "language", value: .string("python")),
                    JSONMember(key: "name", value: .string("python3")),
                ])),
                JSONMember(key: "language_info", value: .object([JSONMember(key: "name", value: .string("python"))])),
            ])),
            JSONMember(key: "nbformat", value: .number("4")),
            JSONMember(key: "nbformat_minor", value: .number("5")),
        ])
        return JupyterJSON.serialize(document)
    }

    /// Imports of the original notebook, the package names the exploration uses, and the
    /// stage-function calls up to the last one providing a value it reads.
    ///
    /// An import is written only for a name that the lines after it (the setup's calls, then
    /// the exploration cells) read before they bind it: a name the exploration defines itself
    /// (`def plot(...)` in a cell), one a setup call assigns, or one nothing reads is left out,
    /// so the notebook is clean of F811 and F401. When several imports bind one name, the last
    /// one listed wins: the package's definitions over the notebook's imports.
    func setupSource() -> String {
        let stripped = plan.exploration.map { Self.withoutImports($0.source) }
        let needed = Set(plan.exploration.flatMap(\.inputs).map(\.providedBy))
        // In the order train's main() calls them (modules list them by module, not by run).
        let functions = plan.trainMain.lines.compactMap { line in plan.functions.first { $0.call == line } }
        var calls: [StageFunction] = []
        if let last = functions.lastIndex(where: { needed.contains($0.name) }) {
            calls = Array(functions[...last])
        }
        // Values only inference computes come from its main(): the saved model loaded, then
        // its calls up to the last one providing such a value.
        let missing = needed.subtracting(calls.map(\.name))
        let callLines = Set(calls.map(\.call))
        let callNames = Set(calls.map(\.name))
        let inferenceLines = Self.inferenceLines(plan: plan, providing: missing).filter { !callLines.contains($0) }
        let called = plan.functions.filter { function in inferenceLines.contains { GeneratedLines.mentions($0, function.name) } }
        let setupLines = calls.map(\.call) + inferenceLines

        var candidates: [String] = []
        for cell in notebook.analysis.cells {
            candidates += (cell.facts?.imports ?? []).map(ImportLine.text)
        }
        let configNames = ["DATA_DIR", "ARTIFACTS_DIR"] + plan.config.entries.map(\.name)
        candidates += configNames.map { "from \(plan.packageName).config import \($0)" }
        for module in plan.modules {
            candidates += module.definitions.map { "from \(plan.packageName).\(module.name) import \($0.name)" }
        }
        candidates += calls.map { "from \(plan.packageName).\($0.module) import \($0.name)" }
        if !inferenceLines.isEmpty {
            candidates += plan.inferenceMain.imports.filter { $0.hasPrefix("from .config ") }
                .flatMap(Self.splitImport).map { "from \(plan.packageName)." + $0.dropFirst("from .".count) }
        }
        candidates += called.filter { !callNames.contains($0.name) }.map { "from \(plan.packageName).\($0.module) import \($0.name)" }
        if inferenceLines.contains(where: { $0.contains("load_model(") }) { candidates.append("from \(plan.packageName).inference import load_model") }
        let uses = NameFirstUse(cells: [setupLines.joined(separator: "\n")] + stripped)
        let importLines = Self.lastPerName(candidates).filter { line in
            // A star import binds names nobody can list: it is kept.
            Self.boundName(line).map(uses.isReadFirst) ?? true
        }

        var lines = imports.format(importLines)
        if !setupLines.isEmpty, !lines.isEmpty { lines.append("") }
        lines += calls.map(\.call)
        if !inferenceLines.isEmpty {
            lines.append("# the saved model: run `python -m \(plan.packageName).train` first")
            lines += inferenceLines
        }
        let stillMissing = missing.subtracting(called.map(\.name)).sorted()
        for name in stillMissing {
            lines.append("# values from \(name)() need a trained model: run `python -m \(plan.packageName).train` first")
        }
        return lines.joined(separator: "\n")
    }

    /// `from m import a, b as c` → `from m import a`, `from m import b as c` (one name a line).
    static func splitImport(_ line: String) -> [String] {
        let parts = line.components(separatedBy: " import ")
        guard parts.count == 2, line.hasPrefix("from ") else { return [line] }
        return parts[1].split(separator: ",").map { "\(parts[0]) import " + $0.trimmingCharacters(in: .whitespaces) }
    }

    /// The name a one-name import line binds (`import a.b` binds `a`), `nil` for a star import.
    static func boundName(_ line: String) -> String? {
        if let alias = line.components(separatedBy: " as ").dropFirst().last {
            return alias.trimmingCharacters(in: .whitespaces)
        }
        if line.hasPrefix("from "), let name = line.components(separatedBy: " import ").last {
            let name = name.trimmingCharacters(in: .whitespaces)
            return name == "*" ? nil : name
        }
        let module = line.dropFirst("import ".count).trimmingCharacters(in: .whitespaces)
        return module.split(separator: ".").first.map(String.init)
    }

    /// The lines in order, each name's last import only (star imports all kept).
    static func lastPerName(_ lines: [String]) -> [String] {
        var last: [String: Int] = [:]
        for (index, line) in lines.enumerated() {
            if let name = boundName(line) { last[name] = index }
        }
        return lines.enumerated().filter { index, line in boundName(line).map { last[$0] == index } ?? true }.map(\.element)
    }

    /// Inference main()'s lines up to the last call of a function in `providing` (none when
    /// it calls none of them).
    static func inferenceLines(plan: ProjectPlan, providing names: Set<String>) -> [String] {
        guard !names.isEmpty else { return [] }
        let lines = plan.inferenceMain.lines
        guard let last = lines.lastIndex(where: { line in names.contains { GeneratedLines.mentions(line, $0) } }) else { return [] }
        return Array(lines[...last])
    }

    /// A cell's source without its single-line top-level imports (the first cell imports
    /// everything the exploration uses, laid out once), and without the blank lines those
    /// leave at the top.
    static func withoutImports(_ source: String) -> String {
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        let kept = lines.filter { line in
            let isImport = (line.hasPrefix("import ") || line.hasPrefix("from ")) && line.contains("import ")
            return !(isImport && !line.contains("(") && !line.hasSuffix("\\") && !line.contains(";"))
        }
        guard kept.count != lines.count else { return source }
        return kept.drop { $0.trimmingCharacters(in: .whitespaces).isEmpty }.joined(separator: "\n")
    }

    private func markdown(_ text: String, index: Int) -> JSONValue {
        .object([
            JSONMember(key: "cell_type", value: .string("markdown")),
            JSONMember(key: "id", value: .string("explore-\(index)")),
            JSONMember(key: "metadata", value: .object([])),
            JSONMember(key: "source", value: Self.sourceLines(text)),
        ])
    }

    private func code(_ text: String, index: Int) -> JSONValue {
        .object([
            JSONMember(key: "cell_type", value: .string("code")),
            JSONMember(key: "execution_count", value: .null),
            JSONMember(key: "id", value: .string("explore-\(index)")),
            JSONMember(key: "metadata", value: .object([])),
            JSONMember(key: "outputs", value: .array([])),
            JSONMember(key: "source", value: Self.sourceLines(text)),
        ])
    }

    /// A cell source the way nbformat stores it: lines, each but the last ending in `\n`.
    static func sourceLines(_ text: String) -> JSONValue {
        var lines: [JSONValue] = []
        var current = ""
        for character in text {
            current.append(character)
            if character == "\n" {
                lines.append(.string(current))
                current = ""
            }
        }
        if !current.isEmpty { lines.append(.string(current)) }
        return .array(lines)
    }
}
