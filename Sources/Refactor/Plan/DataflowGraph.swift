/// Which cell each read comes from: for every code cell and every global name it reads, the
/// closest earlier cell that defines the name or changes it in place.
///
/// In-place mutation counts as a new definition, so `df.dropna(inplace=True)` makes the
/// mutating cell the source of `df` for the cells after it.
public struct DataflowGraph: Sendable, Equatable {
    /// One value flowing from the cell that last defined it to a cell that reads it.
    public struct Edge: Sendable, Hashable, Codable {
        /// The name.
        public var name: String
        /// The cell that defines (or last changed) it.
        public var from: Int
        /// The cell that reads it.
        public var to: Int
    }

    /// Every edge, ordered by reading cell, then name.
    public private(set) var edges: [Edge] = []
    /// The edges leaving each cell, in the order of `edges`.
    private var edgesFrom: [Int: [Edge]] = [:]

    /// Builds the graph of a notebook's code cells. Names bound by imports are left out:
    /// every generated module imports what it uses.
    /// - Parameter cells: The analysed cells, in order.
    public init(_ cells: [AnalysedCell]) {
        var lastDefinition: [String: Int] = [:]
        for cell in cells {
            guard let facts = cell.facts else { continue }
            let own = cell.definesOrMutates
            for name in facts.reads.sorted() {
                guard let from = lastDefinition[name], !cell.importedNames.contains(name) else { continue }
                // A cell that reads and also defines a name may be using its own value; when an
                // earlier cell defines it too, count the earlier one (the conservative choice).
                let edge = Edge(name: name, from: from, to: cell.index)
                edges.append(edge)
                edgesFrom[from, default: []].append(edge)
            }
            for name in own where !cell.importedNames.contains(name) || facts.mutates.contains(name) {
                lastDefinition[name] = cell.index
            }
            for name in cell.importedNames where !facts.mutates.contains(name) {
                lastDefinition.removeValue(forKey: name)
            }
        }
    }

    /// The edges leaving a cell.
    public func consumers(of cell: Int) -> [Edge] {
        edgesFrom[cell] ?? []
    }
}
