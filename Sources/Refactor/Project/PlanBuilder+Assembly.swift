import PythonSyntax

extension PlanBuilder {
    /// Turns the collected facts into the ``ProjectPlan``.
    func assemble() -> ProjectPlan {
        let names = functionNames()
        let artifacts = chooseArtifacts(names: names)
        let definitionHomes = placeDefinitions()
        var stageFunctions: [Stage: StageFunction] = [:]
        for stage in Self.functionStages {
            guard let function = stageFunction(stage, names: names, artifacts: artifacts) else { continue }
            stageFunctions[stage] = function
        }
        var modules: [ProjectModule] = []
        for name in ["common", "data", "model", "train", "inference"] {
            let stages = Self.functionStages.filter { Self.moduleName(of: $0) == name }
            let functionsHere = stages.compactMap { stageFunctions[$0] }
            let definitionsHere = definitions.filter { definitionHomes[$0.name] == name }
            if name == "common" && definitionsHere.isEmpty { continue }
            modules.append(ProjectModule(
                name: name, stages: stages,
                imports: moduleImports(name, stages: stages.filter { stageFunctions[$0] != nil }, definitions: definitionsHere, homes: definitionHomes),
                definitions: definitionsHere.map(movedDefinition),
                functions: functionsHere))
        }
        let allImports = pieces.filter { $0.destination == .imports }.flatMap(\.facts.imports)
        let roots = Set(allImports.map { String($0.module.split(separator: ".").first ?? "") })
        let packageName = PackageName.make(from: options.packageName ?? path, avoiding: roots)
        return ProjectPlan(
            notebook: path, packageName: packageName, distributionName: PackageName.distribution(of: packageName),
            config: ProjectConfig(dataDirectory: "data", dataDirectoryVariable: packageName.uppercased() + "_DATA_DIR",
                                  artifactsDirectory: "artifacts", entries: configEntries, dataFiles: dataFiles),
            modules: modules,
            trainMain: trainMain(stageFunctions, artifacts: artifacts),
            inferenceMain: inferenceMain(stageFunctions, artifacts: artifacts),
            artifacts: artifacts,
            exploration: explorationCells(names: names),
            requirements: plan.requirements)
    }

    /// Stage function names, avoiding every name the notebook binds (`train = pd.read_csv(…)`
    /// makes the function `train_stage`).
    private func functionNames() -> [Stage: String] {
        var names: [Stage: String] = [:]
        for stage in Self.functionStages {
            var name = Self.functionName(of: stage)
            while boundNames.contains(name) { name += "_stage" }
            names[stage] = name
        }
        return names
    }

    private func pieces(of stage: Stage) -> [Int] {
        pieces.indices.filter { pieces[$0].destination == .function(stage) }
    }

    /// The values train saves and inference loads: what `predict` reads from train (or from
    /// model when there is no train code); without an inference stage, the names train fits
    /// (`model.fit(…)`, `result = model.fit()`), which train then returns.
    private func chooseArtifacts(names: [Stage: String]) -> [ModelArtifact] {
        let producer: Stage = functions[.train] != nil ? .train : .model
        guard let producerName = names[producer] else { return [] }
        // Only model-like values are saved: what the producer fits, or what the model stage builds.
        let modelLike = Set(fittedNames(in: producer)).union(functions[.model]?.returns ?? [])
        var chosen = (functions[.inference]?.parameters ?? [:]).filter { $0.value == producer && modelLike.contains($0.key) }.map(\.key)
        if chosen.isEmpty && producer == .train {
            chosen = fittedNames(in: .train)
            functions[.train, default: FunctionState()].returns.formUnion(chosen)
        }
        let usesJoblib = pieces.contains { piece in
            piece.destination == .imports && piece.facts.imports.contains { fact in
                ["sklearn", "joblib", "xgboost", "lightgbm", "catboost", "imblearn", "statsmodels"].contains(String(fact.module.split(separator: ".").first ?? ""))
            }
        }
        let format: ModelArtifact.Format = usesJoblib ? .joblib : .pickle
        let ordered = chosen.sorted { ($0 == "model" ? 0 : 1, $0) < ($1 == "model" ? 0 : 1, $1) }
        return ordered.map { name in
            let readers = Self.functionStages.filter { functions[$0]?.parameters[name] == producer }.compactMap { names[$0] }
            return ModelArtifact(name: name, producedBy: producerName, readBy: readers,
                                 path: "artifacts/\(name).\(format == .joblib ? "joblib" : "pkl")", format: format)
        }
    }

    /// Receivers of `.fit(…)` calls and targets of `x = ….fit(…)` in a stage.
    private func fittedNames(in stage: Stage) -> [String] {
        var names: Set<String> = []
        let fitMethods: Set<String> = ["fit", "partial_fit", "fit_generator"]
        for index in pieces(of: stage) {
            let piece = pieces[index]
            for call in piece.facts.calls {
                let parts = call.split(separator: ".").map(String.init)
                if parts.count == 2, fitMethods.contains(parts[1]), piece.facts.mutates.contains(parts[0]) { names.insert(parts[0]) }
            }
            if case .assign(let targets, let value) = piece.statement.kind, targets.count == 1, case .name(let target, _) = targets[0].kind,
               case .call(let function, _, _) = value.kind, case .attribute(_, let method, _) = function.kind, fitMethods.contains(method) {
                names.insert(target)
            }
        }
        return names.sorted()
    }

    /// Where each definition goes: the one module whose code uses it, `common` when several
    /// do, `model` when none does (only exploration, or nothing).
    private func placeDefinitions() -> [String: String] {
        var users: [String: Set<String>] = [:]
        for (stage, state) in functions where state.cells.count > 0 || !state.definitions.isEmpty {
            for definition in state.definitions { users[definition, default: []].insert(Self.moduleName(of: stage)) }
        }
        func home(_ name: String) -> String {
            let modules = users[name] ?? []
            if modules.count == 1, let only = modules.first { return only }
            return modules.isEmpty ? "model" : "common"
        }
        var changed = true
        var rounds = 0
        while changed && rounds <= definitions.count + 1 {
            changed = false
            rounds += 1
            for definition in definitions {
                let place = home(definition.name)
                for used in definition.definitions where used != definition.name {
                    if users[used, default: []].insert(place).inserted { changed = true }
                }
            }
        }
        return Dictionary(definitions.map { ($0.name, home($0.name)) }, uniquingKeysWith: { first, _ in first })
    }

    private func movedDefinition(_ state: DefinitionState) -> MovedDefinition {
        let piece = pieces[state.piece]
        let source = sources[piece.source]
        let kind: MovedDefinition.Kind
        switch piece.statement.kind {
        case .functionDef: kind = .function
        case .classDef: kind = .class
        default: kind = .global
        }
        return MovedDefinition(name: state.name, kind: kind, cell: piece.cell, source: source.text(piece.span, edits: edits[piece.source] ?? []),
                               configNames: state.configNames.sorted(), stageGlobals: state.stageGlobals.sorted())
    }

    private func moduleImports(_ module: String, stages: [Stage], definitions here: [DefinitionState], homes: [String: String]) -> [String] {
        var external: Set<String> = []
        var config: Set<String> = []
        var packageImports: [String: Set<String>] = [:]
        var star = false
        let functionStates = stages.compactMap { functions[$0] }
        for state in functionStates {
            external.formUnion(state.imports)
            config.formUnion(state.configNames)
            star = star || state.usesStarImports
            for definition in state.definitions where homes[definition] != module {
                packageImports[homes[definition] ?? "model", default: []].insert(definition)
            }
        }
        for state in here {
            external.formUnion(state.imports)
            config.formUnion(state.configNames)
            star = star || state.usesStarImports
            for definition in state.definitions where homes[definition] != module {
                packageImports[homes[definition] ?? "model", default: []].insert(definition)
            }
        }
        var lines = ImportLine.sorted(external)
        if star { lines += starImports }
        if !config.isEmpty { lines.append("from .config import " + config.sorted().joined(separator: ", ")) }
        for other in packageImports.keys.sorted() {
            lines.append("from .\(other) import " + (packageImports[other] ?? []).sorted().joined(separator: ", "))
        }
        return lines
    }

    private func stageFunction(_ stage: Stage, names: [Stage: String], artifacts: [ModelArtifact]) -> StageFunction? {
        guard let state = functions[stage], let name = names[stage] else { return nil }
        let indices = pieces(of: stage)
        guard !indices.isEmpty || !state.returns.isEmpty else { return nil }
        var returnsValue = false
        if stage == .inference, state.returns.isEmpty, let last = indices.last, case .expression(let value) = pieces[last].statement.kind,
           !Self.isPrint(value) {
            let offset = pieces[last].statement.range.start.offset
            edits[pieces[last].source, default: []].append(CellSource.Edit(range: offset..<offset, replacement: "return "))
            returnsValue = true
        }
        // Otherwise predict returns the last value inference assigns (`preds = model.predict(new)`).
        var resultName: String?
        if stage == .inference, state.returns.isEmpty, !returnsValue {
            resultName = indices.reversed().lazy.compactMap { index -> String? in
                guard case .assign(let targets, _) = self.pieces[index].statement.kind, targets.count == 1,
                      case .name(let name, _) = targets[0].kind else { return nil }
                return name
            }.first
            returnsValue = resultName != nil
        }
        var body = indices.map { index in
            let piece = pieces[index]
            return sources[piece.source].indented(piece.span, edits: edits[piece.source] ?? [])
        }.joined(separator: "\n")
        if body.isEmpty { body = "    pass" }
        body += "\n"
        let artifactNames = Set(artifacts.map(\.name))
        let parameters = state.parameters.keys.sorted().map { parameter in
            let source = state.parameters[parameter] ?? .data
            let fromArtifact = stage == .inference && artifactNames.contains(parameter) && (source == .train || source == .model)
            return FunctionParameter(name: parameter, providedBy: names[source] ?? Self.functionName(of: source), fromArtifact: fromArtifact)
        }
        let returns = state.returns.sorted()
        let arguments = parameters.map(\.name).joined(separator: ", ")
        let call: String
        switch returns.count {
        case 0: call = returnsValue ? "result = \(name)(\(arguments))" : "\(name)(\(arguments))"
        default: call = returns.joined(separator: ", ") + " = \(name)(\(arguments))"
        }
        return StageFunction(
            name: name, stage: stage, module: Self.moduleName(of: stage), parameters: parameters, returns: returns,
            configNames: state.configNames.sorted(), cells: state.cells,
            signature: "def \(name)(\(arguments)):", body: body,
            returnStatement: returns.isEmpty ? resultName.map { "    return " + $0 } : "    return " + returns.joined(separator: ", "),
            call: call, returnsValue: returnsValue)
    }

    private static func isPrint(_ expression: Expression) -> Bool {
        guard case .call(let function, _, _) = expression.kind, case .name(let name, _) = function.kind else { return false }
        return name == "print"
    }

    private static func saveLines(_ artifact: ModelArtifact) -> [String] {
        let file = String(artifact.path.split(separator: "/").last ?? "")
        switch artifact.format {
        case .joblib:
            return ["joblib.dump(\(artifact.name), ARTIFACTS_DIR / \(PythonStringLiteral.literal(file)))"]
        case .pickle:
            return ["with open(ARTIFACTS_DIR / \(PythonStringLiteral.literal(file)), \"wb\") as handle:",
                    "    pickle.dump(\(artifact.name), handle)"]
        }
    }

    private func trainMain(_ functions: [Stage: StageFunction], artifacts: [ModelArtifact]) -> PipelineRun {
        let stages: [Stage] = [.data, .model, .train, .evaluate]
        var imports: Set<String> = []
        var lines: [String] = []
        for stage in stages {
            guard let function = functions[stage] else { continue }
            if function.module != "train" { imports.insert("from .\(function.module) import \(function.name)") }
            lines.append(function.call)
        }
        if !artifacts.isEmpty {
            imports.insert("from .config import ARTIFACTS_DIR")
            imports.insert(artifacts[0].format == .joblib ? "import joblib" : "import pickle")
            lines.append("ARTIFACTS_DIR.mkdir(parents=True, exist_ok=True)")
            lines += artifacts.flatMap(Self.saveLines)
        }
        return PipelineRun(imports: ImportLine.sorted(imports), lines: lines)
    }

    /// Loads the artifacts, recomputes the other inputs of `predict` (only the stages they
    /// need), calls it and prints the result.
    private func inferenceMain(_ functions: [Stage: StageFunction], artifacts: [ModelArtifact]) -> PipelineRun {
        var imports: Set<String> = []
        var lines: [String] = []
        if !artifacts.isEmpty { imports.insert("from .config import ARTIFACTS_DIR") }
        for artifact in artifacts {
            lines.append("\(artifact.name) = load_model(ARTIFACTS_DIR / \(PythonStringLiteral.literal(String(artifact.path.split(separator: "/").last ?? ""))))")
        }
        guard let predict = functions[.inference] else { return PipelineRun(imports: ImportLine.sorted(imports), lines: lines) }
        var needed: Set<Stage> = []
        var work = predict.parameters.filter { !$0.fromArtifact }.map(\.name)
        var readers: [String: Stage] = [:]
        for (stage, function) in functions { readers[function.name] = stage }
        var visited: Set<String> = []
        var pending = [predict]
        _ = work
        work = []
        while let function = pending.popLast() {
            for parameter in function.parameters where !parameter.fromArtifact {
                guard let stage = readers[parameter.providedBy], stage != .inference, visited.insert(parameter.providedBy).inserted,
                      let provider = functions[stage] else { continue }
                needed.insert(stage)
                pending.append(provider)
            }
        }
        for stage in Self.functionStages where needed.contains(stage) {
            guard let function = functions[stage] else { continue }
            imports.insert("from .\(function.module) import \(function.name)")
            lines.append(function.call)
        }
        lines.append(predict.call)
        if predict.returnsValue { lines.append("print(result)") }
        return PipelineRun(imports: ImportLine.sorted(imports), lines: lines)
    }

    private func explorationCells(names: [Stage: String]) -> [ExplorationCell] {
        explorationSources.keys.sorted().map { cell in
            let inputs = (explorationInputs[cell] ?? [:]).keys.sorted().map { name in
                let stage = explorationInputs[cell]?[name] ?? .data
                return FunctionParameter(name: name, providedBy: names[stage] ?? Self.functionName(of: stage))
            }
            return ExplorationCell(cell: cell, source: (explorationSources[cell] ?? []).joined(separator: "\n"), inputs: inputs)
        }
    }
}
