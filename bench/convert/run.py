#!/usr/bin/env python3
"""Times `nbship convert` against `soorgeon refactor` on the same notebooks, whole processes.

Soorgeon splits a notebook at markdown H2 headings and refuses one without any, so each corpus
notebook is given to both tools as a temporary copy with headings made the way soorgeon needs
(`with_h2_headings`: every markdown heading becomes a unique H2, and a notebook with none gets one
before its first code cell). Notebooks that already have H2 headings (soorgeon's own example,
messy_teaching_headings) keep them. The copies live in a temporary copy of corpus/notebooks so
the data files they read stay at the same relative paths (nbship copies them into the project). Both tools write into a fresh folder on every run
(soorgeon writes beside the notebook and refuses to overwrite; nbship refuses a non-empty
folder). Each row is the median of N runs with peak RSS from GNU time (`bench/run.py`'s
`measure`); a notebook soorgeon cannot refactor is listed with soorgeon's error and left out of
the ratios.

    python3 bench/convert/run.py --nbship .build/release/nbship --python .venv/bin/python \\
        --corpus-python .venv-corpus/bin/python

--python is the interpreter whose venv holds soorgeon (requirements-bench.txt); --corpus-python
is `nbship convert --python`, the environment the notebooks' imports are pinned from
(`make setup-corpus`).
"""
import argparse
import copy
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from run import CORPUS, GNU_TIME, ROOT, row  # noqa: E402

HEADING = re.compile(r"^(#{1,6})\s+(.*\S)\s*$")


def markdown_lines(cell):
    source = cell["source"]
    return ("".join(source) if isinstance(source, list) else source).splitlines()


def with_h2_headings(nb):
    """The notebook (nbformat JSON) when it has an H2 heading; else a copy whose markdown
    headings are all unique H2 ones (or, without any, one H2 before the first code cell)."""
    if any(line.startswith("## ") for cell in nb["cells"] if cell["cell_type"] == "markdown"
           for line in markdown_lines(cell)):
        return nb
    nb = copy.deepcopy(nb)
    seen = {}
    found = False
    for cell in nb["cells"]:
        if cell["cell_type"] != "markdown":
            continue
        lines = markdown_lines(cell)
        for i, line in enumerate(lines):
            match = HEADING.match(line)
            if not match:
                continue
            title = match.group(2)
            # soorgeon names tasks by the sanitized title; two equal names break its pipeline.
            key = re.sub("[^0-9a-zA-Z]+", "-", title.lower())
            seen[key] = seen.get(key, 0) + 1
            if seen[key] > 1:
                title = f"{title} {seen[key]}"
            lines[i] = "## " + title
            cell["source"] = "\n".join(lines)
            found = True
            break  # soorgeon reads one heading per cell
    if not found:
        first_code = next((i for i, c in enumerate(nb["cells"]) if c["cell_type"] == "code"), 0)
        nb["cells"].insert(first_code, {"cell_type": "markdown", "metadata": {}, "source": "## Notebook"})
    return nb


def corpus_notebooks():
    return sorted(p for p in (CORPUS / "notebooks").rglob("*.ipynb") if ".executed" not in p.name)


def stage(folder):
    """Copies corpus/notebooks (6 MB) into folder with every notebook given H2 headings, so each
    copy keeps the data files it reads at the same relative paths (nbship copies them)."""
    shutil.copytree(CORPUS / "notebooks", folder, dirs_exist_ok=True)
    staged = []
    for original in corpus_notebooks():
        relative = original.relative_to(CORPUS / "notebooks")
        target = folder / relative
        target.write_text(json.dumps(with_h2_headings(json.loads(original.read_text())), indent=1))
        staged.append((str(relative), target))
    return staged


def timed(command, cwd):
    """One run under GNU time: (wall seconds, CPU seconds user+system, peak RSS MiB). CPU time
    (from wait4, so it counts the command and every child it waited for, e.g. a Python probe)
    is what the processes themselves did; on a machine loaded by other engineers it moves far
    less than the wall clock, which also counts the time spent waiting for a core."""
    with tempfile.NamedTemporaryFile(prefix="nbship-bench-time-") as out:
        start = time.perf_counter()
        proc = subprocess.Popen([GNU_TIME, "-f", "%M", "-o", out.name] + list(command), cwd=cwd,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
        if os.waitstatus_to_exitcode(status) != 0:
            sys.exit(f"benchmark command failed ({os.waitstatus_to_exitcode(status)}): {' '.join(map(str, command))}\n{err}")
        kib = int(Path(out.name).read_text().split()[-1])
    return wall, usage.ru_utime + usage.ru_stime, kib / 1024


def fresh_runs(make_command, runs, prefix):
    """Runs make_command(fresh_folder) `runs` times, each in a new folder;
    (median wall, best wall, peak MiB, median CPU)."""
    walls, cpus, peak = [], [], 0.0
    for _ in range(runs):
        work = Path(tempfile.mkdtemp(prefix=prefix))
        try:
            command, cwd = make_command(work)
            wall, cpu, rss = timed(command, cwd)
            walls.append(wall)
            cpus.append(cpu)
            peak = max(peak, rss)
        finally:
            shutil.rmtree(work, ignore_errors=True)
    return statistics.median(walls), min(walls), peak, statistics.median(cpus)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--nbship", required=True)
    ap.add_argument("--python", default=sys.executable, help="the venv holding soorgeon")
    ap.add_argument("--corpus-python", required=True, help="nbship convert --python")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--every", type=int, default=1, help="time every Nth notebook only (a quicker sample)")
    ap.add_argument("--out", default=str(ROOT / "bench-out"))
    args = ap.parse_args()
    nbship = str(Path(args.nbship).resolve())
    soorgeon = str(Path(args.python).absolute().parent / "soorgeon")
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix="nbship-bench-convert-"))
    results, skipped = [], []
    try:
        for name, staged in stage(staging)[::args.every]:
            # One probe of each tool first: a failure is recorded, not timed.
            with tempfile.TemporaryDirectory(prefix="nbship-bench-probe-") as probe:
                shutil.copy(staged, Path(probe) / staged.name)
                peer = subprocess.run([soorgeon, "refactor", staged.name], cwd=probe, capture_output=True, text=True)
                ours = subprocess.run([nbship, "convert", str(staged), "-o", str(Path(probe) / "project"),
                                       "--python", args.corpus_python], capture_output=True, text=True)
            if ours.returncode != 0 or peer.returncode != 0:
                who = "nbship" if ours.returncode != 0 else "soorgeon"
                text = (ours if ours.returncode != 0 else peer).stderr.strip().splitlines()
                skipped.append({"name": name, "failed": who, "error": text[-1] if text else ""})
                print(f"{name:<44} skipped: {who} failed: {skipped[-1]['error'][:120]}")
                continue

            def ours_command(work, staged=staged):
                return [nbship, "convert", str(staged), "-o", str(work / "project"), "--python", args.corpus_python], None

            def peer_command(work, staged=staged):
                shutil.copy(staged, work / staged.name)
                return [soorgeon, "refactor", staged.name], work

            ours_m = fresh_runs(ours_command, args.runs, "nbship-bench-convert-")
            peer_m = fresh_runs(peer_command, args.runs, "nbship-bench-soorgeon-")
            result = row(f"convert {name}", ours_m, peer_m, "soorgeon")
            result.update(nbship_cpu_ms=ours_m[3] * 1000, peer_cpu_ms=peer_m[3] * 1000,
                          cpu_ratio=peer_m[3] / ours_m[3] if ours_m[3] > 0 else float("inf"))
            print(f"{'':<44} CPU nbship {result['nbship_cpu_ms']:7.1f} ms   soorgeon {result['peer_cpu_ms']:7.1f} ms   "
                  f"ratio {result['cpu_ratio']:6.1f}x")
            results.append(result)
    finally:
        shutil.rmtree(staging, ignore_errors=True)

    if results:
        ratios = [r["ratio"] for r in results]
        total = sum(r["peer_ms"] for r in results) / sum(r["nbship_ms"] for r in results)
        print(f"\n{len(results)} notebooks both tools handle; ratio median {statistics.median(ratios):.1f}x, "
              f"geometric mean {statistics.geometric_mean(ratios):.1f}x, whole corpus {total:.1f}x "
              f"(soorgeon time / nbship time, higher is better for nbship); "
              f"peak RSS nbship {max(r['nbship_rss_mib'] for r in results):.1f} MiB, "
              f"soorgeon {max(r['peer_rss_mib'] for r in results):.1f} MiB")
        cpu_ratios = [r["cpu_ratio"] for r in results]
        print(f"CPU time (user+system, less sensitive to other load): ratio median {statistics.median(cpu_ratios):.1f}x, "
              f"nbship median {statistics.median(r['nbship_cpu_ms'] for r in results):.1f} ms, "
              f"soorgeon median {statistics.median(r['peer_cpu_ms'] for r in results):.1f} ms; "
              f"load average when done {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    if skipped:
        print(f"{len(skipped)} skipped: " + "; ".join(f"{s['name']} ({s['failed']})" for s in skipped))
    (out / "convert.json").write_text(json.dumps({"rows": results, "skipped": skipped}, indent=2) + "\n")
    print(f"results in {out / 'convert.json'}")


if __name__ == "__main__":
    main()
