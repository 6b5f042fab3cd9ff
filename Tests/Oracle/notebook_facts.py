#!/usr/bin/env python3
"""Notebook-level CPython oracle: the facts `nbship plan` must report, computed with IPython,
`ast` and `symtable` only.

Reads JSON {"notebooks": [path, ...]} on stdin; prints {"notebooks": {path: [cell, ...]}}
with one entry per cell of the notebook (cells read with nbformat, independently of nbship):

  {"index": i, "type": "markdown"}                          not a code cell
  {"index": i, "type": "code", "kind": "non-python"}        a cell magic whose body is not Python
  {"index": i, "type": "code", "kind": "error", "error": …} IPython's lowering is not Python
  {"index": i, "type": "code", "kind": "python", "imports": …, "defines": …, "reads": …}

Each code cell is lowered with IPython's TransformerManager (ipython_lower.lower), then
analysed by cpython_facts.facts. Reads then lose builtins, unless this cell or an earlier
one defines that name — the notebook-level rule of nbship's analyse stage.
"""
import builtins
import json
import os
import sys
import warnings

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import nbformat  # noqa: E402
import cpython_facts  # noqa: E402
import ipython_lower  # noqa: E402

BUILTINS = set(dir(builtins))


def notebook_facts(path):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        notebook = nbformat.read(path, as_version=4)
    defined = set()
    cells = []
    for index, cell in enumerate(notebook.cells):
        entry = {"index": index, "type": cell.cell_type}
        cells.append(entry)
        if cell.cell_type != "code":
            continue
        try:
            python = ipython_lower.lower(cell.source)
        except Exception as error:  # IPython's own output is not Python
            entry.update(kind="error", error=f"{type(error).__name__}: {error}")
            continue
        if python is None:
            entry["kind"] = "non-python"
            continue
        result = cpython_facts.facts(python)
        if not result["ok"]:
            entry.update(kind="error", error=result["error"])
            continue
        own = set(result["defines"])
        visible = defined | own
        entry.update(kind="python", imports=result["imports"], defines=result["defines"],
                     reads=[name for name in result["reads"] if name not in BUILTINS or name in visible])
        defined |= own
    return cells


def main():
    warnings.simplefilter("ignore")
    request = json.load(sys.stdin)
    json.dump({"notebooks": {path: notebook_facts(path) for path in request["notebooks"]}}, sys.stdout)


if __name__ == "__main__":
    main()
