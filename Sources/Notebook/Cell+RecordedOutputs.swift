extension Cell {
    /// The outputs the cell recorded, in order, decoded from `outputs` (nbformat 4 shapes, and
    /// the nbformat 3 shapes an upgraded notebook keeps: `pyout`, `pyerr`, `stream` with a
    /// `stream` key). Outputs of a type this version does not know are left out.
    public var recordedOutputs: [RecordedOutput] {
        guard let outputs, !outputs.isEmptyContainer, let list = outputs.decoded()?.arrayValue else { return [] }
        return list.compactMap(Self.recordedOutput)
    }

    private static func recordedOutput(_ value: JSONValue) -> RecordedOutput? {
        switch value["output_type"]?.stringValue {
        case "stream":
            let name = value["name"]?.stringValue ?? value["stream"]?.stringValue ?? "stdout"
            return .stream(name: name, text: joined(value["text"]))
        case "execute_result":
            return .result(text: joined(value["data"]?["text/plain"]))
        case "pyout":
            return .result(text: joined(value["text"]))
        case "display_data":
            return .display(text: joined(value["data"]?["text/plain"] ?? value["text"]))
        case "error", "pyerr":
            return .error(name: value["ename"]?.stringValue ?? "", value: value["evalue"]?.stringValue ?? "")
        default:
            return nil
        }
    }

    /// nbformat text: a string, or a list of strings to concatenate.
    private static func joined(_ value: JSONValue?) -> String {
        switch value {
        case .string(let text): text
        case .array(let parts): parts.compactMap(\.stringValue).joined()
        default: ""
        }
    }
}
