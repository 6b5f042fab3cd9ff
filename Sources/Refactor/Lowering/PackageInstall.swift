/// A package installation (or removal) requested from a cell: `!pip install …`,
/// `%pip install …`, `!{sys.executable} -m pip install …`, `%conda install …`, an automagic
/// `pip install …` line, or a `pip install` inside a `%%bash` cell.
public struct PackageInstall: Sendable, Equatable, Codable {
    /// The installer.
    public enum Tool: String, Sendable, Equatable, Codable {
        case pip, conda
    }

    /// Whether packages are added or removed.
    public enum Action: String, Sendable, Equatable, Codable {
        case install, uninstall
    }

    /// The installer.
    public var tool: Tool
    /// Install or uninstall.
    public var action: Action
    /// The package specs, in order (option flags and their values left out).
    public var packages: [PackageSpec]
    /// Requirement files named with `-r`/`--requirement` (pip) or `--file` (conda).
    public var requirementFiles: [String]
    /// The whole command as written.
    public var command: String
    /// How it was written: `!`, `!!`, `%`, `automagic`, `%%bash`, `get_ipython`, `capture`.
    public var via: String
    /// 1-based first line.
    public var line: Int
    /// 1-based last line.
    public var endLine: Int

    /// Creates an install fact.
    /// - Parameters:
    ///   - tool: The installer.
    ///   - action: Install or uninstall.
    ///   - packages: The package specs.
    ///   - requirementFiles: Requirement files named.
    ///   - command: The command as written.
    ///   - via: How it was written.
    ///   - line: 1-based first line.
    ///   - endLine: 1-based last line.
    public init(tool: Tool, action: Action, packages: [PackageSpec], requirementFiles: [String] = [],
                command: String, via: String, line: Int, endLine: Int) {
        self.tool = tool
        self.action = action
        self.packages = packages
        self.requirementFiles = requirementFiles
        self.command = command
        self.via = via
        self.line = line
        self.endLine = endLine
    }
}
