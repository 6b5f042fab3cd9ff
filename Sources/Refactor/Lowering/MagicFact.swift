/// One piece of IPython syntax found in a cell, as a typed value.
///
/// Encoded as a JSON object with a stable `kind` (`line-magic`, `cell-magic`, `shell`,
/// `shell-capture`, `magic-capture`, `help`, `install`, `ipython-call`) next to the payload's
/// own fields.
public enum MagicFact: Sendable, Equatable {
    /// `%name args` as a statement.
    case lineMagic(LineMagic)
    /// `%%name args` on the first line of the cell.
    case cellMagic(CellMagic)
    /// `!cmd`, `!!cmd`, `%sx cmd`, `%system cmd` as a statement.
    case shell(ShellCommand)
    /// `x = !cmd`.
    case shellCapture(CapturedOutput)
    /// `x = %magic args` (e.g. `x = %sx ls`, `t = %timeit -o f()`).
    case magicCapture(CapturedOutput)
    /// `obj?`, `obj??`, `?obj`, `%pinfo obj`.
    case help(HelpRequest)
    /// A pip or conda install or uninstall.
    case install(PackageInstall)
    /// A user-written `get_ipython().method(...)` statement, or an autocall line.
    case ipythonCall(IPythonCall)

    /// The stable kind string used in JSON.
    public var kind: String {
        switch self {
        case .lineMagic: "line-magic"
        case .cellMagic: "cell-magic"
        case .shell: "shell"
        case .shellCapture: "shell-capture"
        case .magicCapture: "magic-capture"
        case .help: "help"
        case .install: "install"
        case .ipythonCall: "ipython-call"
        }
    }

    /// The 1-based first line of the construct.
    public var line: Int {
        switch self {
        case .lineMagic(let fact): fact.line
        case .cellMagic(let fact): fact.line
        case .shell(let fact): fact.line
        case .shellCapture(let fact), .magicCapture(let fact): fact.line
        case .help(let fact): fact.line
        case .install(let fact): fact.line
        case .ipythonCall(let fact): fact.line
        }
    }

    /// The 1-based last line of the construct (the cell's `%%` line for a cell magic).
    public var endLine: Int {
        switch self {
        case .lineMagic(let fact): fact.endLine
        case .cellMagic(let fact): fact.line
        case .shell(let fact): fact.endLine
        case .shellCapture(let fact), .magicCapture(let fact): fact.endLine
        case .help(let fact): fact.endLine
        case .install(let fact): fact.endLine
        case .ipythonCall(let fact): fact.endLine
        }
    }
}
