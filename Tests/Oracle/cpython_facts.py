#!/usr/bin/env python3
"""CPython oracle for nbship's Python analyser.

Reads JSON {"cells": [source, ...]} on stdin and prints JSON {"results": [...]}, one entry
per cell, computed independently with CPython's own `ast` and `symtable`:

  {"ok": true, "imports": [[module, name, alias], ...], "defines": [...], "reads": [...]}
  {"ok": false, "error": {"line": int, "column": int, "msg": str}}

Definitions (the same ones the Swift analyser implements):
  imports  every Import/ImportFrom anywhere, in (lineno, col_offset) order, one entry per
           alias; module has leading dots for relative imports; name is None for `import x`.
  defines  module-table symbols that are assigned or imported, plus symbols of nested tables
           that are declared global and assigned or imported there.
  reads    module-table symbols that are referenced, plus symbols of nested tables that are
           global (implicit or explicit) and referenced.
"""
import ast
import json
import symtable
import sys
import warnings


def resolves_global(symbol):
    """Whether the symbol's scope is GLOBAL_IMPLICIT or GLOBAL_EXPLICIT.

    `Symbol.is_global()` in Python 3.11 also calls every bound name of a table *named* "top"
    global (it mistakes a function called `top` for the module), so read the scope itself.
    """
    scope = getattr(symbol, "_Symbol__scope", None)
    if scope is None:
        return symbol.is_global()
    return scope in (symtable.GLOBAL_IMPLICIT, symtable.GLOBAL_EXPLICIT)


def walk_tables(table):
    yield table
    for child in table.get_children():
        yield from walk_tables(child)


def facts(source):
    try:
        tree = ast.parse(source, "<cell>", "exec")
        top = symtable.symtable(source, "<cell>", "exec")
    except SyntaxError as error:
        return {"ok": False, "error": {"line": error.lineno or 0, "column": error.offset or 0,
                                       "msg": error.msg}}
    except (ValueError, RecursionError, MemoryError) as error:
        return {"ok": False, "error": {"line": 0, "column": 0, "msg": str(error)}}

    nodes = [n for n in ast.walk(tree) if isinstance(n, (ast.Import, ast.ImportFrom))]
    nodes.sort(key=lambda n: (n.lineno, n.col_offset))
    imports = []
    for node in nodes:
        if isinstance(node, ast.Import):
            for alias in node.names:
                imports.append([alias.name, None, alias.asname])
        else:
            module = "." * node.level + (node.module or "")
            for alias in node.names:
                imports.append([module, alias.name, alias.asname])

    defines, reads = set(), set()
    for table in walk_tables(top):
        is_module = table.get_type() == "module"
        for symbol in table.get_symbols():
            name = symbol.get_name()
            bound = symbol.is_assigned() or symbol.is_imported()
            if is_module:
                if bound:
                    defines.add(name)
                if symbol.is_referenced():
                    reads.add(name)
            else:
                if symbol.is_declared_global() and bound:
                    defines.add(name)
                if resolves_global(symbol) and symbol.is_referenced():
                    reads.add(name)
    return {"ok": True, "imports": imports, "defines": sorted(defines), "reads": sorted(reads)}


def main():
    warnings.simplefilter("ignore")
    request = json.load(sys.stdin)
    results = [facts(source) for source in request["cells"]]
    json.dump({"results": results}, sys.stdout)


if __name__ == "__main__":
    main()
