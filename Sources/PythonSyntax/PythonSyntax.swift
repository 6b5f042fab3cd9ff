/// Namespace for the Python tokenizer, parser and name analysis.
///
/// The pipeline inside this target: ``Tokenizer`` (Python 3.12 lexical grammar, PEP 701
/// f-strings) → `Parser` (recursive descent, an AST of ``Statement`` and ``Expression`` with
/// source ranges) → `SymbolTableBuilder` (a port of CPython's `symtable.c`) → ``CellFacts``.
/// The entry point is ``PythonAnalyzer/analyze(_:)``.
public enum PythonSyntax {}
