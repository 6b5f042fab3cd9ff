import Testing
@testable import PythonSyntax

/// Python 3.12-only syntax (PEP 695 type parameters and aliases, PEP 701 f-strings), which
/// the local CPython 3.11 cannot check: hand-written expectations.
@Suite struct ModernSyntaxTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var source: String
        var defines: [String]
        var reads: [String]
        var testDescription: String { source.debugDescription }
    }

    static let cases: [Case] = [
        Case(source: "type Alias = list[int]\n", defines: ["Alias"], reads: ["int", "list"]),
        Case(source: "type Pair[T] = tuple[T, T]\n", defines: ["Pair"], reads: ["tuple"]),
        Case(source: "type Rec[T: Bound, *Ts, **P] = Callable[P, T] | Other\n", defines: ["Rec"], reads: ["Bound", "Callable", "Other"]),
        Case(source: "def first[T](xs: list[T], d: T = fallback) -> T:\n    return xs[0] if xs else d\n", defines: ["first"], reads: ["fallback", "list"]),
        Case(source: "def bounded[T: (int, str)](x: T) -> T:\n    return helper(x)\n", defines: ["bounded"], reads: ["helper", "int", "str"]),
        Case(source: "@deco\nclass Box[T](Base[T], metaclass=Meta):\n    item: T\n    def get(self) -> T:\n        return self.item\n", defines: ["Box"], reads: ["Base", "Meta", "deco"]),
        Case(source: "s = f\"{\"nested\"} {x:{width}} {'\\n'.join(lines)}\"\n", defines: ["s"], reads: ["lines", "width", "x"]),
        Case(source: "s = f'{f'{f'{deep}'}'}'\n", defines: ["s"], reads: ["deep"]),
        Case(source: "s = f\"\"\"{\n    a  # a comment inside a field\n    + b\n}\"\"\"\n", defines: ["s"], reads: ["a", "b"]),
        Case(source: "type = 1\ntype(x)\n", defines: ["type"], reads: ["type", "x"]),
    ]

    @Test(arguments: cases)
    func analyses(_ testCase: Case) {
        let analysis = PythonAnalyzer.analyze(testCase.source)
        #expect(analysis.diagnostics.isEmpty, "\(analysis.diagnostics)")
        #expect(analysis.facts.defines == testCase.defines)
        #expect(analysis.facts.reads == testCase.reads)
    }

    @Test func typeAliasIsAStatementWithParameters() throws {
        let module = try #require(PythonAnalyzer.analyze("type Pair[T] = tuple[T, T]\n").module)
        guard case .typeAlias(let name, let parameters, _) = try #require(module.body.first).kind else {
            Issue.record("expected a type alias")
            return
        }
        #expect(name.kind == .name("Pair", context: .store))
        #expect(parameters.map(\.name) == ["T"])
    }

    @Test func fStringKeepsFieldsAndConversions() throws {
        let module = try #require(PythonAnalyzer.analyze("f'a{b!r:>{c}}d'\n").module)
        guard case .expression(let expression) = try #require(module.body.first).kind,
              case .joinedString(let parts) = expression.kind else {
            Issue.record("expected an f-string")
            return
        }
        #expect(parts.count == 3)
        guard case .formattedValue(let value, let conversion, let spec) = parts[1].kind else {
            Issue.record("expected a replacement field")
            return
        }
        #expect(value.kind == .name("b", context: .load))
        #expect(conversion == "r")
        #expect(spec != nil)
    }
}
