extension ProjectPlan {
    /// A stage function as Python: signature, body and return statement.
    /// - Parameter function: One of the plan's functions.
    /// - Returns: The function's text, ending in a newline.
    public func pythonSource(of function: StageFunction) -> String {
        var text = function.signature + "\n" + function.body
        if let returnStatement = function.returnStatement { text += returnStatement + "\n" }
        return text
    }

    /// `config.py` as plain Python: `DATA_DIR` (overridable by the environment variable),
    /// `ARTIFACTS_DIR`, then the entries.
    /// - Returns: The module's text.
    public func configSource() -> String {
        var lines = [
            "\"\"\"Configuration lifted from \(notebook.split(separator: "/").last ?? "the notebook").\"\"\"",
            "import os",
            "from pathlib import Path",
            "",
            "PROJECT_ROOT = Path(__file__).resolve().parents[2]",
            "DATA_DIR = Path(os.environ.get(\"\(config.dataDirectoryVariable)\", PROJECT_ROOT / \"\(config.dataDirectory)\"))",
            "ARTIFACTS_DIR = Path(os.environ.get(\"\(config.artifactsDirectoryVariable)\", PROJECT_ROOT / \"\(config.artifactsDirectory)\"))",
            "",
        ]
        lines += config.entries.map(\.line)
        return lines.joined(separator: "\n") + "\n"
    }

    /// A module as plain Python, the reference rendering of the plan (the emitter's templates
    /// produce the same shape): imports, moved definitions, stage functions, and `main()`
    /// for `train` and `load_model`/`main()` for `inference` (whose imports are local to
    /// `main()`, see ``PipelineRun``).
    /// - Parameter name: The module name (`config`, `data`, `train`, …).
    /// - Returns: The module's text, or `nil` when the plan has no such module.
    public func pythonSource(ofModule name: String) -> String? {
        if name == "config" { return configSource() }
        return moduleText(named: name)?.rendered
    }

    /// A module (not `config`) split into docstring, imports and top-level blocks.
    /// - Parameter name: The module name (`data`, `train`, …).
    /// - Returns: The pieces, or `nil` when the plan has no such module.
    public func moduleText(named name: String) -> ModuleText? {
        guard let module = module(named: name) else { return nil }
        var imports = module.imports
        if name == "inference", let format = artifacts.first?.format {
            imports.append(format == .joblib ? "import joblib" : "import pickle")
            imports += featurePreparation?.imports ?? []
        }
        let external = ImportLine.sorted(imports.filter { !$0.hasPrefix("from .") })
        var seen: Set<String> = []
        let own = ImportLine.merged(imports.filter { $0.hasPrefix("from .") && seen.insert($0).inserted })
        let docstring = "\"\"\"The \(name) stage of \(notebook.split(separator: "/").last ?? "the notebook").\"\"\""
        var blocks = module.definitions.map(\.source)
        if name == "inference", let artifact = artifacts.first {
            switch artifact.format {
            case .joblib: blocks.append("def load_model(path):\n    return joblib.load(path)")
            case .pickle: blocks.append("def load_model(path):\n    with open(path, \"rb\") as handle:\n        return pickle.load(handle)")
            }
            // The generic entry point serving and tests call, unless the notebook defines its own.
            if !module.definitions.contains(where: { $0.name == "predict" }) {
                blocks.append("def predict(model, X):\n    \"\"\"Predict with a trained model.\"\"\"\n    return model.predict(X)")
            }
            if let preparation = featurePreparation {
                let source = preparation.dataFile.map { "\($0)'s" } ?? "the data's"
                let block = preparation.signature + "\n    \"\"\"Raw records (\(source) columns) → the model's input, by the notebook's own feature code.\"\"\"\n"
                    + preparation.body.dropLast(1)
                blocks.append(UnreadLocals.rename(block, keep: Set([preparation.rawName, preparation.inputName] + preparation.artifacts)))
            }
        }
        // Locals a function assigns but never reads become `_name` (linters accept those).
        blocks += module.functions.map { function in
            UnreadLocals.rename(pythonSource(of: function).dropLast(1).description, keep: Set(function.returns + function.parameterNames))
        }
        let run = name == "train" ? trainMain : name == "inference" ? inferenceMain : nil
        if let run, !run.lines.isEmpty {
            // isort's layout: the standard library (what main itself adds: json, pickle),
            // third-party imports, the package's own, a blank line between groups.
            let standard = run.imports.filter { ["import json", "import pickle"].contains($0) }
            let external = run.imports.filter { !$0.hasPrefix("from .") && !standard.contains($0) }
            let own = run.imports.filter { $0.hasPrefix("from .") }
            let groups = [standard, external, own].filter { !$0.isEmpty }
            let imports = groups.enumerated().flatMap { index, group in (index == 0 ? [] : [""]) + group }
                .flatMap { $0.isEmpty ? [""] : ImportLine.wrapped($0, indent: 4) }
            let body = imports + GeneratedLines.markingUnread(run.lines)
            blocks.append("def main():\n" + body.map { $0.isEmpty ? "" : "    " + $0 }.joined(separator: "\n"))
            blocks.append("if __name__ == \"__main__\":\n    main()")
        }
        if blocks.isEmpty {
            let file = notebook.split(separator: "/").last.map(String.init) ?? "the notebook"
            return ModuleText(docstring: "\"\"\"The \(name) stage of \(file): empty, because the notebook has no \(name) code.\"\"\"",
                              imports: [], blocks: [])
        }
        return ModuleText(docstring: docstring, imports: external + own, blocks: blocks)
    }
}
