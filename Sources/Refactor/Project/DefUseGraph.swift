/// The first pass of the **plan** stage: the statement-level def-use graph of a notebook.
///
/// Statements are taken in the notebook's execution order (cell order, then source order).
/// Each statement reads some names, binds some (`x = …`, `def f`, `import m`, `for x in …`)
/// and changes some in place (`df.dropna(inplace=True)`, `df["x"] = …`, `model.fit(…)`).
/// Both a binding and an in-place change are a *definition*: a new version of the name, and
/// a change remembers the version it changed (``Definition/previous``). Every read is linked
/// to the definition that reaches it: the closest earlier one, never one of the reading
/// statement itself (`x = x + 1` reads the earlier `x`).
///
/// A change of a name whose current definition is an import (`xgboost.train(…)`, `np.random.seed(1)`)
/// is a call on a module, not a new value of the notebook, and is not a definition.
///
/// The graph knows nothing about stages: later passes decide which definitions a stage
/// function sees (``StageDataflow``).
///
/// ```swift
/// let graph = DefUseGraph([
///     .init(binds: ["df"]),                               // df = pd.read_csv(…)
///     .init(reads: ["df"], mutates: ["df"]),              // df.dropna(inplace=True)
///     .init(reads: ["df"], binds: ["X"]),                 // X = df[["a"]]
/// ])
/// graph.uses(of: 2)  // [Use(name: "df", definition: 1)], and definition 1's previous is 0
/// ```
struct DefUseGraph: Sendable, Equatable {
    /// One statement, as the graph sees it.
    struct Statement: Sendable, Equatable {
        /// Whether the statement is an import, whose bindings are modules and names from them.
        var isImport: Bool
        /// Names whose value the statement reads from before it (globals read by functions included).
        var reads: [String]
        /// Names it binds.
        var binds: [String]
        /// Names it changes in place without binding them.
        var mutates: [String]

        /// Creates a statement.
        init(isImport: Bool = false, reads: [String] = [], binds: [String] = [], mutates: [String] = []) {
            self.isImport = isImport
            self.reads = reads
            self.binds = binds
            self.mutates = mutates
        }
    }

    /// One version of a name.
    struct Definition: Sendable, Hashable {
        /// How a statement makes a version.
        enum Kind: Sendable, Hashable {
            /// Bound anew (`x = …`, `def x`, `for x in …`, `x += 1`).
            case binding
            /// Bound by an import.
            case `import`
            /// Changed in place: the same object, changed (``previous`` is the version it changes).
            case mutation
        }

        /// The name.
        var name: String
        /// The statement that makes it.
        var statement: Int
        var kind: Kind
        /// The definition this one replaces, if any.
        var previous: Int?
    }

    /// A read of a name, with the definition that reaches it (`nil` when nothing earlier binds it:
    /// a builtin, a star import's name, or an undefined name).
    struct Use: Sendable, Hashable {
        var name: String
        var definition: Int?
    }

    /// The statements, in execution order.
    let statements: [Statement]
    /// Every definition, in the order the statements make them.
    private(set) var definitions: [Definition] = []
    /// Per statement: the reads, each with its reaching definition, in the statement's read order.
    private var usesByStatement: [[Use]] = []
    /// Per statement: the definitions it makes.
    private var definitionsByStatement: [[Int]] = []
    /// Per definition: the statements that read it.
    private var readers: [[Int]] = []
    /// The definition of each name that is current after the last statement.
    private(set) var finalDefinitions: [String: Int] = [:]

    /// Builds the graph.
    /// - Parameter statements: The statements in execution order.
    init(_ statements: [Statement]) {
        self.statements = statements
        var current: [String: Int] = [:]
        for (index, statement) in statements.enumerated() {
            var uses: [Use] = []
            for name in statement.reads {
                let definition = current[name]
                uses.append(Use(name: name, definition: definition))
                if let definition { readers[definition].append(index) }
            }
            usesByStatement.append(uses)
            var made: [Int] = []
            func define(_ name: String, _ kind: Definition.Kind) {
                let id = definitions.count
                definitions.append(Definition(name: name, statement: index, kind: kind, previous: current[name]))
                readers.append([])
                made.append(id)
                current[name] = id
            }
            var bound: Set<String> = []
            for name in statement.binds where bound.insert(name).inserted {
                define(name, statement.isImport ? .import : .binding)
            }
            for name in statement.mutates where !bound.contains(name) {
                if let previous = current[name], definitions[previous].kind == .import { continue }
                bound.insert(name)
                define(name, .mutation)
            }
            definitionsByStatement.append(made)
        }
        finalDefinitions = current
    }

    /// The reads of a statement, each with the definition that reaches it.
    /// - Parameter statement: The statement's index.
    /// - Returns: The uses, in the statement's read order.
    func uses(of statement: Int) -> [Use] {
        usesByStatement[statement]
    }

    /// The definitions a statement makes.
    /// - Parameter statement: The statement's index.
    /// - Returns: Definition indices.
    func definitions(madeBy statement: Int) -> [Int] {
        definitionsByStatement[statement]
    }

    /// The statements that read a definition (its def-use edges).
    /// - Parameter definition: The definition's index.
    /// - Returns: Statement indices, in order.
    func readers(of definition: Int) -> [Int] {
        readers[definition]
    }

    /// The definition of a name that reaches a statement: the closest earlier one.
    /// - Parameters:
    ///   - name: The name.
    ///   - statement: The statement's index (`statements.count` for the end of the notebook).
    /// - Returns: The definition's index, or `nil`.
    func reachingDefinition(of name: String, before statement: Int) -> Int? {
        var found: Int?
        for (index, definition) in definitions.enumerated() where definition.name == name {
            guard definition.statement < statement else { break }
            found = index
        }
        return found
    }

    /// The versions a definition builds on, newest first: itself, then the versions it changed
    /// in place, back to the binding (or import) that created the object.
    /// - Parameter definition: The definition's index.
    /// - Returns: Definition indices.
    func history(of definition: Int) -> [Int] {
        var chain = [definition]
        while let last = chain.last, definitions[last].kind == .mutation, let previous = definitions[last].previous {
            chain.append(previous)
        }
        return chain
    }

    /// The backward slice of definitions: the statements that make them and, transitively,
    /// every statement whose definitions those statements read (an in-place change brings the
    /// version it changed).
    /// - Parameter targets: Definition indices.
    /// - Returns: Statement indices.
    func backwardSlice(from targets: [Int]) -> Set<Int> {
        var statementsIn: Set<Int> = []
        var seen: Set<Int> = []
        var work = targets
        while let definition = work.popLast() {
            guard seen.insert(definition).inserted else { continue }
            let made = definitions[definition]
            if let previous = made.previous, made.kind == .mutation { work.append(previous) }
            guard statementsIn.insert(made.statement).inserted else { continue }
            work += uses(of: made.statement).compactMap(\.definition)
        }
        return statementsIn
    }

    /// The backward slice of statements: themselves and what their reads depend on.
    /// - Parameter targets: Statement indices.
    /// - Returns: Statement indices.
    func backwardSlice(fromStatements targets: [Int]) -> Set<Int> {
        Set(targets).union(backwardSlice(from: targets.flatMap { uses(of: $0).compactMap(\.definition) }))
    }
}
