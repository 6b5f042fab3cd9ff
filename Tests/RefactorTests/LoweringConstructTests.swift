import Refactor
import Testing

/// One construct: the cell, the Python it lowers to, and the kinds of facts recorded.
struct LoweringCase: CustomTestStringConvertible, Sendable {
    var source: String
    var python: String?
    var kinds: [String]
    var testDescription: String { String(reflecting: source) }
}

@Suite("Lowering: each IPython construct")
struct LoweringConstructTests {
    static let cases: [LoweringCase] = [
        // Line magics become `pass` at the same indentation.
        .init(source: "%matplotlib inline\nimport numpy as np", python: "pass\nimport numpy as np", kinds: ["line-magic"]),
        .init(source: "%load_ext autoreload\n%autoreload 2", python: "pass\npass", kinds: ["line-magic", "line-magic"]),
        .init(source: "if x:\n    %env A=1\nelse:\n    %cd /tmp", python: "if x:\n    pass\nelse:\n    pass",
              kinds: ["line-magic", "line-magic"]),
        // Shell commands.
        .init(source: "!ls -la\n!!date", python: "pass\npass", kinds: ["shell", "shell"]),
        .init(source: "if x:\n    !ls", python: "if x:\n    pass", kinds: ["shell"]),
        .init(source: "!echo a \\\n  b\ny = 1", python: "pass\n\ny = 1", kinds: ["shell"]),
        // Captures keep their targets.
        .init(source: "files = !ls *.csv", python: "files = ...", kinds: ["shell-capture"]),
        .init(source: "a, b = !echo 1 2", python: "a, b = ...", kinds: ["shell-capture"]),
        .init(source: "x = %sx ls", python: "x = ...", kinds: ["magic-capture"]),
        .init(source: "t = %timeit -o f()", python: "t = ...", kinds: ["magic-capture"]),
        .init(source: "n: list = !ls", python: "n: list = ...", kinds: ["shell-capture"]),
        // Help.
        .init(source: "np.mean?", python: "pass", kinds: ["help"]),
        .init(source: "np.mean??\n?np.std\n%pinfo np.var", python: "pass\npass\npass", kinds: ["help", "help", "help"]),
        .init(source: "%timeit?", python: "pass", kinds: ["help"]),
        // Timing magics keep the statement they run.
        .init(source: "%time x = f(1)", python: "x = f(1)", kinds: ["line-magic"]),
        .init(source: "%timeit -n 10 -r 3 f(2)", python: "f(2)", kinds: ["line-magic"]),
        .init(source: "%timeit -n10 g()", python: "g()", kinds: ["line-magic"]),
        .init(source: "%prun -s cumulative h()", python: "h()", kinds: ["line-magic"]),
        .init(source: "%debug k()", python: "k()", kinds: ["line-magic"]),
        .init(source: "%time", python: "pass", kinds: ["line-magic"]),
        .init(source: "for i in r:\n    %time y = i", python: "for i in r:\n    y = i", kinds: ["line-magic"]),
        // Python-body cell magics: the `%%` line becomes blank, the body stays.
        .init(source: "%%time\nx = 1\ny = 2", python: "\nx = 1\ny = 2", kinds: ["cell-magic"]),
        .init(source: "%%capture out\nprint(1)", python: "\nprint(1)", kinds: ["cell-magic"]),
        .init(source: "%%timeit\nf()", python: "\nf()", kinds: ["cell-magic"]),
        .init(source: "%%script python3\nimport os", python: "\nimport os", kinds: ["cell-magic"]),
        .init(source: "%%python3\nprint(2)", python: "\nprint(2)", kinds: ["cell-magic"]),
        .init(source: "%%time\n!ls\nx = 1", python: "\npass\nx = 1", kinds: ["cell-magic", "shell"]),
        // Non-Python cells.
        .init(source: "%%bash\nls", python: nil, kinds: ["cell-magic"]),
        .init(source: "%%html\n<b>x</b>", python: nil, kinds: ["cell-magic"]),
        .init(source: "%%R\nplot(1)", python: nil, kinds: ["cell-magic"]),
        .init(source: "%%sql\nSELECT 1", python: nil, kinds: ["cell-magic"]),
        .init(source: "%%script bash\nls", python: nil, kinds: ["cell-magic"]),
        .init(source: "%%writefile a.py\nx = 1", python: nil, kinds: ["cell-magic"]),
        .init(source: "%%bash\npip install pandas", python: nil, kinds: ["cell-magic", "install"]),
        // Installs.
        .init(source: "!pip install pandas", python: "pass", kinds: ["install"]),
        .init(source: "%pip install pandas", python: "pass", kinds: ["install"]),
        .init(source: "import sys\n!{sys.executable} -m pip install x", python: "import sys\npass", kinds: ["install"]),
        .init(source: "!python -m pip install x", python: "pass", kinds: ["install"]),
        .init(source: "%conda install numpy", python: "pass", kinds: ["install"]),
        .init(source: "!conda install -y numpy", python: "pass", kinds: ["install"]),
        .init(source: "pip install pandas", python: "pass", kinds: ["install"]),
        .init(source: "pip uninstall -y torch", python: "pass", kinds: ["install"]),
        .init(source: "!pip list", python: "pass", kinds: ["shell"]),
        // get_ipython() calls written by the user.
        .init(source: "get_ipython().run_line_magic('matplotlib', 'inline')", python: "pass", kinds: ["line-magic"]),
        .init(source: "get_ipython().system('ls')", python: "pass", kinds: ["ipython-call"]),
        .init(source: "out = get_ipython().getoutput('ls')", python: "out = ...", kinds: ["ipython-call"]),
        .init(source: "get_ipython().run_line_magic('time', 'x = 1')", python: "x = 1", kinds: ["line-magic"]),
        .init(source: "get_ipython().run_line_magic(\n    'matplotlib',\n    'inline')\nx = 1", python: "pass\n\n\nx = 1",
              kinds: ["line-magic"]),
        .init(source: "a = 1; get_ipython().system('ls'); b = 2", python: "a = 1; pass; b = 2", kinds: ["ipython-call"]),
        .init(source: "print(get_ipython())", python: "print(get_ipython())", kinds: []),
        .init(source: "if x: get_ipython().system('ls')", python: "if x: pass", kinds: ["ipython-call"]),
        .init(source: "for i in r: out = get_ipython().getoutput('ls')", python: "for i in r: out = ...", kinds: ["ipython-call"]),
        // Cleanup as IPython does it: leading indent and prompts.
        .init(source: "  x = 1\n  y = 2", python: "x = 1\ny = 2", kinds: []),
        .init(source: ">>> x = 1\n>>> y = x", python: "x = 1\ny = x", kinds: []),
        .init(source: "In [1]: x = 1\n   ...: y = 2", python: "x = 1\ny = 2", kinds: []),
        // Not IPython syntax: untouched.
        .init(source: "s = '!ls'\n# %matplotlib inline\nz = 10 % 3", python: "s = '!ls'\n# %matplotlib inline\nz = 10 % 3", kinds: []),
        .init(source: "doc = \"\"\"\n%magic\n!shell\nobj?\n\"\"\"", python: "doc = \"\"\"\n%magic\n!shell\nobj?\n\"\"\"", kinds: []),
        .init(source: "ls", python: "ls", kinds: []),
        .init(source: "x != y", python: "x != y", kinds: []),
        .init(source: "", python: "", kinds: []),
    ]

    @Test("lowers to the expected Python and records the expected facts", arguments: cases)
    func lowers(_ example: LoweringCase) {
        let lowered = Lowering.lower(example.source)
        #expect(lowered.python == example.python)
        #expect(lowered.magics.map(\.kind) == example.kinds)
    }

    @Test("facts carry the construct's details and 1-based lines")
    func factDetails() throws {
        let lowered = Lowering.lower("import os\n%matplotlib inline\nfiles = !ls data \\\n  more\nnp.mean??")
        try #require(lowered.magics.count == 3)
        #expect(lowered.magics[0] == .lineMagic(LineMagic(name: "matplotlib", arguments: "inline", line: 2, endLine: 2)))
        #expect(lowered.magics[1] == .shellCapture(CapturedOutput(targets: ["files"], command: "ls data    more", line: 3, endLine: 4)))
        #expect(lowered.magics[2] == .help(HelpRequest(target: "np.mean", detailed: true, line: 5, endLine: 5)))
    }

    @Test("the cell magic is reported with its language and what it defines")
    func cellMagicFact() {
        let capture = Lowering.lower("%%capture out --no-stderr\nprint(1)")
        #expect(capture.cellMagic == CellMagic(name: "capture", arguments: "out --no-stderr", bodyIsPython: true,
                                               language: "python", defines: ["out"], line: 1))
        let bash = Lowering.lower("\n%%script bash -e\nls")
        #expect(bash.cellMagic == CellMagic(name: "script", arguments: "bash -e", bodyIsPython: false, language: "bash", line: 2))
        #expect(Lowering.lower("%%R -w 400\nplot(1)").cellMagic?.language == "r")
        #expect(Lowering.lower("%%js\nx").cellMagic?.language == "javascript")
        #expect(Lowering.lower("x = 1\n%%time").cellMagic == nil)
    }
}
