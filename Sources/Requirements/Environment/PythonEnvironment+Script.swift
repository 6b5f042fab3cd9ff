extension PythonEnvironment {
    /// The script run by the interpreter: argument 1 is the JSON ``EnvironmentQuery``; it
    /// prints one JSON object `{python, versions, providers}` (or `{error}`), and works on
    /// Python 3.8 and later. It reads installed metadata only: no network, no imports of the
    /// packages themselves. The current directory is removed from `sys.path` so that files
    /// next to the notebook do not count as installed.
    static let script = #"""
import csv, json, os, re, sys
sys.path[:] = [p for p in sys.path if p not in ("", ".", os.getcwd())]
try:
    import importlib.metadata as md
except ImportError:
    print(json.dumps({"error": "importlib.metadata needs python 3.8 or newer", "versions": {}, "providers": {}}))
    sys.exit(0)
query = json.loads(sys.argv[1])
norm = lambda s: re.sub(r"[-_.]+", "-", s).lower()
dists = []
for d in md.distributions():
    name = d.metadata["Name"] if d.metadata else None
    if name:
        dists.append((norm(name), d))
installed = {}
for n, d in dists:
    installed.setdefault(n, d.version)   # the first on sys.path wins, as for imports
versions = {n: installed[norm(n)] for n in query["distributions"] if norm(n) in installed}
wanted = set()
for m in query["modules"]:
    parts = m.split(".")
    for k in range(1, len(parts) + 1):
        wanted.add(".".join(parts[:k]))
owners = {}
def add(module, n):
    if module in wanted:
        owners.setdefault(module, set()).add(n)
suffixes = (".py", ".pyc", ".so", ".pyd")
tops = {m.split(".")[0] for m in wanted}
for n, d in dists:
    if not tops:
        break
    # Cheap pre-check: a distribution can only provide a top-level name its RECORD mentions
    # ("name/…" or "name.py", "name.cpython-…so"); parsing every RECORD is the slow part.
    record = d.read_text("RECORD")
    if record is not None and not any((t + "/") in record or (t + ".") in record for t in tops):
        continue
    if record is not None:
        entries = [row[0].split("/") for row in csv.reader(record.splitlines()) if row]
    else:
        entries = [list(f.parts) for f in (d.files or [])]
    if entries:
        for parts in entries:
            if not parts or parts[0].split(".")[0] not in tops:
                continue
            last = parts[-1]
            if not last.endswith(suffixes) or "__pycache__" in parts:
                continue
            stem = last.split(".")[0]
            dirs = parts[:-1]
            if not all(p.isidentifier() for p in dirs):
                continue
            # Every directory on the way holding this file is at least a package portion;
            # only __init__ files and modules make a regular module of a name.
            if stem == "__init__":
                add(".".join(dirs), n)
            elif stem.isidentifier():
                add(".".join(dirs + [stem]), n)
    else:
        top = d.read_text("top_level.txt") or ""
        for line in top.split():
            add(line.strip(), n)
providers = {}
for m in query["modules"]:
    parts = m.split(".")
    for k in range(len(parts), 0, -1):
        prefix = ".".join(parts[:k])
        if prefix in owners:
            providers[m] = sorted(owners[prefix])
            for n in providers[m]:
                versions.setdefault(n, installed[n])   # the resolver needs the provider's version too
            break
python = "%d.%d" % sys.version_info[:2]
print(json.dumps({"python": python, "versions": versions, "providers": providers}, sort_keys=True))
"""#
}
