import Testing
@testable import PythonSyntax

/// `mutates` and `calls` have no CPython oracle: hand-written expectations.
@Suite struct FactTables {
    struct Case: Sendable, CustomTestStringConvertible {
        var source: String
        var expected: [String]
        var testDescription: String { source.debugDescription }
    }

    static let mutationCases: [Case] = [
        Case(source: "df['c'] = 1\n", expected: ["df"]),
        Case(source: "obj.x = 1\n", expected: ["obj"]),
        Case(source: "a[0][1] = 2\n", expected: ["a"]),
        Case(source: "a.b[0].c = 2\n", expected: ["a"]),
        Case(source: "a[0], b.x = 1, 2\n", expected: ["a", "b"]),
        Case(source: "counts['k'] += 1\nobj.total -= 2\n", expected: ["counts", "obj"]),
        Case(source: "x += 1\n", expected: []),
        Case(source: "del d[k]\ndel o.attr\ndel plain\n", expected: ["d", "o"]),
        Case(source: "xs.append(1)\nys.extend(z)\ns.add(1)\nm.update(n)\n", expected: ["m", "s", "xs", "ys"]),
        Case(source: "model.fit(X, y)\nscaler.fit_transform(X)\nnet.load_state_dict(sd)\nnet.train()\nkeras_model.compile(opt)\n", expected: ["keras_model", "model", "net", "scaler"]),
        Case(source: "df.dropna(inplace=True)\ndf2['a'].fillna(0, inplace=True)\ndf3.col.replace(1, 2, inplace=True)\ndf4.sort_values('a', inplace=False)\n", expected: ["df", "df2", "df3"]),
        Case(source: "random.shuffle(deck)\nnp.random.shuffle(arr)\nrandom.shuffle(f(x))\n", expected: ["arr", "deck"]),
        Case(source: "np.append(a, 1)\nre.compile('x')\nos.remove(p)\n", expected: []),
        Case(source: "import collections as cs\ncs.update()\n", expected: []),
        Case(source: "sys.path.append('..')\n", expected: ["sys"]),
        Case(source: "def f():\n    df['c'] = 1\n    local = []\n    local.append(1)\n    items.append(2)\n", expected: ["df", "items"]),
        Case(source: "def f(param):\n    param.append(1)\n    param['k'] = 2\n", expected: []),
        Case(source: "def f():\n    global g\n    g = []\n    g.append(1)\n", expected: ["g"]),
        Case(source: "class C:\n    def m(self):\n        self.x = 1\n        registry[self] = 1\n", expected: ["registry"]),
        Case(source: "[xs.append(i) for i in range(3)]\n", expected: ["xs"]),
        Case(source: "f().append(1)\nget()['k'] = 1\n", expected: []),
    ]

    @Test(arguments: mutationCases)
    func mutates(_ testCase: Case) {
        let analysis = PythonAnalyzer.analyze(testCase.source)
        #expect(analysis.diagnostics.isEmpty)
        #expect(analysis.facts.mutates == testCase.expected)
    }

    static let callCases: [Case] = [
        Case(source: "df = pd.read_csv('x.csv')\n", expected: ["pd.read_csv"]),
        Case(source: "print(len(xs))\n", expected: ["len", "print"]),
        Case(source: "np.random.seed(0)\nmodel.fit(X).predict(Y)\n", expected: ["model.fit", "np.random.seed"]),
        Case(source: "get()()\nfuncs[0](1)\n(lambda: 1)()\n", expected: ["get"]),
        Case(source: "def f():\n    return helper(inner.call())\n@deco(arg)\ndef g(): pass\n", expected: ["deco", "helper", "inner.call"]),
        Case(source: "x = [str(i) for i in range(3)]\ny = f'{fmt(x)}'\n", expected: ["fmt", "range", "str"]),
        Case(source: "print(1); print(2)\n", expected: ["print"]),
    ]

    @Test(arguments: callCases)
    func calls(_ testCase: Case) {
        let analysis = PythonAnalyzer.analyze(testCase.source)
        #expect(analysis.diagnostics.isEmpty)
        #expect(analysis.facts.calls == testCase.expected)
    }

    @Test func factsPerTopLevelStatement() throws {
        let source = "import numpy as np\n\n@register\ndef load(path):\n    return np.load(path)\n\ndata = load(p); data['x'] = 1\n"
        let analysis = PythonAnalyzer.analyze(source)
        try #require(analysis.statements.count == 4)
        let function = analysis.statements[1]
        #expect(function.range.start.line == 3)
        #expect(function.range.end.line == 5)
        #expect(function.facts.defines == ["load"])
        #expect(function.facts.reads == ["np", "register"])
        #expect(function.facts.calls == ["np.load"])
        #expect(analysis.statements[0].facts.imports == [ImportFact(module: "numpy", alias: "np")])
        #expect(analysis.statements[2].facts.defines == ["data"])
        #expect(analysis.statements[2].range.start.line == 7)
        #expect(analysis.statements[3].facts.mutates == ["data"])
        #expect(analysis.statements[3].range.start.column == 17)
    }
}
