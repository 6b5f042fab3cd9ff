extension MagicFact: Codable {
    private enum KindKey: String, CodingKey {
        case kind
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: KindKey.self)
        let kind = try container.decode(String.self, forKey: .kind)
        switch kind {
        case "line-magic": self = .lineMagic(try LineMagic(from: decoder))
        case "cell-magic": self = .cellMagic(try CellMagic(from: decoder))
        case "shell": self = .shell(try ShellCommand(from: decoder))
        case "shell-capture": self = .shellCapture(try CapturedOutput(from: decoder))
        case "magic-capture": self = .magicCapture(try CapturedOutput(from: decoder))
        case "help": self = .help(try HelpRequest(from: decoder))
        case "install": self = .install(try PackageInstall(from: decoder))
        case "ipython-call": self = .ipythonCall(try IPythonCall(from: decoder))
        default:
            throw DecodingError.dataCorruptedError(forKey: .kind, in: container,
                                                   debugDescription: "unknown magic fact kind \(kind)")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: KindKey.self)
        try container.encode(kind, forKey: .kind)
        switch self {
        case .lineMagic(let fact): try fact.encode(to: encoder)
        case .cellMagic(let fact): try fact.encode(to: encoder)
        case .shell(let fact): try fact.encode(to: encoder)
        case .shellCapture(let fact), .magicCapture(let fact): try fact.encode(to: encoder)
        case .help(let fact): try fact.encode(to: encoder)
        case .install(let fact): try fact.encode(to: encoder)
        case .ipythonCall(let fact): try fact.encode(to: encoder)
        }
    }
}
