/// Namespace for the Python tokenizer, parser and name analysis.
public enum PythonSyntax {}
