import Diagnostics

extension ReadContext {
    /// The notebook described by a parsed document.
    mutating func notebook(from root: JSONNode) throws(DiagnosticError) -> Notebook {
        guard root.isObject else {
            throw error("notebook.not-an-object", "a notebook must be a JSON object, found \(root.typeDescription)", at: root.offset)
        }
        let versionMember = try require("nbformat", in: root, "missing 'nbformat'; this JSON file is not a Jupyter notebook")
        guard let major = versionMember.value.int else {
            throw error("notebook.invalid-type", "'nbformat' must be an integer, found \(versionMember.value.typeDescription)", at: versionMember.value.offset)
        }
        var minor = 0
        if let minorMember = root.member("nbformat_minor") {
            if let value = minorMember.value.int, value >= 0 {
                minor = value
            } else {
                warn("notebook.invalid-type", "'nbformat_minor' must be a non-negative integer, found \(minorMember.value.typeDescription); assuming 0", at: minorMember.value.offset)
            }
        } else if major == 4 {
            warn("notebook.missing-key", "missing 'nbformat_minor'; reading as nbformat 4.0", at: root.offset)
        }
        switch major {
        case 4:
            return try notebookV4(root, minor: minor, versionOffset: versionMember.value.offset)
        case 2, 3:
            let version = NotebookVersion(major: major, minor: minor)
            warn("notebook.upgraded", "upgraded from nbformat \(version) to 4", at: versionMember.value.offset,
                 notes: ["worksheets are flattened, heading cells become markdown, and outputs keep their nbformat \(major) shape"])
            return try notebookUpgraded(root, from: version)
        default:
            let message = major > 4
                ? "nbformat \(major) is newer than nbship understands; it reads nbformat 4 and upgrades 2 and 3"
                : "nbformat \(major) is too old; nbship reads nbformat 4 and upgrades 2 and 3"
            throw error("notebook.unsupported-version", message, at: versionMember.value.offset)
        }
    }

    private mutating func notebookV4(_ root: JSONNode, minor: Int, versionOffset: Int) throws(DiagnosticError) -> Notebook {
        if minor > 5 {
            warn("notebook.future-version", "nbformat 4.\(minor) is newer than 4.5; reading it as 4.5", at: versionOffset)
        }
        let metadataMember = try require("metadata", in: root, "missing 'metadata' (required by nbformat 4)")
        try requireObject(metadataMember.value, "'metadata'")
        let cellsMember = try require("cells", in: root, "missing 'cells' (required by nbformat 4)")
        let elements = try requireArray(cellsMember.value, "'cells'")
        var cells: [Cell] = []
        cells.reserveCapacity(elements.count)
        for (index, node) in elements.enumerated() {
            cells.append(try cellV4(node, index: index))
        }
        checkCellIDs(cells, nodes: elements, minor: minor)
        let (kernel, kernelOffset) = try kernelInfo(metadataMember.value)
        return Notebook(
            nbformat: 4, nbformatMinor: minor, kernel: kernel, cells: cells,
            metadata: metadataMember.value.jsonValue, upgradedFrom: nil,
            kernelLocation: kernelOffset.map(location), cellsLocation: location(cellsMember.keyOffset))
    }

    private mutating func cellV4(_ node: JSONNode, index: Int) throws(DiagnosticError) -> Cell {
        try requireObject(node, "cell \(index)")
        let typeMember = try require("cell_type", in: node, "cell \(index) has no 'cell_type'")
        guard let typeName = typeMember.value.string else {
            throw error("notebook.invalid-type", "'cell_type' of cell \(index) must be a string, found \(typeMember.value.typeDescription)", at: typeMember.value.offset)
        }
        let kind = CellKind(name: typeName)
        if case .other = kind {
            warn("notebook.unknown-cell-type", "cell \(index) has the unknown type '\(typeName)'; it is kept but not converted", at: typeMember.value.offset)
        }
        let metadataMember = try require("metadata", in: node, "cell \(index) has no 'metadata'")
        try requireObject(metadataMember.value, "'metadata' of cell \(index)")
        var cell = Cell(index: index, kind: kind, source: "")
        // Known cell types require a source; a future type may not have one (nbformat
        // accepts that), and then its source is empty.
        if case .other = kind, node.member("source") == nil {
            cell.sourceLine = locator.line(of: node.offset)
        } else {
            let sourceMember = try require("source", in: node, "cell \(index) (\(typeName)) has no 'source'")
            cell.source = try joinedSource(sourceMember.value, cell: index, key: "source", rule: .concatenate)
            cell.sourceLine = locator.line(of: sourceMember.value.offset)
        }
        cell.metadata = metadataMember.value.jsonValue
        cell.tags = tags(metadataMember.value, cell: index)
        if let idMember = node.member("id") {
            if let id = idMember.value.string {
                cell.id = id
            } else {
                warn("notebook.cell-id", "the id of cell \(index) must be a string, found \(idMember.value.typeDescription); ignored", at: idMember.value.offset)
            }
        }
        if kind == .code, let countMember = node.member("execution_count") {
            cell.executionCount = executionCount(countMember.value, cell: index)
        }
        cell.outputs = raw(node.member("outputs")?.value)
        cell.attachments = raw(node.member("attachments")?.value)
        if kind == .raw {
            cell.rawMimetype = rawMimetype(metadataMember.value)
        }
        return cell
    }

    /// Warnings for ids that are missing (nbformat ≥ 4.5), malformed or repeated.
    private mutating func checkCellIDs(_ cells: [Cell], nodes: [JSONNode], minor: Int) {
        var firstWithID: [String: Int] = [:]
        var missing: [Int] = []
        for (cell, node) in zip(cells, nodes) {
            guard let id = cell.id, let idOffset = node.member("id")?.value.offset else {
                if node.member("id") == nil { missing.append(cell.index) }
                continue
            }
            if !CellID.isValid(id) {
                warn("notebook.cell-id", "cell \(cell.index) has the invalid id '\(id)'; an id is 1 to 64 letters, digits, '-' or '_'", at: idOffset)
            }
            if let first = firstWithID[id] {
                warn("notebook.cell-id", "cell \(cell.index) has the same id '\(id)' as cell \(first)", at: idOffset)
            } else {
                firstWithID[id] = cell.index
            }
        }
        if minor >= 5, let first = missing.first {
            let what = missing.count == 1 ? "cell \(first) has no id" : "\(missing.count) cells have no id (the first is cell \(first))"
            warn("notebook.cell-id", "\(what); nbformat 4.5 requires cell ids", at: nodes[first].offset)
        }
    }
}
