"""nbship benchmarks: each figure is a ratio against a peer measured in the same run.

Whole processes are timed (wall clock, best and median of N runs) and their peak memory
(max RSS) taken from wait4. Usage: run.py --nbship PATH --python PATH [--runs N]
"""
import argparse, json, os, shutil, statistics, subprocess, sys, tempfile, time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"


GNU_TIME = "/usr/bin/time"


def measure(cmd, cwd=None, runs=5):
    """Runs cmd `runs` times; returns (median seconds, best seconds, max RSS MiB).

    Peak memory comes from GNU time's %M (its own wait4 of the command): a child's
    ru_maxrss seen from this Python process never reads below Python's own RSS, because the
    child is forked from it. Without GNU time the figure falls back to our wait4."""
    times, peak = [], 0.0
    for _ in range(runs):
        with tempfile.NamedTemporaryFile(prefix="nbship-bench-rss-") as rss:
            wrapped = [GNU_TIME, "-f", "%M", "-o", rss.name] + list(cmd) if os.path.exists(GNU_TIME) else list(cmd)
            start = time.perf_counter()
            proc = subprocess.Popen(wrapped, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                    stdin=subprocess.DEVNULL)
            _, status, usage = os.wait4(proc.pid, 0)
            elapsed = time.perf_counter() - start
            err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
            if os.waitstatus_to_exitcode(status) != 0:
                sys.exit(f"benchmark command failed ({os.waitstatus_to_exitcode(status)}): {' '.join(map(str, cmd))}\n{err}")
            times.append(elapsed)
            text = Path(rss.name).read_text().strip() if os.path.exists(GNU_TIME) else ""
            kib = int(text.splitlines()[-1]) if text else usage.ru_maxrss
            peak = max(peak, kib / 1024)
    return statistics.median(times), min(times), peak


def row(name, ours, peer, peer_name):
    ratio = peer[0] / ours[0] if ours[0] > 0 else float("inf")
    print(f"{name:<44} nbship {ours[0]*1000:9.1f} ms ({ours[2]:7.1f} MiB)   {peer_name} {peer[0]*1000:9.1f} ms ({peer[2]:7.1f} MiB)   ratio {ratio:6.1f}x")
    return {"name": name, "nbship_ms": ours[0] * 1000, "nbship_best_ms": ours[1] * 1000, "nbship_rss_mib": ours[2],
            "peer": peer_name, "peer_ms": peer[0] * 1000, "peer_best_ms": peer[1] * 1000, "peer_rss_mib": peer[2], "ratio": ratio}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--nbship", required=True)
    ap.add_argument("--python", default=sys.executable)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--out", default=str(ROOT / "bench-out"))
    args = ap.parse_args()
    nbship = str(Path(args.nbship).resolve())
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    results = []

    # 1. Reading a 100 MB notebook: nbship plan (read + lower + analyse + classify) against
    #    nbformat.read alone.
    big = out / "big-100mb.ipynb"
    if not big.exists():
        subprocess.run([args.python, str(ROOT / "bench" / "notebook" / "make_big_notebook.py"), str(big), "100"], check=True)
    size = big.stat().st_size / 1e6
    peer = measure([args.python, "-c", "import nbformat,sys; nbformat.read(sys.argv[1], 4)", str(big)], runs=args.runs)
    # Reading alone: NotebookReader linked into a small driver (bench/notebook/read_notebook.swift).
    sys.path.insert(0, str(ROOT / "bench" / "notebook"))
    import read_ratio  # noqa: E402
    with tempfile.TemporaryDirectory() as workdir:
        driver = read_ratio.build_driver(workdir)
        ours = measure([driver, str(big)], runs=args.runs)
        results.append(row(f"read {size:.0f} MB notebook (reader vs nbformat.read)", ours, peer, "nbformat"))
    # The whole `nbship plan` (read, lower, analyse, classify, JSON) against reading alone.
    ours = measure([nbship, "plan", "--format", "json", str(big)], runs=args.runs)
    results.append(row(f"plan {size:.0f} MB notebook (whole plan vs nbformat.read)", ours, peer, "nbformat"))

    # 2. nbship plan against soorgeon refactor, whole process, on the same notebooks (soorgeon
    #    needs H2 headings, so it gets notebooks that have them).
    soorgeon = Path(args.python).absolute().parent / "soorgeon"
    for nb in [CORPUS / "notebooks/soorgeon/examples/exploratory/nb.ipynb",
               CORPUS / "notebooks/edge-cases/messy_teaching_headings.ipynb"]:
        ours = measure([nbship, "plan", "--format", "json", str(nb)], runs=args.runs)
        def soorgeon_once():
            work = Path(tempfile.mkdtemp(prefix="nbship-bench-"))
            shutil.copy(nb, work / "nb.ipynb")
            return work
        # soorgeon writes next to the notebook and refuses to overwrite: a fresh folder per run.
        times, peak = [], 0
        for _ in range(args.runs):
            work = soorgeon_once()
            m = measure([str(soorgeon), "refactor", "nb.ipynb"], cwd=work, runs=1)
            times.append(m[0]); peak = max(peak, m[2])
            shutil.rmtree(work)
        peer = (statistics.median(times), min(times), peak)
        results.append(row(f"plan {nb.name} (vs soorgeon refactor)", ours, peer, "soorgeon"))

    (out / "results.json").write_text(json.dumps(results, indent=2) + "\n")
    print(f"\nratios are peer time / nbship time (higher is better for nbship); results in {out / 'results.json'}")


if __name__ == "__main__":
    main()
