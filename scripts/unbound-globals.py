"""Reports every global name a Python module reads that nothing binds.

    python3 scripts/unbound-globals.py FILE.py...

CPython's own `symtable` decides scopes: a name read in any block (the module, a function, a
class body, a comprehension, a lambda) that resolves global must be imported, a builtin, a
module attribute (`__file__`), or bound at module level (assigned, defined, imported, or
declared `global` and assigned in a function). A parameter or local is not global, so it never
counts. Names a `from m import *` brings are found by importing `m` (its `__all__`, else its
public names).

Prints `path:line:col: unbound global NAME` for each (the first place it is read) and exits 1
when there is any, 0 when there is none, 2 when a file cannot be read or parsed.
"""
import ast
import builtins
import importlib
import symtable
import sys
import types

MODULE_ATTRIBUTES = set(dir(types.ModuleType("m"))) | {"__file__", "__cached__", "__builtins__", "__path__"}


def tables(table):
    yield table
    for child in table.get_children():
        yield from tables(child)


def star_names(module):
    try:
        imported = importlib.import_module(module)
    except Exception as error:  # noqa: BLE001 - any failure means the names are unknown
        return None, f"{type(error).__name__}: {error}"
    names = getattr(imported, "__all__", None)
    if names is None:
        names = [name for name in dir(imported) if not name.startswith("_")]
    return set(names), None


def bound_at_module_level(tree, top):
    """Names the module binds: its own table's bindings plus `global` names assigned in functions."""
    names = {
        symbol.get_name()
        for symbol in top.get_symbols()
        if symbol.is_assigned() or symbol.is_imported() or symbol.is_namespace()
    }
    for table in tables(top):
        for symbol in table.get_symbols():
            if table is not top and symbol.is_declared_global() and symbol.is_assigned():
                names.add(symbol.get_name())
    problems = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and any(alias.name == "*" for alias in node.names):
            module = "." * node.level + (node.module or "")
            found, why = star_names(module) if node.level == 0 else (None, "relative star import")
            if found is None:
                problems.append((node.lineno, node.col_offset + 1, f"cannot list the names of `from {module} import *` ({why})"))
            else:
                names |= found
    return names, problems


def first_read(tree, name):
    places = [
        (node.lineno, node.col_offset + 1)
        for node in ast.walk(tree)
        if isinstance(node, ast.Name) and node.id == name and isinstance(node.ctx, ast.Load)
    ]
    return min(places, default=(1, 1))


def check(path):
    try:
        with open(path, encoding="utf-8") as handle:
            source = handle.read()
        tree = ast.parse(source, path)
        top = symtable.symtable(source, path, "exec")
    except (OSError, SyntaxError, ValueError) as error:
        print(f"{path}: error: {error}", file=sys.stderr)
        return None
    bound, findings = bound_at_module_level(tree, top)
    known = bound | set(dir(builtins)) | MODULE_ATTRIBUTES
    unbound = set()
    for table in tables(top):
        for symbol in table.get_symbols():
            if not symbol.is_referenced():
                continue
            resolves_global = symbol.is_global() or (table is top and not symbol.is_assigned() and not symbol.is_imported())
            if resolves_global and symbol.get_name() not in known:
                unbound.add(symbol.get_name())
    for name in unbound:
        line, column = first_read(tree, name)
        findings.append((line, column, f"unbound global {name}"))
    return [f"{path}:{line}:{column}: {message}" for line, column, message in sorted(findings)]


def main(paths):
    if not paths:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    status = 0
    for path in paths:
        findings = check(path)
        if findings is None:
            status = 2
            continue
        for line in findings:
            print(line)
        if findings and status == 0:
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
