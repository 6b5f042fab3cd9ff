import Foundation
import Refactor
import Requirements
import Verify

/// The names a `convert` template renders from (see `templates/README.md`): everything about
/// the converted notebook, resolved to strings, booleans, lists and dictionaries so the
/// templates stay free of logic.
struct ProjectViewModel {
    var plan: ProjectPlan
    var requirements: ProjectRequirements
    var notebookName: String
    var notebookSHA256: String
    var baseImage: String
    var locked: Bool
    var copies: [FileCopy]
    var imports: ImportBlock
    var results: NotebookResults
    var nbshipVersion: String

    /// The view model.
    func build() -> [String: Any] {
        let artifact = plan.artifacts.first
        let hasTrainMain = !plan.trainMain.lines.isEmpty
        let hasModel = hasTrainMain && artifact != nil
        let modelFile = artifact.map { String($0.path.split(separator: "/").last ?? "") } ?? ""
        var model: [String: Any] = [
            "package": plan.packageName,
            "project": plan.distributionName,
            "description": "\(plan.distributionName): \(notebookName) as a tested, deployable package",
            "notebook": notebookName,
            "notebook_sha256": notebookSHA256,
            "requires_python": ">=\(requirements.pythonVersion)",
            "python_version": requirements.pythonVersion.description,
            "base_image": baseImage,
            "locked": locked,
            "requirements_file": locked ? "requirements.lock" : "requirements.txt",
            "requirements_txt": requirements.requirementsTxt,
            "runtime": requirements.runtime.map(\.line),
            "explore": requirements.explore.map(\.line),
            "dev": requirements.dev.map(\.line),
            "config": configView(),
            "data_directory": plan.config.dataDirectory,
            "data_directory_variable": plan.config.dataDirectoryVariable,
            "artifacts_directory": plan.config.artifactsDirectory,
            "artifacts_directory_variable": plan.config.artifactsDirectoryVariable,
            "common_file": plan.module(named: "common") == nil ? "" : "common.py",
            "has_common": plan.module(named: "common") != nil,
            "has_train_main": hasTrainMain,
            "has_inference_main": !plan.inferenceMain.lines.isEmpty,
            "has_model": hasModel,
            "model_file": modelFile,
            "artifacts": hasTrainMain ? plan.artifacts.map { ["file": String($0.path.split(separator: "/").last ?? "")] } : [],
            "has_pandas": hasModel && requirements.runtimeNeeds("pandas"),
            "union_syntax": requirements.pythonVersion >= PythonVersion(3, 10),
            "module_rows": moduleRows(),
            "deploy_name": Self.deployName(plan.distributionName),
            "ruff_pin": ToolingPins.ruff,
            "nbship_version": nbshipVersion,
        ]
        for name in ["common", "data", "model", "train", "inference"] {
            model[name] = moduleView(name)
        }
        let dataFiles = plan.config.dataFiles.filter(\.exists)
        model["has_data_files"] = !dataFiles.isEmpty
        model["data_files"] = dataFiles.map { file -> [String: Any] in
            let copied = copies.contains { $0.path == plan.config.dataDirectory + "/" + file.projectPath }
            return [
                "config_name": file.configName,
                "project_path": file.projectPath,
                "status": copied ? "copied from \(file.resolvedPath), \(Self.size(file.size ?? 0))"
                    : "not copied: \(Self.size(file.size ?? 0)) is over the copy limit; put it here or set \(plan.config.dataDirectoryVariable)",
            ]
        }
        let dataFunctions = functionTests(module: "data")
        model["data_functions"] = dataFunctions
        model["has_data_functions"] = !dataFunctions.isEmpty
        model["model_functions"] = functionTests(module: "model")
        let definitions = plan.module(named: "model")?.definitions.filter { $0.kind != .global }.map(\.name) ?? []
        model["model_definitions"] = definitions
        model["has_model_definitions"] = !definitions.isEmpty
        let csvFiles = copies.filter { $0.path.lowercased().hasSuffix(".csv") }.map(\.source)
        // Serving applies the notebook's feature code when raw records of a copied CSV can be sent.
        let preparation = hasModel && requirements.runtimeNeeds("pandas") ? plan.featurePreparation.flatMap { preparation in
            copiedCSV(preparation) == nil ? nil : preparation
        } : nil
        model["has_preparation"] = preparation != nil
        model["preparation_target"] = preparation?.targetColumn ?? ""
        // The data file is read once for the schema, the target's placeholder and the categories.
        let sample = preparation.flatMap(copiedCSV).flatMap { CSVSample(path: $0.source) }
        model["preparation_placeholder"] = preparation.flatMap { targetPlaceholder($0, sample: sample) } ?? "None"
        // `pd.get_dummies` of a few rows makes only their categories' columns: serving gives the
        // text columns the data's categories first.
        let categories = preparation.flatMap { preparation -> [String: [String]]? in
            guard preparation.body.contains("get_dummies("), let sample else { return nil }
            return sample.categories().filter { $0.key != preparation.targetColumn }
        } ?? [:]
        model["has_categories"] = !categories.isEmpty
        model["categories"] = categories.keys.sorted().map { column in
            ["column": PythonStringLiteral.literal(column), "values": (categories[column] ?? []).map(PythonStringLiteral.literal).joined(separator: ", ")]
        }
        model["preparation_data_file"] = preparation?.dataFile ?? ""
        model["preparation_artifacts"] = (preparation?.artifacts ?? []).compactMap { name in
            plan.artifacts.first { $0.name == name }.map { ["file": String($0.path.split(separator: "/").last ?? "")] }
        }
        // With a preparation, a request row is a raw record of the data file; else the model's features.
        let schema = preparation.map { _ in rawSchema(sample) } ?? (hasModel && requirements.runtimeNeeds("pandas") ? FeatureSchema.find(in: plan, csvFiles: csvFiles) : nil)
        model["has_features"] = schema != nil
        model["has_aliases"] = schema?.features.contains { $0.column != $0.field } ?? false
        model["features"] = (schema?.features ?? []).map { feature -> [String: Any] in
            ["column": feature.column, "field": feature.field, "type": feature.type, "has_alias": feature.column != feature.field,
             "optional": feature.column == preparation?.targetColumn]
        }
        // The OpenAPI example: the first records of the data file the request's columns come from.
        let exampleSample = schema.flatMap { schema in preparation == nil ? ExampleRows.sample(for: schema, in: csvFiles) : sample }
        let example = schema.flatMap { schema in
            exampleSample.map { ExampleRows.literals(schema: schema, sample: $0, leaving: preparation?.targetColumn) }
        } ?? []
        model["has_example"] = !example.isEmpty
        model["example_rows"] = example
        model["model_input"] = false
        if hasModel, let input = plan.modelInput {
            model["model_input"] = [
                "name": input.name,
                // Written inside the sample_input fixture, four columns in.
                "imports": imports.format(input.run.imports.map(absolute), indent: 4),
                "lines": GeneratedLines.markingUnread(input.run.lines, alsoReadBy: input.name),
            ] as [String: Any]
        }
        model.merge(resultsView()) { _, results in results }
        return model
    }

    /// The columns of the data file the preparation reads, less the target, typed from the
    /// file and nullable (a raw record may miss values the notebook's code fills in); `nil`
    /// when the file is not a readable CSV that was copied.
    private func rawSchema(_ sample: CSVSample?) -> FeatureSchema? {
        // A file that cannot be sampled (quoted fields) or names no column gets free-form records.
        guard let sample, !sample.header.isEmpty, !sample.header.contains(where: \.isEmpty) else { return nil }
        let header = sample.header
        let types = sample.types
        let optional = { (type: String) in
            requirements.pythonVersion >= PythonVersion(3, 10) ? "\(type) | None" : "Optional[\(type)]"
        }
        var seen: Set<String> = []
        // The target stays in its place (positional feature code sees every column), optional.
        let features = header.map { column in
            FeatureSchema.Feature(column: column, field: FeatureSchema.uniqueField(for: column, seen: &seen), type: optional(types[column] ?? "str"))
        }
        return features.isEmpty ? nil : FeatureSchema(features: features)
    }

    /// The target column's value in the data file's first record, as a Python literal: what
    /// serving puts in the column a client does not send.
    private func targetPlaceholder(_ preparation: FeaturePreparation, sample: CSVSample?) -> String? {
        guard let target = preparation.targetColumn, let sample, let index = sample.header.firstIndex(of: target),
              let row = sample.firstRow, index < row.count else { return nil }
        let value = row[index].trimmingCharacters(in: .whitespaces)
        if sample.types[target] == "float" {
            return Double(value) == nil ? "float(\"nan\")" : value
        }
        return PythonStringLiteral.literal(value)
    }


    /// The copy of the CSV file the preparation's raw frame is read from.
    private func copiedCSV(_ preparation: FeaturePreparation) -> FileCopy? {
        guard let name = preparation.dataFile, let file = plan.config.dataFiles.first(where: { $0.configName == name }) else { return nil }
        return copies.first { $0.path == plan.config.dataDirectory + "/" + file.projectPath && $0.path.lowercased().hasSuffix(".csv") }
    }

    private func configView() -> [String: Any] {
        [
            "data_directory": plan.config.dataDirectory,
            "data_directory_variable": plan.config.dataDirectoryVariable,
            "artifacts_directory": plan.config.artifactsDirectory,
            "artifacts_directory_variable": plan.config.artifactsDirectoryVariable,
            "lines": plan.config.entries.map(\.line),
        ]
    }

    private func moduleView(_ name: String) -> [String: Any] {
        guard let text = plan.moduleText(named: name) else { return [:] }
        let formatted = imports.format(text.imports)
        // isort (ruff I001) wants one blank line after the imports unless a def or class
        // follows, then two; blocks are otherwise two blank lines apart.
        let blocks = text.blocks.enumerated().map { index, block -> [String: Any] in
            let narrow = index == 0 && !formatted.isEmpty && !Self.startsWithDefinition(block)
            return ["text": block, "wide": !narrow]
        }
        return ["docstring": text.docstring, "imports": formatted, "blocks": blocks]
    }

    /// `from .data import load_data` → `from churn.data import load_data` (tests import the
    /// package from outside).
    private func absolute(_ line: String) -> String {
        line.hasPrefix("from .") ? "from \(plan.packageName)." + line.dropFirst("from .".count) : line
    }

    /// Functions of a module that take no parameters, with how a test calls them.
    private func functionTests(module: String) -> [[String: Any]] {
        (plan.module(named: module)?.functions ?? []).filter(\.parameters.isEmpty).map { function in
            let returns = function.returns
            let call = returns.isEmpty ? "\(function.name)()" : returns.joined(separator: ", ") + " = \(function.name)()"
            return ["name": function.name, "call": call, "has_returns": !returns.isEmpty, "returns": returns.joined(separator: ", ")]
        }
    }

    private func moduleRows() -> [[String: String]] {
        var rows: [[String: String]] = [["path": "src/\(plan.packageName)/config.py", "summary": "paths and constants lifted from the notebook"]]
        for module in plan.modules {
            let names = module.functions.map { "`\($0.name)()`" } + module.definitions.filter { $0.kind != .global }.map { "`\($0.name)`" }
            let cells = Set(module.functions.flatMap(\.cells) + module.definitions.map(\.cell)).sorted()
            let summary = module.isEmpty
                ? "empty: the notebook has no \(module.name) code"
                : names.joined(separator: ", ") + " (cells " + cells.map { String($0 + 1) }.joined(separator: ", ") + ")"
            rows.append(["path": "src/\(plan.packageName)/\(module.name).py", "summary": summary])
        }
        rows.append(["path": "src/\(plan.packageName)/serve.py", "summary": "the FastAPI app: GET /health, /ready, /metrics, POST /predict; `python -m \(plan.packageName).serve` runs it"])
        return rows
    }

    /// Whether a block's first statement (after comments) is a `def`, `class` or decorator.
    static func startsWithDefinition(_ block: String) -> Bool {
        let first = block.split(separator: "\n").first { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("#") } ?? ""
        return ["def ", "class ", "async def ", "@"].contains { first.hasPrefix($0) }
    }

    /// The Kubernetes name of the project's objects: the distribution name cut to 47 characters
    /// (so `-artifacts` keeps it a 63-character DNS label), starting with a letter, without a
    /// trailing `-`.
    static func deployName(_ distribution: String) -> String {
        var name = String(distribution.lowercased().map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "-" }.prefix(47))
        while name.hasSuffix("-") { name.removeLast() }
        if name.first?.isLetter != true { name = "app-" + name }
        return String(name.prefix(47))
    }

    static func size(_ bytes: Int) -> String {
        if bytes < 1024 { return "\(bytes) B" }
        if bytes < 1 << 20 { return "\((bytes + 512) / 1024) KiB" }
        return "\((bytes + (1 << 19)) >> 20) MiB"
    }
}
