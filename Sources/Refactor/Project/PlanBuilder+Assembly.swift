import PythonSyntax

extension PlanBuilder {
    /// Turns the collected facts into the ``ProjectPlan``.
    func assemble() -> ProjectPlan {
        let names = functionNames()
        var artifacts = chooseArtifacts(names: names)
        // The served model (the last fit whose version later code predicts with or saves) is the
        // artifact the project serves, whatever the names rank.
        if let served = slices?.servedModel, let segment = segmentOfPiece[served.statement],
           let at = artifacts.firstIndex(where: { $0.name == served.name && $0.producedBy == names[segment] }), at > 0 {
            artifacts.insert(artifacts.remove(at: at), at: 0)
        }
        var crossValidated: CrossValidatedModel?
        if artifacts.isEmpty, let found = findCrossValidatedModel() {
            crossValidated = found
            let format = artifactFormat()
            artifacts = [ModelArtifact(name: found.model, producedBy: found.providers[found.model].flatMap { names[$0] } ?? "", readBy: [],
                                       path: "artifacts/\(found.model).\(format == .joblib ? "joblib" : "pkl")", format: format)]
        }
        let fit = crossValidated.map { FitSite(artifact: $0.model, input: $0.input, provider: $0.providers[$0.input] ?? 0, piece: nil) }
            ?? findModelInput(artifacts: artifacts, names: names)
        if let fit, let first = artifacts.firstIndex(where: { $0.name == fit.artifact }) {
            // The artifact whose input is known is the model the project serves.
            artifacts.insert(artifacts.remove(at: first), at: 0)
        }
        let definitionHomes = placeDefinitions()
        var stageFunctions: [Int: StageFunction] = [:]
        for segment in functions.indices {
            stageFunctions[segment] = stageFunction(segment, names: names, artifacts: artifacts)
        }
        let modelInput = fit.map { fit in
            ModelInput(name: fit.input, providedBy: names[fit.provider] ?? "", run: run(computing: [fit.provider], stageFunctions))
        }
        let preparation = fit.flatMap { fit in
            fit.artifact == artifacts.first?.name ? featurePreparation(fit: fit, artifacts: artifacts, homes: definitionHomes) : nil
        }
        let formulaFunctions = artifacts.isEmpty ? [] : namesCalledInFormulas()
        var modules: [ProjectModule] = []
        for name in ["common", "data", "model", "train", "inference"] {
            let stages = Self.functionStages.filter { Self.moduleName(of: $0) == name }
            let segments = functions.indices.filter { Self.moduleName(of: functions[$0].stage) == name }
            let definitionsHere = definitions.filter { definitionHomes[$0.name] == name }
            if name == "common" && definitionsHere.isEmpty { continue }
            var moved = definitionsHere.map(movedDefinition)
            if name == "inference", let first = formulaFunctions.first {
                moved.append(formulaNamespace(formulaFunctions, cell: definitions.first { $0.name == first }.map { pieces[$0.piece].cell } ?? 0))
            }
            modules.append(ProjectModule(
                name: name, stages: stages,
                imports: moduleImports(name, segments: segments, definitions: definitionsHere, homes: definitionHomes,
                                       alsoUsing: name == "inference" ? formulaFunctions : []),
                definitions: moved,
                functions: segments.compactMap { stageFunctions[$0] }))
        }
        let allImports = pieces.filter { $0.destination == .imports }.flatMap(\.facts.imports)
        let roots = Set(allImports.map { String($0.module.split(separator: ".").first ?? "") })
        let packageName = PackageName.make(from: options.packageName ?? path, avoiding: roots)
        return ProjectPlan(
            notebook: path, packageName: packageName, distributionName: PackageName.distribution(of: packageName),
            config: ProjectConfig(dataDirectory: "data", dataDirectoryVariable: packageName.uppercased() + "_DATA_DIR",
                                  artifactsDirectory: "artifacts", entries: configEntries, dataFiles: dataFiles),
            modules: modules,
            trainMain: trainMain(stageFunctions, artifacts: artifacts, fitting: crossValidated),
            inferenceMain: inferenceMain(stageFunctions, artifacts: artifacts, modelInput: modelInput),
            artifacts: artifacts,
            exploration: explorationCells(names: names),
            requirements: plan.requirements,
            modelInput: modelInput,
            featurePreparation: preparation,
            metrics: planMetrics(names: names))
    }

    /// Function names per segment: the stage's name for its first segment, then `_2`, `_3`;
    /// names the notebook binds are avoided (`train = pd.read_csv(…)` makes `train_stage`).
    private func functionNames() -> [Int: String] {
        var names: [Int: String] = [:]
        var counts: [Stage: Int] = [:]
        for (segment, state) in functions.enumerated() {
            counts[state.stage, default: 0] += 1
            let ordinal = counts[state.stage] ?? 1
            var name = Self.functionName(of: state.stage)
            while boundNames.contains(name) { name += "_stage" }
            names[segment] = ordinal == 1 ? name : "\(name)_\(ordinal)"
        }
        return names
    }

    private func pieces(ofSegment segment: Int) -> [Int] {
        pieces.indices.filter { segmentOfPiece[$0] == segment }
    }

    /// The values train saves and inference loads: what inference reads from train (or from
    /// model when there is no train code) that is fitted there or built by the model stage;
    /// without such reads, the names train fits (`model.fit(…)`, `result = model.fit()`),
    /// which the segment that fits them last then returns.
    private func chooseArtifacts(names: [Int: String]) -> [ModelArtifact] {
        let producerStage: Stage = functions.contains { $0.stage == .train } ? .train : .model
        let producers = functions.indices.filter { functions[$0].stage == producerStage }
        guard !producers.isEmpty else { return [] }
        var fitted: [String: Int] = [:]
        for segment in producers {
            for name in fittedNames(inSegment: segment) { fitted[name] = segment }
        }
        let built = Set(functions.indices.filter { functions[$0].stage == .model }.flatMap { functions[$0].returns })
        var chosen: [String: Int] = [:]
        for state in functions where state.stage == .inference {
            for (name, source) in state.parameters where producers.contains(source) && (fitted[name] != nil || built.contains(name)) {
                chosen[name] = source
            }
        }
        // Only what is fitted or predicts is a model: inputs read beside it (`DMatrix`, data
        // frames) are recomputed, not saved.
        let models = modelLikeNames()
        chosen = chosen.filter { models.contains($0.key) }
        // Transformers fitted before training (`v.fit_transform(X_train)`) that inference reads
        // are saved too: refitting them on recomputed data would give inference other features.
        var transformers: Set<String> = []
        for state in functions where state.stage == .inference {
            for (name, source) in state.parameters where chosen[name] == nil && functions[source].stage != .inference {
                guard fitReceivers(inSegment: source).contains(name) else { continue }
                chosen[name] = source
                transformers.insert(name)
            }
        }
        if chosen.isEmpty && producerStage == .train {
            chosen = fitted
            for (name, segment) in fitted { functions[segment].returns.insert(name) }
        }
        let format = artifactFormat()
        let rank = { (name: String) in transformers.contains(name) ? 2 : (name == "model" ? 0 : 1) }
        let ordered = chosen.keys.sorted { (rank($0), $0) < (rank($1), $1) }
        return ordered.map { name in
            let source = chosen[name] ?? 0
            let readers = functions.indices.filter { functions[$0].parameters[name] == source }.compactMap { names[$0] }
            return ModelArtifact(name: name, producedBy: names[source] ?? "", readBy: readers,
                                 path: "artifacts/\(name).\(format == .joblib ? "joblib" : "pkl")", format: format)
        }
    }

    /// joblib when the notebook imports a library whose models it suits, else pickle.
    private func artifactFormat() -> ModelArtifact.Format {
        let usesJoblib = pieces.contains { piece in
            piece.destination == .imports && piece.facts.imports.contains { fact in
                // Not statsmodels: a formula model re-evaluates its formula when unpickled, in the
                // caller's namespace, which only the C unpickler behind `pickle.load` leaves
                // reachable (joblib's Python unpickler buries it under its own frames).
                ["sklearn", "joblib", "xgboost", "lightgbm", "catboost", "imblearn"].contains(String(fact.module.split(separator: ".").first ?? ""))
            }
        }
        return usesJoblib ? .joblib : .pickle
    }

    /// Names pipeline code fits, trains or predicts with: receivers of `.fit(…)`-like and
    /// `.predict(…)`-like calls, targets of `x = ….fit(…)` and of `x = lib.train(…)`
    /// (`xgboost.train`, `lightgbm.train`).
    private func modelLikeNames() -> Set<String> {
        var names: Set<String> = []
        let methods: Set<String> = ["fit", "partial_fit", "fit_generator", "fit_transform", "predict", "predict_proba",
                                    "predict_log_proba", "decision_function", "forecast", "get_prediction", "transform", "score"]
        for piece in pieces where Self.isPipelineCode(piece.destination) {
            SyntaxWalk.expressions(in: piece.statement) { expression in
                guard case .call(let function, _, _) = expression.kind, case .attribute(let receiver, let method, _) = function.kind,
                      methods.contains(method), case .name(let name, _) = receiver.kind else { return }
                names.insert(name)
            }
            if case .assign(let targets, let value) = piece.statement.kind, targets.count == 1, case .name(let target, _) = targets[0].kind,
               case .call(let function, _, _) = value.kind, case .attribute(_, let method, _) = function.kind,
               ["fit", "partial_fit", "train"].contains(method) {
                names.insert(target)
            }
        }
        return names
    }

    /// Receivers of `.fit(…)` calls and targets of `x = ….fit(…)` in a segment.
    /// Names a segment calls `.fit(…)`, `.fit_transform(…)` or `.partial_fit(…)` on.
    private func fitReceivers(inSegment segment: Int) -> Set<String> {
        pieces(ofSegment: segment).reduce(into: []) { names, index in names.formUnion(Self.fitReceivers(pieces[index].statement)) }
    }

    private func fittedNames(inSegment segment: Int) -> [String] {
        let fitMethods: Set<String> = ["fit", "partial_fit", "fit_generator"]
        var names: Set<String> = []
        for index in pieces(ofSegment: segment) {
            let piece = pieces[index]
            for call in piece.facts.calls {
                let parts = call.split(separator: ".").map(String.init)
                if parts.count == 2, fitMethods.contains(parts[1]), piece.facts.mutates.contains(parts[0]) { names.insert(parts[0]) }
            }
            if case .assign(let targets, let value) = piece.statement.kind, targets.count == 1, case .name(let target, _) = targets[0].kind,
               case .call(let function, _, _) = value.kind, case .attribute(let receiver, let method, _) = function.kind {
                // `model = xgboost.train(params, dtrain)`: a library's training function.
                var library = false
                if method == "train", case .name(let module, _) = receiver.kind, pieces.contains(where: { $0.destination == .imports && $0.facts.defines.contains(module) }) {
                    library = true
                }
                if fitMethods.contains(method) || library { names.insert(target) }
            }
        }
        // `_ = model.fit(X, y)` only discards the fitted estimator, which is `model`.
        names.remove("_")
        return names.sorted()
    }

    /// Definitions that formula strings in pipeline code call by name (`"y ~ double_it(x)"`):
    /// a model fitted on such a formula looks them up again when it is loaded.
    private func namesCalledInFormulas() -> [String] {
        let definitionNames = Set(definitions.map(\.name))
        var found: Set<String> = []
        for piece in pieces where Self.isPipelineCode(piece.destination) {
            found.formUnion(Self.namesCalledInStrings(piece.statement, among: definitionNames))
        }
        return found.sorted()
    }

    /// `FORMULA_FUNCTIONS = {"double_it": double_it}` in inference: the functions a saved
    /// formula model calls must be names of the module that unpickles it.
    private func formulaNamespace(_ names: [String], cell: Int) -> MovedDefinition {
        let entries = names.map { "\(PythonStringLiteral.literal($0)): \($0)" }.joined(separator: ", ")
        let source = "# The saved model's formulas call these by name: loading it looks them up in this module.\n"
            + "FORMULA_FUNCTIONS = {\(entries)}"
        return MovedDefinition(name: "FORMULA_FUNCTIONS", kind: .global, cell: cell, source: source, configNames: [], stageGlobals: [])
    }

    /// Where each definition goes: the one module whose code uses it, `common` when several
    /// do, `model` when none does (only exploration, or nothing).
    private func placeDefinitions() -> [String: String] {
        var users: [String: Set<String>] = [:]
        for state in functions {
            for definition in state.definitions { users[definition, default: []].insert(Self.moduleName(of: state.stage)) }
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

    private func moduleImports(_ module: String, segments: [Int], definitions here: [DefinitionState], homes: [String: String],
                               alsoUsing extra: [String] = []) -> [String] {
        var external: Set<String> = []
        var config: Set<String> = []
        var packageImports: [String: Set<String>] = [:]
        var star = false
        let readers: [(imports: Set<String>, config: Set<String>, definitions: Set<String>, star: Bool)] =
            segments.map { (functions[$0].imports, functions[$0].configNames, functions[$0].definitions, functions[$0].usesStarImports) }
            + here.map { ($0.imports, $0.configNames, $0.definitions, $0.usesStarImports) }
            + [([], [], Set(extra), false)]
        for reader in readers {
            external.formUnion(reader.imports)
            config.formUnion(reader.config)
            star = star || reader.star
            for definition in reader.definitions where homes[definition] != module {
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

    private func stageFunction(_ segment: Int, names: [Int: String], artifacts: [ModelArtifact]) -> StageFunction? {
        let state = functions[segment]
        guard let name = names[segment] else { return nil }
        let stage = state.stage
        let indices = pieces(ofSegment: segment)
        let lastInference = functions.indices.last { functions[$0].stage == .inference }
        var returnsValue = false
        var resultName: String?
        if segment == lastInference, state.returns.isEmpty, let last = indices.last {
            if case .expression(let value) = pieces[last].statement.kind, !Self.isPrint(value) {
                // The prediction a cell displayed becomes the return value.
                let offset = pieces[last].statement.range.start.offset
                edits[pieces[last].source, default: []].append(CellSource.Edit(range: offset..<offset, replacement: "return "))
                returnsValue = true
            } else {
                // Otherwise it returns the last prediction inference assigns (`preds = model.predict(new)`),
                // else the last value it assigns, unless the cell ends by printing its result.
                let assigned = indices.reversed().compactMap { index -> (name: String, predicts: Bool)? in
                    guard case .assign(let targets, let value) = self.pieces[index].statement.kind, targets.count == 1,
                          case .name(let name, _) = targets[0].kind else { return nil }
                    return (name, Self.isPrediction(value))
                }
                var endsWithPrint = false
                if case .expression(let value) = pieces[last].statement.kind { endsWithPrint = Self.isPrint(value) }
                resultName = assigned.first(where: \.predicts)?.name ?? (endsWithPrint ? nil : assigned.first?.name)
                returnsValue = resultName != nil
            }
        }
        var body = indices.map { index in
            let piece = pieces[index]
            return sources[piece.source].indented(piece.span, edits: edits[piece.source] ?? [])
        }.joined(separator: "\n")
        if body.isEmpty { body = "    pass" }
        body += "\n"
        let keepsMetrics = indices.contains { metricKeys[$0] != nil }
        if keepsMetrics { body = "    metrics = {}\n" + body }
        let artifactSources = Dictionary(artifacts.map { ($0.name, $0.producedBy) }, uniquingKeysWith: { first, _ in first })
        let parameters = state.parameters.keys.sorted().map { parameter in
            let source = state.parameters[parameter] ?? 0
            let provider = names[source] ?? ""
            let fromArtifact = stage == .inference && artifactSources[parameter] == provider
            return FunctionParameter(name: parameter, providedBy: provider, fromArtifact: fromArtifact)
        }
        var returns = state.returns.sorted()
        if keepsMetrics { returns.append("metrics") }
        let arguments = parameters.map(\.name).joined(separator: ", ")
        // What main calls the dictionary: `metrics` for the first function that keeps some,
        // `metrics_2`… for later ones, which main merges into the first.
        let metricsName = metricsVariable(segment)
        let assigned = returns.map { $0 == "metrics" ? metricsName : $0 }
        let call: String
        switch returns.count {
        case 0: call = returnsValue ? "result = \(name)(\(arguments))" : "\(name)(\(arguments))"
        default: call = assigned.joined(separator: ", ") + " = \(name)(\(arguments))"
        }
        return StageFunction(
            name: name, stage: stage, module: Self.moduleName(of: stage), parameters: parameters, returns: returns,
            configNames: state.configNames.sorted(), cells: state.cells,
            signature: "def \(name)(\(arguments)):", body: body,
            returnStatement: returns.isEmpty ? resultName.map { "    return " + $0 } : "    return " + returns.joined(separator: ", "),
            call: call, returnsValue: returnsValue)
    }

    /// Segments whose function keeps `metrics`, in notebook order.
    var metricSegments: [Int] {
        functions.indices.filter { segment in pieces(ofSegment: segment).contains { metricKeys[$0] != nil } }
    }

    /// The name main gives a segment's `metrics`: `metrics`, then `metrics_2`, ….
    func metricsVariable(_ segment: Int) -> String {
        guard let position = metricSegments.firstIndex(of: segment), position > 0 else { return "metrics" }
        return "metrics_\(position + 1)"
    }

    /// The metrics of the plan: each displayed score with its key and function.
    func planMetrics(names: [Int: String]) -> [PlanMetric] {
        metricKeys.keys.sorted().compactMap { index in
            guard let key = metricKeys[index], let segment = segmentOfPiece[index], let name = names[segment] else { return nil }
            return PlanMetric(cell: pieces[index].cell, key: key, function: name)
        }
    }

    /// `model.predict(x)` and the like (`predict_proba`, `forecast`, …).
    private static func isPrediction(_ expression: Expression) -> Bool {
        guard case .call(let function, _, _) = expression.kind, case .attribute(_, let method, _) = function.kind else { return false }
        return ["predict", "predict_proba", "predict_log_proba", "decision_function", "forecast", "get_prediction"].contains(method)
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

    /// The segments `targets` need, transitively through their parameters (artifacts loaded
    /// instead of recomputed when `loadArtifacts`), plus the targets, in notebook order.
    private func segmentsNeeded(for targets: [Int], _ functionsBySegment: [Int: StageFunction], skippingArtifacts: Bool) -> [Int] {
        var needed = Set(targets)
        var pending = targets
        while let segment = pending.popLast() {
            for (name, source) in functions[segment].parameters {
                if skippingArtifacts, functionsBySegment[segment]?.parameters.first(where: { $0.name == name })?.fromArtifact == true { continue }
                if needed.insert(source).inserted { pending.append(source) }
            }
        }
        return needed.sorted()
    }

    /// data → model → train → evaluate in notebook order (plus any inference segment whose
    /// values a later one of those reads), then a model the notebook only cross-validated
    /// fitted on its data, then the artifacts saved.
    private func trainMain(_ stageFunctions: [Int: StageFunction], artifacts: [ModelArtifact], fitting crossValidated: CrossValidatedModel?) -> PipelineRun {
        let targets = functions.indices.filter { functions[$0].stage != .inference }
        var (imports, lines) = calls(segmentsNeeded(for: targets, stageFunctions, skippingArtifacts: false), in: "train", stageFunctions)
        if let crossValidated {
            lines.append("\(crossValidated.model).fit(\(([crossValidated.input] + (crossValidated.target.map { [$0] } ?? [])).joined(separator: ", ")))")
        }
        var merged: [String] = []
        for index in lines.indices {
            for later in metricSegments.dropFirst() where lines[index].hasPrefix(metricsVariable(later) + " = ") || lines[index].contains(", \(metricsVariable(later)) = ") {
                merged.append(metricsVariable(later))
            }
        }
        for name in merged { lines.append("metrics.update(\(name))") }
        if !artifacts.isEmpty || !metricSegments.isEmpty {
            imports.insert("from .config import ARTIFACTS_DIR")
            lines.append("ARTIFACTS_DIR.mkdir(parents=True, exist_ok=True)")
        }
        if !artifacts.isEmpty {
            imports.insert(artifacts[0].format == .joblib ? "import joblib" : "import pickle")
            lines += artifacts.flatMap(Self.saveLines)
        }
        if !metricSegments.isEmpty, lines.contains(where: { $0.hasPrefix("metrics = ") || $0.contains(", metrics = ") }) {
            // Floats as numbers (NumPy's float64 is one); what JSON cannot hold, as its text.
            imports.insert("import json")
            lines.append(#"(ARTIFACTS_DIR / "metrics.json").write_text(json.dumps(metrics, indent=2, default=str) + "\n")"#)
        }
        return PipelineRun(imports: ImportLine.merged(imports), lines: lines)
    }

    /// The calls of `segments` (in notebook order) as lines of a `main()` in `module`, with the
    /// imports of the functions defined elsewhere. With `loads` (artifact → its `load_model`
    /// line), a parameter inference takes from an artifact is loaded right before the first
    /// call that reads it (again if a recomputation rebinds the name in between), so a call
    /// that needs the recomputed value of the same name still gets it.
    private func calls(_ segments: [Int], in module: String, loads: [String: String]? = nil,
                       _ stageFunctions: [Int: StageFunction]) -> (imports: Set<String>, lines: [String]) {
        var imports: Set<String> = []
        var lines: [String] = []
        var holdsArtifact: Set<String> = []
        for function in segments.compactMap({ stageFunctions[$0] }) {
            if function.module != module { imports.insert("from .\(function.module) import \(function.name)") }
            if let loads {
                for parameter in function.parameters where parameter.fromArtifact && holdsArtifact.insert(parameter.name).inserted {
                    if let line = loads[parameter.name] { lines.append(line) }
                }
            }
            lines.append(function.call)
            holdsArtifact.subtract(function.returns)
        }
        return (imports, lines)
    }

    /// The calls that compute what the `targets` segments return from scratch: those segments
    /// and every segment they need, in notebook order.
    private func run(computing targets: [Int], _ stageFunctions: [Int: StageFunction]) -> PipelineRun {
        let (imports, lines) = calls(segmentsNeeded(for: targets, stageFunctions, skippingArtifacts: false), in: "inference", stageFunctions)
        return PipelineRun(imports: ImportLine.merged(imports), lines: lines)
    }

    /// Loads the artifacts, recomputes the other inputs of inference (only the functions they
    /// need, never the loaded artifacts), calls inference and prints the result. A notebook
    /// without inference code gets a prediction on the first rows of the model's input,
    /// computed from scratch first.
    private func inferenceMain(_ stageFunctions: [Int: StageFunction], artifacts: [ModelArtifact], modelInput: ModelInput?) -> PipelineRun {
        var imports: Set<String> = []
        var lines: [String] = []
        if !artifacts.isEmpty { imports.insert("from .config import ARTIFACTS_DIR") }
        let loads = Dictionary(artifacts.map { artifact in
            (artifact.name, "\(artifact.name) = load_model(ARTIFACTS_DIR / \(PythonStringLiteral.literal(String(artifact.path.split(separator: "/").last ?? ""))))")
        }, uniquingKeysWith: { first, _ in first })
        let targets = functions.indices.filter { functions[$0].stage == .inference }
        guard !targets.isEmpty else {
            if let modelInput, let model = artifacts.first {
                imports.formUnion(modelInput.run.imports)
                lines += modelInput.run.lines
                lines += loads[model.name].map { [$0] } ?? []
                // The generic `predict` of inference.py, unless the notebook defines its own.
                let predict = definitions.contains { $0.name == "predict" } ? "\(model.name).predict(" : "predict(\(model.name), "
                lines.append("print(\(predict)\(modelInput.name)[:5]))")
            } else {
                lines += artifacts.compactMap { loads[$0.name] }
            }
            return PipelineRun(imports: ImportLine.merged(imports), lines: lines)
        }
        let segments = segmentsNeeded(for: targets, stageFunctions, skippingArtifacts: true)
        let (called, callLines) = calls(segments, in: "inference", loads: loads, stageFunctions)
        imports.formUnion(called)
        lines += callLines
        if let last = segments.last, stageFunctions[last]?.returnsValue == true { lines.append("print(result)") }
        if !lines.contains(where: { $0.contains(" = load_model(") }) { imports.remove("from .config import ARTIFACTS_DIR") }
        return PipelineRun(imports: ImportLine.merged(imports), lines: lines)
    }

    private func explorationCells(names: [Int: String]) -> [ExplorationCell] {
        explorationSources.keys.sorted().map { cell in
            let inputs = (explorationInputs[cell] ?? [:]).keys.sorted().map { name in
                FunctionParameter(name: name, providedBy: names[explorationInputs[cell]?[name] ?? 0] ?? "")
            }
            return ExplorationCell(cell: cell, source: (explorationSources[cell] ?? []).joined(separator: "\n"), inputs: inputs)
        }
    }
}
