import Diagnostics

extension ReadContext {
    /// An nbformat 2 or 3 notebook, upgraded to the v4 model as nbformat's converter does:
    /// worksheets flattened, `input` → source, `prompt_number` → execution count, heading
    /// cells → markdown `#` headings, html cells → markdown. What nbformat cannot convert
    /// (no `metadata`, no `worksheets`, a worksheet without `cells`, a code cell without
    /// `outputs`) is refused at the spot.
    mutating func notebookUpgraded(_ root: JSONNode, from version: NotebookVersion) throws(DiagnosticError) -> Notebook {
        let major = version.major
        let metadataMember = try require("metadata", in: root, "this nbformat \(major) notebook has no 'metadata', so it cannot be upgraded to nbformat 4")
        try requireObject(metadataMember.value, "'metadata'")
        let worksheetsMember = try require("worksheets", in: root, "this nbformat \(major) notebook has no 'worksheets', so it has no cells and cannot be upgraded")
        let worksheets = try requireArray(worksheetsMember.value, "'worksheets'")
        var cells: [Cell] = []
        var cellLanguage: (name: String, offset: Int)?
        for (number, worksheet) in worksheets.enumerated() {
            try requireObject(worksheet, "worksheet \(number)")
            let cellsMember = try require("cells", in: worksheet, "worksheet \(number) has no 'cells', so it cannot be upgraded")
            for node in try requireArray(cellsMember.value, "'cells' of worksheet \(number)") {
                let cell = try cellUpgraded(node, index: cells.count, major: major)
                if cellLanguage == nil, cell.kind == .code, let language = node.member("language"), let name = language.value.string {
                    cellLanguage = (name, language.keyOffset)
                }
                cells.append(cell)
            }
        }
        var (kernel, kernelOffset) = try kernelInfo(metadataMember.value)
        if kernel.language == nil, kernel.name == nil, let cellLanguage {
            kernel.language = cellLanguage.name
            kernelOffset = cellLanguage.offset
        }
        var metadata = metadataMember.value.jsonValue
        if case .object(let members) = metadata {
            metadata = .object(members.filter { $0.key != "name" && $0.key != "signature" })
        }
        return Notebook(
            nbformat: 4, nbformatMinor: 0, kernel: kernel, cells: cells,
            metadata: metadata, upgradedFrom: version,
            kernelLocation: kernelOffset.map(location), cellsLocation: location(worksheetsMember.keyOffset))
    }

    private mutating func cellUpgraded(_ node: JSONNode, index: Int, major: Int) throws(DiagnosticError) -> Cell {
        try requireObject(node, "cell \(index)")
        let typeMember = try require("cell_type", in: node, "cell \(index) has no 'cell_type'")
        guard let typeName = typeMember.value.string else {
            throw error("notebook.invalid-type", "'cell_type' of cell \(index) must be a string, found \(typeMember.value.typeDescription)", at: typeMember.value.offset)
        }
        let rule: SourceJoinRule = major == 2 ? .v2 : .v3
        var metadata = JSONNode(offset: node.offset, kind: .object([]))
        if let metadataMember = node.member("metadata") {
            try requireObject(metadataMember.value, "'metadata' of cell \(index)")
            metadata = metadataMember.value
        }
        var cell = Cell(index: index, kind: CellKind(name: typeName), source: "")
        switch typeName {
        case "code":
            if let input = node.member("input") {
                cell.source = try joinedSource(input.value, cell: index, key: "input", rule: rule)
                cell.sourceLine = locator.line(of: input.value.offset)
            } else {
                cell.sourceLine = locator.line(of: node.offset)
            }
            let outputs = try require("outputs", in: node, "code cell \(index) has no 'outputs', so it cannot be upgraded")
            cell.outputs = raw(outputs.value)
            if let prompt = node.member("prompt_number") {
                cell.executionCount = executionCount(prompt.value, cell: index)
            }
            if let collapsed = node.member("collapsed"), case .object(var members) = metadata.kind {
                members.append(JSONNode.Member(key: "collapsed", keyOffset: collapsed.keyOffset, value: collapsed.value))
                metadata.kind = .object(members)
            }
        case "heading":
            cell.kind = .markdown
            var level = 1
            if let levelMember = node.member("level") {
                guard let value = levelMember.value.int else {
                    throw error("notebook.invalid-type", "'level' of heading cell \(index) must be an integer, found \(levelMember.value.typeDescription)", at: levelMember.value.offset)
                }
                // Python repeats '#' level times (none when negative); capped so a hostile
                // file cannot ask for gigabytes.
                level = min(max(value, 0), 100)
            }
            var text = ""
            if let source = node.member("source") {
                text = try joinedSource(source.value, cell: index, key: "source", rule: rule)
                cell.sourceLine = locator.line(of: source.value.offset)
            } else {
                cell.sourceLine = locator.line(of: node.offset)
            }
            cell.source = String(repeating: "#", count: level) + " " + PythonText.splitLines(text).joined(separator: " ")
        default:
            if typeName == "html" {
                cell.kind = .markdown
            } else if case .other = cell.kind {
                warn("notebook.unknown-cell-type", "cell \(index) has the unknown type '\(typeName)'; it is kept but not converted", at: typeMember.value.offset)
            }
            let source = try require("source", in: node, "cell \(index) (\(typeName)) has no 'source'")
            cell.source = try joinedSource(source.value, cell: index, key: "source", rule: rule)
            cell.sourceLine = locator.line(of: source.value.offset)
        }
        cell.metadata = metadata.jsonValue
        cell.tags = tags(metadata, cell: index)
        cell.attachments = raw(node.member("attachments")?.value)
        if cell.kind == .raw {
            cell.rawMimetype = rawMimetype(metadata)
        }
        return cell
    }
}
