import PythonSyntax

extension PlanBuilder {
    /// The fit that trains an artifact: the variable it is fed and the function that provides
    /// that variable's value at the fit.
    struct FitSite: Equatable {
        var artifact: String
        var input: String
        var provider: Int
        /// The piece of the fit statement (`nil` for a model only cross-validated).
        var piece: Int?
    }

    static let fitMethods: Set<String> = ["fit", "partial_fit", "fit_generator"]

    /// The first artifact (in saving order) whose training fit the planner can find, with the
    /// variable that fit is fed: `X` in `model.fit(X, y)`, `model = make_pipeline(…).fit(X, y)`
    /// or `_ = model.fit(X, y)`; for statsmodels' `res = sm.OLS(y, X).fit()` (or
    /// `mod = sm.GLM(y, X); res = mod.fit()`) the exogenous argument, and for formulas
    /// (`smf.ols(f, data=df).fit()`) the data frame. Only a plain variable counts, and only
    /// one a stage function provides; the providing function then returns it.
    /// - Parameter artifacts: The chosen artifacts, with the function that produces each.
    /// - Returns: The site, or `nil`.
    func findModelInput(artifacts: [ModelArtifact], names: [Int: String]) -> FitSite? {
        for artifact in artifacts {
            guard let producer = names.first(where: { $0.value == artifact.producedBy })?.key else { continue }
            let candidates = pieces.indices.filter { index in
                guard let segment = segmentOfPiece[index] else { return false }
                return segment <= producer
            }
            for index in candidates.reversed() {
                guard let input = fitInput(of: artifact.name, in: pieces[index].statement, before: index),
                      let segment = segmentOfPiece[index],
                      let provider = provider(of: input, at: index, segment: segment) else { continue }
                functions[provider].returns.insert(input)
                return FitSite(artifact: artifact.name, input: input, provider: provider, piece: index)
            }
        }
        return nil
    }

    /// The variable a statement fits `artifact` on, when it does.
    private func fitInput(of artifact: String, in statement: Statement, before index: Int) -> String? {
        switch statement.kind {
        case .expression(let value):
            guard let (receiver, arguments, _) = Self.fitCall(value), case .name(let name, _) = receiver.kind, name == artifact else { return nil }
            return arguments.first.flatMap(Self.variable)
        case .assign(let targets, let value):
            guard targets.count == 1, case .name(let target, _) = targets[0].kind,
                  let (receiver, arguments, _) = Self.fitCall(value) else { return nil }
            var receiverName: String?
            if case .name(let name, _) = receiver.kind { receiverName = name }
            // `model = model.fit(X, y)`, `_ = model.fit(X, y)` or `res = ….fit(…)` saved as `res`.
            guard target == artifact || (receiverName == artifact && target == "_") else { return nil }
            if let first = arguments.first { return Self.variable(first) }
            if let receiverName { return constructionInput(of: receiverName, before: index) }
            return Self.constructorInput(receiver)
        default:
            return nil
        }
    }

    /// `recv.fit(args…)` → the receiver, the positional arguments and the keywords.
    private static func fitCall(_ expression: PyExpression) -> (PyExpression, [PyExpression], [Keyword])? {
        guard case .call(let function, let arguments, let keywords) = expression.kind,
              case .attribute(let receiver, let method, _) = function.kind, fitMethods.contains(method) else { return nil }
        return (receiver, arguments, keywords)
    }

    /// The exogenous data of a statsmodels-style construction: `data=` (formulas), `exog=`, or
    /// the second positional argument (`sm.OLS(y, X)`).
    private static func constructorInput(_ expression: PyExpression) -> String? {
        guard case .call(_, let arguments, let keywords) = expression.kind else { return nil }
        if let data = keywords.first(where: { $0.name == "data" || $0.name == "exog" }) { return variable(data.value) }
        return arguments.count >= 2 ? variable(arguments[1]) : nil
    }

    /// The construction input of the closest earlier `name = Constructor(…)` in the pipeline.
    private func constructionInput(of name: String, before index: Int) -> String? {
        for earlier in pieces.indices.prefix(index).reversed() where segmentOfPiece[earlier] != nil {
            guard pieces[earlier].facts.defines.contains(name) else { continue }
            guard case .assign(let targets, let value) = pieces[earlier].statement.kind, targets.count == 1,
                  case .name(let target, _) = targets[0].kind, target == name else { return nil }
            return Self.constructorInput(value)
        }
        return nil
    }

    static func variable(_ expression: PyExpression) -> String? {
        guard case .name(let name, _) = expression.kind, name != "_" else { return nil }
        return name
    }

    /// The segment whose value of `name` the piece at `index` (in `segment`) sees: its own when
    /// an earlier statement of the segment binds or changes it, else the parameter's source.
    func provider(of name: String, at index: Int, segment: Int) -> Int? {
        let ownEarlier = pieces.indices.prefix(index).contains { earlier in
            segmentOfPiece[earlier] == segment
                && (pieces[earlier].facts.defines.contains(name) || pieces[earlier].facts.mutates.contains(name))
        }
        return ownEarlier ? segment : functions[segment].parameters[name]
    }
}

extension PlanBuilder {
    /// A model the notebook only cross-validates (`cross_validate(model, X, y)`), never fits.
    struct CrossValidatedModel: Equatable {
        var model: String
        var input: String
        var target: String?
        /// The segment that provides each of the names.
        var providers: [String: Int]
        /// The piece of the cross-validation call.
        var piece: Int
    }

    static let crossValidators: Set<String> = ["cross_validate", "cross_val_score", "cross_val_predict"]

    /// The last cross-validation call whose estimator, data and target are plain variables that
    /// stage functions provide and that keep that value to the end of the pipeline, so that
    /// `train.main()` can fit the estimator on them once and ship it. The providers return them.
    func findCrossValidatedModel() -> CrossValidatedModel? {
        for index in pieces.indices.reversed() {
            guard let segment = segmentOfPiece[index] else { continue }
            var found: CrossValidatedModel?
            SyntaxWalk.expressions(in: pieces[index].statement) { expression in
                guard found == nil, case .call(let function, let arguments, _) = expression.kind,
                      let called = SyntaxWalk.dottedName(function),
                      Self.crossValidators.contains(String(called.split(separator: ".").last ?? "")),
                      arguments.count >= 2, let model = Self.variable(arguments[0]), let input = Self.variable(arguments[1]) else { return }
                let target = arguments.count >= 3 ? Self.variable(arguments[2]) : nil
                if arguments.count >= 3 && target == nil { return }
                var providers: [String: Int] = [:]
                for name in [model, input] + (target.map { [$0] } ?? []) {
                    guard let provider = provider(of: name, at: index, segment: segment), provider == lastSegment(changing: name) else { return }
                    providers[name] = provider
                }
                found = CrossValidatedModel(model: model, input: input, target: target, providers: providers, piece: index)
            }
            guard let found else { continue }
            for (name, provider) in found.providers { functions[provider].returns.insert(name) }
            diagnostics.append(.note("project.cross-validated-model-fitted",
                                     "the notebook only cross-validates '\(found.model)': train fits it on \(found.input) once more and saves it",
                                     at: location(of: pieces[index])))
            return found
        }
        return nil
    }

    /// The last stage function that binds or changes a name.
    private func lastSegment(changing name: String) -> Int? {
        pieces.indices.reversed().first { index in
            segmentOfPiece[index] != nil && (pieces[index].facts.defines.contains(name) || pieces[index].facts.mutates.contains(name))
        }.flatMap { segmentOfPiece[$0] }
    }
}
