/// A picture of a project's pipeline: the data files, the stage functions in the order the
/// mains call them, the values that cross between them, and the artifacts training saves and
/// inference loads. Rendered as a Mermaid flowchart (GitHub shows it in a README) or as a
/// Graphviz `dot` graph.
public struct PipelineDiagram: Sendable, Equatable {
    /// A box in the picture.
    public struct Node: Sendable, Equatable {
        /// How it is drawn.
        public enum Kind: Sendable, Equatable {
            case function
            case dataFile
            case artifact
        }

        /// A stable identifier (letters, digits and `_`).
        public var id: String
        /// What it shows.
        public var label: String
        /// How it is drawn.
        public var kind: Kind
    }

    /// An arrow, labelled with the values that cross it (empty for a file read or written).
    public struct Edge: Sendable, Equatable {
        /// The node it starts at.
        public var from: String
        /// The node it points to.
        public var to: String
        /// The values, comma separated.
        public var label: String
    }

    /// The boxes, in pipeline order.
    public var nodes: [Node]
    /// The arrows.
    public var edges: [Edge]

    /// The diagram of a plan.
    public init(_ plan: ProjectPlan) {
        var nodes: [Node] = []
        var edges: [Edge] = []
        for (index, file) in plan.config.dataFiles.enumerated() {
            nodes.append(Node(id: "data_\(index)", label: "\(plan.config.dataDirectory)/\(file.projectPath)", kind: .dataFile))
        }
        let functions = plan.functions
        for function in functions {
            nodes.append(Node(id: function.name, label: "\(function.module).\(function.name)()", kind: .function))
            for (index, file) in plan.config.dataFiles.enumerated() where function.configNames.contains(file.configName) {
                edges.append(Edge(from: "data_\(index)", to: function.name, label: ""))
            }
            var byProvider: [String: [String]] = [:]
            var providers: [String] = []
            for parameter in function.parameters where !parameter.fromArtifact {
                if byProvider[parameter.providedBy] == nil { providers.append(parameter.providedBy) }
                byProvider[parameter.providedBy, default: []].append(parameter.name)
            }
            for provider in providers where functions.contains(where: { $0.name == provider }) {
                edges.append(Edge(from: provider, to: function.name, label: (byProvider[provider] ?? []).joined(separator: ", ")))
            }
        }
        for (index, artifact) in plan.artifacts.enumerated() {
            let id = "artifact_\(index)"
            nodes.append(Node(id: id, label: artifact.path, kind: .artifact))
            edges.append(Edge(from: artifact.producedBy, to: id, label: artifact.name))
            for reader in artifact.readBy where functions.contains(where: { $0.name == reader && $0.stage == .inference }) {
                edges.append(Edge(from: id, to: reader, label: ""))
            }
        }
        self.nodes = nodes
        self.edges = edges
    }

    /// A Mermaid flowchart, left to right, ending in a newline.
    public var mermaid: String {
        var lines = ["flowchart LR"]
        for node in nodes {
            let label = Self.mermaidText(node.label)
            switch node.kind {
            case .function: lines.append("    \(node.id)[\"\(label)\"]")
            case .dataFile, .artifact: lines.append("    \(node.id)[(\"\(label)\")]")
            }
        }
        for edge in edges {
            lines.append(edge.label.isEmpty ? "    \(edge.from) --> \(edge.to)"
                : "    \(edge.from) -->|\"\(Self.mermaidText(edge.label))\"| \(edge.to)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A Graphviz graph, left to right, ending in a newline.
    public var dot: String {
        var lines = ["digraph pipeline {", "    rankdir=LR;", "    node [shape=box, fontname=\"Helvetica\"];"]
        for node in nodes {
            let shape = node.kind == .function ? "" : ", shape=cylinder"
            lines.append("    \(node.id) [label=\(Self.dotText(node.label))\(shape)];")
        }
        for edge in edges {
            lines.append("    \(edge.from) -> \(edge.to)\(edge.label.isEmpty ? "" : " [label=\(Self.dotText(edge.label))]");")
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    private static func mermaidText(_ text: String) -> String {
        text.replacingOccurrences(of: "\"", with: "#quot;")
    }

    private static func dotText(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
