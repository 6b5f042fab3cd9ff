import Notebook

/// Which code cells ran out of order: a cell whose execution count is higher than a later
/// cell's ran after it, so its recorded output may come from a state top-to-bottom execution
/// does not reach. A cell with outputs but no count is treated the same.
struct ExecutionOrder {
    private var outOfOrder: Set<Int> = []

    init(_ cells: [Cell]) {
        var lowestLater = Int.max
        for cell in cells.reversed() {
            guard let count = cell.executionCount else {
                if let outputs = cell.outputs, !outputs.isEmptyContainer { outOfOrder.insert(cell.index) }
                continue
            }
            if count > lowestLater { outOfOrder.insert(cell.index) }
            lowestLater = min(lowestLater, count)
        }
    }

    func isOutOfOrder(_ cell: Int) -> Bool { outOfOrder.contains(cell) }
}
