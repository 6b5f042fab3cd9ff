/// Cells made by combining IPython constructs, Python statements, strings, brackets,
/// continuations, prompts and odd whitespace at random (seeded, so every run tests the same
/// cells), to exercise the token-by-token decisions of the lowering against IPython.
enum LoweringCombinations {
    static let fragments: [String] = [
        "if x: get_ipython().system('ls')",
        "else: get_ipython().run_line_magic('time', 'q = 2')",
        "for i in r: r2 = get_ipython().getoutput('ls')",
        "with a: get_ipython().system('x'); y = 1",
        "def h(): get_ipython().run_line_magic('matplotlib', 'inline')",
        "if {'a': 1}: get_ipython().system('ls')",
        "while f(lambda: 1): get_ipython().system('ls')",
        "%matplotlib inline",
        "%time x = 1",
        "%timeit -n 3 f(1)",
        "!ls",
        "!!ls",
        "x = !ls",
        "y = %sx ls",
        "obj?",
        "obj.attr??",
        "?obj",
        "%pinfo x",
        "x = 1",
        "print(x)",
        "if x:",
        "    pass",
        "    !ls",
        "    y = 2",
        "    %time z = 3",
        "else:",
        "def f():",
        "    return 1",
        "s = '!ls'",
        "t = \"obj?\"",
        "u = '''",
        "!ls in string",
        "'''",
        "v = (1,",
        "     2)",
        "w = [",
        "!ls",
        "]",
        "a = 1 \\",
        "  + 2",
        "!echo a \\",
        "  b",
        "%cd \\",
        "  dir",
        "# comment ?",
        "x = 1  # ?",
        "print(1)?",
        "%%time",
        "%%bash",
        "%%capture out",
        ">>> x = 1",
        "... y = 2",
        "In [1]: z = 3",
        "   ...: w = 4",
        "pip install pandas",
        "!pip install -q numpy",
        "%pip install scipy",
        "get_ipython().system('ls')",
        "r = get_ipython().getoutput('ls')",
        "get_ipython().run_line_magic('time', 'k = 1')",
        "/print 1 2",
        ",print a b",
        ";print a",
        "x == !ls",
        "a = b = %ls",
        "  x = 1",
        "\tx = 2",
        "",
        "   ",
        "f(a=1)?",
        "x = 'unterminated",
        "y = \"\"\"doc",
        "doc\"\"\"",
        "%%time?",
        "x = %time 1",
        "lambda: 1",
        "class A:",
        "    %matplotlib inline",
        "for i in r:",
        "    a = !ls {i}",
        "try:",
        "except:",
        "finally:",
        "x = {",
        "'k': 1}",
        "%",
        "!",
        "?",
        "??",
        "x?y",
        "!{sys.executable} -m pip install xgboost",
        "%env A=1",
        "%%writefile a.py",
        "%%script python3",
        "%%python",
        "%%timeit -n 1 import os",
        "x = f(",
        "  a?",
        "with open(f) as h:",
        "    d = !cat f",
        "%time %time q = 1",
        "%debug f()",
        "%prun -s time g()",
        "x: int = !ls",
        "a, b = !echo 1 2",
        "nb = %who_ls",
        "get_ipython().run_line_magic('matplotlib', 'inline'); x = 1",
        "x = 1; !ls",
        "if x: !ls",
        "\\",
        "x = 1 \\",
        "%%!",
        "[1,",
        "2]; a?",
        "f'{x!r}'",
        "x != y",
        "10 % 3",
        "'%d' % 3",
        "%ls -la # c",
        "b'!'",
        "rb'''x",
        "'''",
        "\u{e9} = 1",
        "x = '\u{e9}!'",
        "\u{e9}?",
        "na\u{ef}ve = !ls",
        "x = 1\u{c}",
        "x = '\\\\'",
        "x = 'a\\",
        "b'",
        "x = 0x_1f",
        "1_000j",
        "1.e5",
        "...",
        "x[0]?",
        "a.b[-1].c??",
        "    %%time",
        "\t!ls",
        "\tx = 1",
        "%%capture",
        "In [2]: %time x = 1",
        "x = (!ls)",
        "x = [%ls]",
        "print(f'{!ls}')",
        "%%time -n",
        "%timeit",
        "%timeit -o",
        "x = %timeit -q -o f()",
        "async def g():",
        "    await h()",
        "@dec",
        "def k(): pass",
        "get_ipython().run_cell_magic('time', '', 'x = 1')",
        "get_ipython().run_line_magic('prun', '-s time f()')",
        "r = get_ipython().system(\n    'ls')",
    ]

    /// SplitMix64: a tiny deterministic generator.
    struct Generator {
        var state: UInt64

        mutating func next(below bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            z ^= z >> 31
            return Int(z % UInt64(bound))
        }
    }

    /// `count` cells of one to four fragments joined by `\n` (sometimes `\r\n` or `\r`).
    static func cells(count: Int, seed: UInt64) -> [String] {
        var generator = Generator(state: seed)
        let separators = ["\n", "\n", "\n", "\n", "\r\n", "\r"]
        let endings = ["", "\n", "\n\n"]
        return (0..<count).map { _ in
            let separator = separators[generator.next(below: separators.count)]
            let parts = (0...generator.next(below: 4)).map { _ in fragments[generator.next(below: fragments.count)] }
            return parts.joined(separator: separator) + endings[generator.next(below: endings.count)]
        }
    }

    /// Pieces for character soup: IPython escapes, quotes, brackets, prompts, and every line
    /// break `str.splitlines` knows but CPython does not.
    static let soupPieces: [String] = [
        "%", "%%", "!", "!!", "?", "??", "\\", "'", "\"", "'''", "\"\"\"", "(", ")", "[", "]", "{", "}", ":", ";", "=",
        "#", "\n", "\r", "\r\n", "\t", " ", "  ", "\u{0C}", "\u{0B}", "\u{85}", "\u{2028}", "x", "get_ipython", "().",
        "system", "run_line_magic", "time", "timeit", "pip", "install", "-n", "1", ".", ",", "/", ">>> ", "... ",
        "In [1]: ", "é", "0x", "1e", "f'", "rb'", "if", "else", "def", "lambda", "$", "`", "@", "*", "-", "bash",
        "capture", "script", "python3",
    ]

    /// `count` short random strings of soup pieces.
    static func soup(count: Int, seed: UInt64) -> [String] {
        var generator = Generator(state: seed)
        return (0..<count).map { _ in
            (0..<generator.next(below: 12)).map { _ in soupPieces[generator.next(below: soupPieces.count)] }.joined()
        }
    }
}
