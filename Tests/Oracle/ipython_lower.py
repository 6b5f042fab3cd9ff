"""IPython's own lowering of notebook cells, shaped like nbship's `Lowering.lower`.

`lower_module(source)` runs `TransformerManager().transform_cell(source)` (IPython 8, the
code IPython runs before executing a cell) and post-processes the resulting AST the way
nbship lowers the IPython syntax:

- a statement `get_ipython().<method>(...)` becomes `pass`, except `run_line_magic` of
  `time`, `timeit`, `prun`, `debug` with literal arguments, which becomes the statement the
  magic runs (options removed, lowered again, as IPython's magics call `transform_cell`);
- an assignment from such a call keeps its targets: `x = ...`;
- a cell whose `%%magic` has a Python body (`%%time`, `%%capture`, `%%script python3`, …)
  is its body, lowered again; any other cell magic makes the cell non-Python (`None`);
- a one-line cell `pip install …` / `conda install …` (IPython's automagic) becomes `pass`.

CLI: reads `{"cells": [source, ...], "ours": [python-or-null, ...]}` (``ours`` optional) on
stdin and prints one JSON object per cell and line:
`{"kind": "python"|"non-python"|"error", "python_ast": ast.dump or null, "error": ...,
"ours_ast": ast.dump or null, "ours_error": ...}`.
"""

import ast
import json
import re
import sys
import warnings

from IPython.core.inputtransformer2 import (
    TransformerManager,
    classic_prompt,
    ipython_prompt,
    leading_empty_lines,
    leading_indent,
)

PYTHON_CELL_MAGICS = {"time", "timeit", "capture", "prun", "debug", "python", "python3"}
TIMING_VALUE_OPTIONS = {"time": set(), "timeit": set("nrp"), "prun": set("DlsT"), "debug": set()}
AUTOMAGIC_INSTALL = re.compile(r"^\s*(pip|pip3|conda|mamba)\s+(install|uninstall)\b")


def cell_magic_of(source):
    """The (name, arguments) of the cell's `%%magic`, as IPython's `cell_magic` reads it."""
    if not source.endswith("\n"):
        source += "\n"
    lines = source.splitlines(keepends=True)
    for transform in (leading_empty_lines, leading_indent, classic_prompt, ipython_prompt):
        lines = transform(lines)
    if not lines or not lines[0].startswith("%%") or re.match(r"%%\w+\?", lines[0]):
        return None
    name, _, first_line = lines[0][2:].rstrip().partition(" ")
    return name, first_line


def body_is_python(name, arguments):
    if name in PYTHON_CELL_MAGICS:
        return True
    if name == "script":
        words = [w for w in arguments.split(" ") if w and not w.startswith("-")]
        interpreter = words[0].split("/")[-1] if words else ""
        return interpreter == "python" or re.fullmatch(r"python3[0-9.]*", interpreter) is not None
    return False


def timing_statement(magic, arguments):
    """The statement a timing magic runs (getopt-style options removed), or None."""
    takes_value = TIMING_VALUE_OPTIONS.get(magic)
    if takes_value is None:
        return None
    if magic == "time":
        return arguments
    if magic == "debug":
        return None if arguments.lstrip(" \t").startswith("-") else arguments
    i, n = 0, len(arguments)

    def skip_space(i):
        while i < n and arguments[i].isspace():
            i += 1
        return i

    def word(i):
        start = i
        while i < n and not arguments[i].isspace():
            i += 1
        return arguments[start:i], i

    while True:
        i = skip_space(i)
        option, after = word(i)
        if not option.startswith("-") or option == "-":
            break
        i = after
        if option == "--":
            i = skip_space(i)
            break
        letters = option[1:]
        while letters:
            letter, letters = letters[0], letters[1:]
            if letter in takes_value:
                if not letters:
                    i = skip_space(i)
                    _, i = word(i)
                break
    return arguments[i:]


def ipython_call(node):
    """(method, args) when node is `get_ipython().method(...)`."""
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and isinstance(node.func.value, ast.Call)
        and isinstance(node.func.value.func, ast.Name)
        and node.func.value.func.id == "get_ipython"
        and not node.func.value.args
        and not node.func.value.keywords
    ):
        return node.func.attr, node.args
    return None


def fix_statement(statement):
    if isinstance(statement, ast.Expr):
        call = ipython_call(statement.value)
        if call is not None:
            method, args = call
            if (
                method == "run_line_magic"
                and len(args) == 2
                and all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in args)
            ):
                body = timing_statement(args[0].value, args[1].value)
                if body is not None:
                    inner = lower_module(body)
                    if inner is not None and inner.body:
                        return inner.body
            return [ast.Pass()]
    if isinstance(statement, (ast.Assign, ast.AnnAssign)) and statement.value is not None:
        if ipython_call(statement.value) is not None:
            statement.value = ast.Constant(value=Ellipsis)
    return [statement]


def fix_body(statements):
    result = []
    for statement in statements:
        for field in ("body", "orelse", "finalbody"):
            value = getattr(statement, field, None)
            if isinstance(value, list) and value and isinstance(value[0], ast.stmt):
                setattr(statement, field, fix_body(value))
        for handler in getattr(statement, "handlers", []) or []:
            handler.body = fix_body(handler.body)
        for case in getattr(statement, "cases", []) or []:
            case.body = fix_body(case.body)
        result.extend(fix_statement(statement))
    return result


def lower_module(source):
    """The lowered cell as an `ast.Module`, or None for a non-Python cell magic.

    Raises SyntaxError (or whatever IPython raises) when IPython's output is not Python.
    """
    magic = cell_magic_of(source)
    if magic is not None:
        name, arguments = magic
        if not body_is_python(name, arguments):
            return None
    text = TransformerManager().transform_cell(source)
    if len(text.splitlines()) == 1 and AUTOMAGIC_INSTALL.match(text):
        return ast.Module(body=[ast.Pass()], type_ignores=[])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        tree = ast.parse(text)
    if magic is not None:
        # The whole cell is one run_cell_magic(name, line, body) call: lower its body.
        call = ipython_call(tree.body[0].value)
        body = call[1][2].value
        return lower_module(body)
    tree.body = fix_body(tree.body)
    return tree


def lower(source):
    """The lowered cell as Python source (``ast.unparse``), or None for a non-Python cell."""
    tree = lower_module(source)
    if tree is None:
        return None
    return ast.unparse(ast.fix_missing_locations(tree))


def describe(source):
    try:
        tree = lower_module(source)
    except Exception as error:  # IPython or ast.parse failed: not comparable
        return {"kind": "error", "python_ast": None, "error": f"{type(error).__name__}: {error}"}
    if tree is None:
        return {"kind": "non-python", "python_ast": None}
    return {"kind": "python", "python_ast": ast.dump(tree)}


def dump_ours(python):
    if python is None:
        return {"ours_ast": None}
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return {"ours_ast": ast.dump(ast.parse(python))}
    except Exception as error:
        return {"ours_ast": None, "ours_error": f"{type(error).__name__}: {error}"}


def main():
    request = json.load(sys.stdin)
    cells = request["cells"]
    ours = request.get("ours")
    for index, source in enumerate(cells):
        result = describe(source)
        if ours is not None:
            result.update(dump_ours(ours[index]))
        sys.stdout.write(json.dumps(result) + "\n")


if __name__ == "__main__":
    main()
