#!/usr/bin/env python3
"""`make bench` for images: nbship's layer writer against its peers, measured in one run.

    python3 bench/image/run.py --nbship .build/release/nbship [--runs 3] [--megabytes 200]

Generates (deterministically, from --seed) a dependency-like tree of about --megabytes MB:
many small `.py` files, larger `.so`-like binaries whose 64 KiB segments are random,
low-entropy or zero (mixed compressibility), and `*.dist-info` metadata. Then, each command a
whole process, timed N times (median and best) with its peak memory (max RSS, the largest
process of the command's tree):

(a) writing the tree as one layer:
    - `nbship build` of a scratch project whose `artifacts/` is the tree (the artifacts
      layer, beside a small application layer), output: an OCI archive; gzip (default) and
      `--compression zstd`;
    - `umoci insert` of the tree into a fresh image (`umoci init` + `umoci new` are set-up,
      not timed); umoci 0.4.7 (Debian 12) writes gzip only, so zstd is compared with
    - `tar --sort=name --owner=0 --group=0 --numeric-owner --mtime=@0 -cf - … | zstd -T2 -3 |
      sha256sum`, and gzip with the same pipeline through `gzip -n -6` (one core);
    - the machine's own limits, one core each, over the same tar (written once, untimed):
      `sha256sum`, `gzip -1`, `zstd -1`; nbship's layer throughput per core (tar bytes /
      median time / cores) is compared with them.
(b) a code-only rebuild against a full build, with `--cache-dir`: a project whose pinned
    requirements install the tree as a local wheel (`--no-index --find-links`), so it becomes
    the dependency layer. Full build: empty cache (pip installs the wheel, both layers are
    written). Code-only rebuild: one line appended to a module in `src/`, warm cache.
(c) peak memory of every command above (see `measure` for how it is taken).

Prints one table and the ratios, writes bench-out/image-results.json, and exits non-zero if
any command fails.
"""
import argparse
import base64
import hashlib
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TREE_VERSION = 1  # bump when the generator changes, so cached trees are regenerated

WORDS = (
    "self return import from def class if else elif for while in not and or is None True False try except "
    "finally raise with as lambda yield pass break continue assert global nonlocal async await numpy array "
    "shape dtype axis index value values key keys items data frame column columns result results config "
    "options kwargs args name path file open read write buffer offset length size count total mean std "
    "float int str list dict tuple set len range enumerate zip map filter sorted isinstance getattr "
    "setattr hasattr super __init__ __call__ __repr__ _validate _check _compute _transform"
).split()
PUNCTUATION = ["(", ")", ", ", ": ", " = ", ".", "[", "]", " + ", " * ", " == ", "\n"]


def python_line_pool(rng: random.Random, count: int) -> list[str]:
    """Lines that look like Python source (indentation, identifiers, calls)."""
    lines = []
    for _ in range(count):
        indent = "    " * rng.choice((0, 1, 1, 2, 2, 3))
        tokens = []
        for _ in range(rng.randint(2, 12)):
            tokens.append(rng.choice(WORDS))
            tokens.append(rng.choice(PUNCTUATION[:-1]))
        lines.append(indent + "".join(tokens).rstrip() + "\n")
    return lines


def binary_segments(rng: random.Random) -> list[bytes]:
    """64 KiB segments of low entropy (a skewed 24-symbol alphabet, like code and tables)."""
    alphabet = list(range(0, 256, 11))
    weights = [1 / (rank + 1) for rank in range(len(alphabet))]
    return [bytes(rng.choices(alphabet, weights, k=65536)) for _ in range(12)]


def make_tree(root: Path, megabytes: int, seed: int) -> dict:
    """Writes the dependency-like tree under `root` (site-packages shape) and describes it;
    an existing tree made with the same parameters is reused (its record sits beside it)."""
    stamp = root.parent / (root.name + ".json")
    wanted = {"version": TREE_VERSION, "megabytes": megabytes, "seed": seed}
    if stamp.exists() and json.loads(stamp.read_text()).get("params") == wanted:
        return json.loads(stamp.read_text())
    if root.exists():
        shutil.rmtree(root)
    rng = random.Random(seed)
    lines = python_line_pool(rng, 20000)
    segments = binary_segments(rng)
    target = megabytes * 1_000_000
    py_budget, so_budget = target * 25 // 100, target * 65 // 100
    stats = {"py_files": 0, "so_files": 0, "other_files": 0, "bytes": 0}

    def write(path: Path, data: bytes, kind: str) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        stats[kind] += 1
        stats["bytes"] += len(data)

    packages = 60
    other_budget = target - py_budget - so_budget
    native = [package for package in range(packages) if package % 3 != 2]  # two in three ship binaries
    for package in range(packages):
        name = f"pkg{package:03d}"
        base = root / name
        write(base / "__init__.py", f'"""{name}."""\n__version__ = "1.{package}"\n'.encode(), "py_files")
        written, module = 0, 0
        while written < py_budget // packages:
            sub = base if module % 7 == 0 else base / f"sub{module % 5}"
            size = int(rng.lognormvariate(8.0, 0.9))  # median ~3 KB, long tail
            text, length = [], 0
            while length < size:
                line = rng.choice(lines)
                text.append(line)
                length += len(line)
            write(sub / f"m{module:03d}.py", "".join(text).encode(), "py_files")
            written += length
            module += 1
        written, lib = 0, 0
        while package in native and written < so_budget // len(native):
            chunks = [b"\x7fELF"]
            remaining = so_budget // len(native) - written
            for _ in range(min(rng.randint(8, 80), remaining // 65536 + 1)):  # up to 5 MiB of 64 KiB segments
                roll = rng.random()
                if roll < 0.5:
                    chunks.append(rng.randbytes(65536))  # incompressible
                elif roll < 0.85:
                    chunks.append(rng.choice(segments))  # compresses about 2x
                else:
                    chunks.append(bytes(65536))  # padding
            data = b"".join(chunks)
            write(base / f"_native{lib}.cpython-311-x86_64-linux-gnu.so", data, "so_files")
            written += len(data)
            lib += 1
        info = root / f"{name}-1.{package}.dist-info"
        write(info / "METADATA", f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.{package}\n".encode(), "other_files")
        values = json.dumps({"weights": [round(rng.random(), 6) for _ in range(other_budget // packages // 10)]})
        write(info / "data.json", values.encode(), "other_files")
    description = {"params": wanted, **stats, "packages": packages}
    stamp.write_text(json.dumps(description))
    return description


def make_wheel(tree: Path, wheel_dir: Path) -> Path:
    """Packs the tree as `benchdeps-1.0-py3-none-any.whl` (stored, not deflated)."""
    wheel = wheel_dir / "benchdeps-1.0-py3-none-any.whl"
    stamp = wheel_dir / ".complete"
    key = (tree.parent / (tree.name + ".json")).read_text() + " wheel 2"
    if wheel.exists() and stamp.exists() and stamp.read_text() == key:
        return wheel
    wheel_dir.mkdir(parents=True, exist_ok=True)
    info = "benchdeps-1.0.dist-info"
    records = []
    with zipfile.ZipFile(wheel, "w", zipfile.ZIP_STORED) as archive:
        for path in sorted(p for p in tree.rglob("*") if p.is_file()):
            data = path.read_bytes()
            # A wheel has one .dist-info: the tree's own metadata folders travel as data.
            name = path.relative_to(tree).as_posix().replace(".dist-info/", ".meta/")
            archive.writestr(zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0)), data)
            digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
            records.append(f"{name},sha256={digest},{len(data)}")
        meta = {
            f"{info}/METADATA": "Metadata-Version: 2.1\nName: benchdeps\nVersion: 1.0\n",
            f"{info}/WHEEL": "Wheel-Version: 1.0\nGenerator: nbship-bench\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
        }
        for name, text in meta.items():
            archive.writestr(zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0)), text)
            digest = base64.urlsafe_b64encode(hashlib.sha256(text.encode()).digest()).rstrip(b"=").decode()
            records.append(f"{name},sha256={digest},{len(text)}")
        records.append(f"{info}/RECORD,,")
        archive.writestr(zipfile.ZipInfo(f"{info}/RECORD", (1980, 1, 1, 0, 0, 0)), "\n".join(records) + "\n")
    stamp.write_text(key)
    return wheel


def make_project(root: Path, requirements: str) -> Path:
    """A converted-project shape: src/benchapp with a serve module, and requirements.txt
    (anything else already in `root`, such as artifacts/, is kept)."""
    if (root / "src").exists():
        shutil.rmtree(root / "src")
    (root / "src" / "benchapp").mkdir(parents=True)
    (root / "src" / "benchapp" / "__init__.py").write_text('"""benchapp."""\n')
    (root / "src" / "benchapp" / "model.py").write_text("def predict(rows):\n    return [0 for _ in rows]\n")
    (root / "src" / "benchapp" / "serve.py").write_text("from benchapp.model import predict\n")
    (root / "requirements.txt").write_text(requirements)
    return root


GNU_TIME = "/usr/bin/time"


def measure(label: str, command: list[str], runs: int, before=None, env=None, logs: Path = Path("/tmp")) -> dict:
    """Runs `command` `runs` times (after `before(run)` each time, untimed) and reaps it with
    `os.wait4`; exits non-zero if it fails.

    Peak memory: Linux carries the high-water RSS of the process that forks across `exec`, so
    a child's own `ru_maxrss` is never below this Python process's RSS. The command therefore
    runs under GNU time (a ~2 MB process), whose wait4 of the command gives `%M`; without GNU
    time the figure falls back to our wait4's `ru_maxrss`, floored at the bench's own RSS."""
    times, cpus, peak = [], [], 0.0
    stdout_path, stderr_path, rss_path = logs / "stdout.log", logs / "stderr.log", logs / "maxrss.txt"
    wrapped = [GNU_TIME, "-f", "%M", "-o", str(rss_path), *command] if os.access(GNU_TIME, os.X_OK) else command
    for run in range(runs):
        if before:
            before(run)
        rss_path.unlink(missing_ok=True)
        with open(stdout_path, "wb") as stdout, open(stderr_path, "wb") as stderr:
            start = time.perf_counter()
            process = subprocess.Popen(wrapped, stdin=subprocess.DEVNULL, stdout=stdout, stderr=stderr, env=env)
            _, status, usage = os.wait4(process.pid, 0)
            elapsed = time.perf_counter() - start
            process.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
        if process.returncode != 0:
            sys.exit(f"{label}: command failed with exit code {process.returncode}: {' '.join(command)}\n"
                     f"{stderr_path.read_text(errors='replace')[-3000:]}")
        times.append(elapsed)
        cpus.append(usage.ru_utime + usage.ru_stime)  # the whole tree's user + sys (GNU time reaps it)
        kib = usage.ru_maxrss
        if rss_path.exists():
            kib = int(rss_path.read_text().split()[-1])
        peak = max(peak, kib / 1024)
    return {"label": label, "command": command, "runs_s": times, "median_s": statistics.median(times),
            "best_s": min(times), "cpu_runs_s": cpus,
            "cpu_median_s": statistics.median(cpus), "max_rss_mib": peak, "last_stdout": stdout_path.read_text(errors="replace").strip()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--nbship", required=True)
    parser.add_argument("--python", default=sys.executable, help="the build machine's python (runs pip for nbship)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--megabytes", type=int, default=200)
    parser.add_argument("--seed", type=int, default=4)
    parser.add_argument("--out", default=str(ROOT / "bench-out"))
    args = parser.parse_args()
    for tool in ("umoci", "tar", "gzip", "zstd", "sha256sum", "bash"):
        if not shutil.which(tool):
            sys.exit(f"{tool} not found (make setup-system installs umoci)")
    nbship = str(Path(args.nbship).resolve())
    out = Path(args.out).resolve()
    work = out / "image-bench"
    scratch = work / "tmp"
    if scratch.exists():
        shutil.rmtree(scratch)
    scratch.mkdir(parents=True)
    # nbship's scratch space (TMPDIR) on the same disk as everything else.
    env = {**os.environ, "TMPDIR": str(scratch), "LC_ALL": "C.UTF-8"}

    # The tree is generated straight into the (a) project's artifacts/.
    tree = work / "project-artifacts" / "artifacts"
    started = time.perf_counter()
    description = make_tree(tree, args.megabytes, args.seed)
    print(f"tree: {description['bytes'] / 1e6:.0f} MB in {description['py_files']} .py, {description['so_files']} .so and "
          f"{description['other_files']} other files ({time.perf_counter() - started:.1f}s to prepare)", flush=True)

    # (a) The tree as one layer. nbship takes it as the project's artifacts/ (the artifacts layer).
    project = make_project(work / "project-artifacts", "# nothing pinned: no dependency layer\n")
    image = work / "image.tar"
    layout = work / "umoci-layout"

    def fresh_output(_run):
        image.unlink(missing_ok=True)

    def fresh_umoci_image(_run):
        if layout.exists():
            shutil.rmtree(layout)
        subprocess.run(["umoci", "init", "--layout", str(layout)], check=True)
        subprocess.run(["umoci", "new", "--image", f"{layout}:bench"], check=True)

    rows = []
    rows.append(measure("layer: nbship build", [nbship, "build", str(project), "-o", str(image), "--tag", "bench:1.0",
                                                "--base", "scratch"], args.runs, fresh_output, env, work))
    rows[-1]["output_bytes"] = image.stat().st_size
    rows.append(measure("layer: umoci insert", ["umoci", "insert", "--image", f"{layout}:bench", str(project / "artifacts"),
                                                "/app/artifacts"], args.runs, fresh_umoci_image, env, work))
    rows[-1]["output_bytes"] = sum(p.stat().st_size for p in (layout / "blobs").rglob("*") if p.is_file())
    tar_command = f"tar --sort=name --owner=0 --group=0 --numeric-owner --mtime=@0 -cf - -C '{project}' artifacts"
    pipeline = f"set -euo pipefail; {tar_command} | gzip -n -6 | sha256sum"
    rows.append(measure("layer: tar | gzip -n -6 | sha256sum", ["bash", "-c", pipeline], args.runs, None, env, work))
    rows.append(measure("layer: nbship build --compression zstd", [nbship, "build", str(project), "-o", str(image), "--tag",
                                                                   "bench:1.0", "--base", "scratch", "--compression", "zstd"],
                        args.runs, fresh_output, env, work))
    rows[-1]["output_bytes"] = image.stat().st_size
    zstd_pipeline = f"set -euo pipefail; {tar_command} | zstd -q -T2 -3 | sha256sum"
    rows.append(measure("layer: tar | zstd -T2 -3 | sha256sum", ["bash", "-c", zstd_pipeline], args.runs, None, env, work))

    # The machine's limits, one core each, over the same tar.
    tar_file = scratch / "tree.tar"
    subprocess.run(["bash", "-c", f"set -euo pipefail; {tar_command} > '{tar_file}'"], check=True)
    tar_bytes = tar_file.stat().st_size
    limits = [
        measure("limit: sha256sum (1 core)", ["sha256sum", str(tar_file)], args.runs, None, env, work),
        measure("limit: gzip -1 (1 core)", ["bash", "-c", f"gzip -1 -n -c '{tar_file}' > /dev/null"], args.runs, None, env, work),
        measure("limit: zstd -1 (1 core)", ["bash", "-c", f"zstd -q -1 -T1 -c '{tar_file}' > /dev/null"], args.runs, None, env, work),
    ]

    # Why ISA-L level 1 (bench/image/codec_choice.c): deflate candidates on one core, same chunks, CPU time.
    codec_choice = None
    if shutil.which("gcc") and Path("/usr/include/libdeflate.h").exists() and Path("/usr/include/isa-l/igzip_lib.h").exists():
        binary = scratch / "codec_choice"
        subprocess.run(["gcc", "-O2", "-o", str(binary), str(ROOT / "bench/image/codec_choice.c"), "-lz", "-ldeflate", "-lzstd", "-lisal"],
                       check=True)
        codec_choice = subprocess.run([str(binary), str(tar_file)], check=True, capture_output=True, text=True).stdout.strip()

    # (b) Code-only rebuild against a full build: the tree is the dependency layer (a local wheel).
    wheel = make_wheel(tree, work / "wheels")
    requirements = f"--no-index\n--find-links {wheel.parent}\nbenchdeps==1.0\n"
    deps_project = make_project(work / "project-deps", requirements)
    cache = work / "cache"
    build = [nbship, "build", str(deps_project), "-o", str(image), "--tag", "bench:1.0", "--base", "scratch",
             "--cache-dir", str(cache), "--python", args.python, "--python-version", "3.11"]

    def empty_cache(_run):
        fresh_output(_run)
        if cache.exists():
            shutil.rmtree(cache)

    def layers() -> list[str]:
        inspected = subprocess.run([nbship, "inspect", "--format", "json", str(image)], capture_output=True, text=True, env=env)
        if inspected.returncode != 0:
            sys.exit(f"nbship inspect failed: {inspected.stderr}")
        return [layer["digest"] for layer in json.loads(inspected.stdout)["images"][0]["layers"]]

    full = measure("build: full (empty cache)", build, args.runs, empty_cache, env, work)
    full_digest, full_layers = full["last_stdout"], layers()

    def edit_code(run):
        fresh_output(run)
        with open(deps_project / "src" / "benchapp" / "model.py", "a") as module:
            module.write(f"# edit {run}\n")

    rebuild = measure("build: code-only rebuild (warm cache)", build, args.runs, edit_code, env, work)
    # Sanity: the code change reached the image, and only the application layer changed.
    rebuilt_layers = layers()
    if rebuild["last_stdout"] == full_digest or len(full_layers) != 2 or rebuilt_layers[0] != full_layers[0] \
            or rebuilt_layers[1] == full_layers[1]:
        sys.exit(f"a code-only rebuild should change the application layer only: {full_layers} -> {rebuilt_layers}")
    rows += [full, rebuild] + limits
    rebuild["output_bytes"] = full["output_bytes"] = image.stat().st_size

    # One table, then the ratios (peer or full-build time over nbship's; > 1 means nbship is faster).
    print(f"\n{args.runs} runs each, whole processes; max RSS is the largest process of the command's tree")
    print(f"{'command':<40} {'median s':>9} {'best s':>8} {'CPU s':>7} {'max RSS MiB':>12} {'output MB':>10}")
    for row in rows:
        output = f"{row['output_bytes'] / 1e6:10.1f}" if "output_bytes" in row else f"{'-':>10}"
        print(f"{row['label']:<40} {row['median_s']:9.2f} {row['best_s']:8.2f} {row['cpu_median_s']:7.2f} {row['max_rss_mib']:12.1f} {output}")
    nb, um, tg, nz, tz = rows[0], rows[1], rows[2], rows[3], rows[4]
    cores = os.cpu_count() or 1
    per_core = {row["label"]: tar_bytes / row["median_s"] / 1e6 for row in limits}
    throughput = {
        "tar_bytes": tar_bytes, "cores": cores,
        "nbship_gzip_mb_s_per_core": tar_bytes / nb["median_s"] / cores / 1e6,
        "nbship_zstd_mb_s_per_core": tar_bytes / nz["median_s"] / cores / 1e6,
        "limits_mb_s": per_core,
    }
    ratios = {
        "umoci_insert_over_nbship": um["median_s"] / nb["median_s"],
        "tar_gzip_over_nbship": tg["median_s"] / nb["median_s"],
        "tar_zstd_over_nbship_zstd": tz["median_s"] / nz["median_s"],
        "nbship_gzip_per_core_over_gzip_1": throughput["nbship_gzip_mb_s_per_core"] / per_core["limit: gzip -1 (1 core)"],
        "nbship_zstd_per_core_over_zstd_1": throughput["nbship_zstd_mb_s_per_core"] / per_core["limit: zstd -1 (1 core)"],
        "full_build_over_code_only_rebuild": full["median_s"] / rebuild["median_s"],
        "umoci_insert_over_nbship_cpu": um["cpu_median_s"] / nb["cpu_median_s"],
        "tar_gzip_over_nbship_cpu": tg["cpu_median_s"] / nb["cpu_median_s"],
        "tar_zstd_over_nbship_zstd_cpu": tz["cpu_median_s"] / nz["cpu_median_s"],
        "nbship_rss_over_umoci_rss": nb["max_rss_mib"] / um["max_rss_mib"] if um["max_rss_mib"] else None,
        "nbship_rss_over_tar_gzip_rss": nb["max_rss_mib"] / tg["max_rss_mib"] if tg["max_rss_mib"] else None,
    }
    best = {
        "umoci_insert_over_nbship": um["best_s"] / nb["best_s"],
        "tar_gzip_over_nbship": tg["best_s"] / nb["best_s"],
        "tar_zstd_over_nbship_zstd": tz["best_s"] / nz["best_s"],
        "full_build_over_code_only_rebuild": full["best_s"] / rebuild["best_s"],
    }
    print("\nratios, wall (median; best in brackets) and CPU time user+sys (median):")
    print(f"  umoci insert / nbship build:           {ratios['umoci_insert_over_nbship']:5.2f}x  ({best['umoci_insert_over_nbship']:.2f}x)"
          f"  CPU {ratios['umoci_insert_over_nbship_cpu']:5.2f}x")
    print(f"  tar|gzip|sha256sum / nbship build:     {ratios['tar_gzip_over_nbship']:5.2f}x  ({best['tar_gzip_over_nbship']:.2f}x)"
          f"  CPU {ratios['tar_gzip_over_nbship_cpu']:5.2f}x")
    print(f"  tar|zstd -T2|sha256sum / nbship zstd:  {ratios['tar_zstd_over_nbship_zstd']:5.2f}x  ({best['tar_zstd_over_nbship_zstd']:.2f}x)"
          f"  CPU {ratios['tar_zstd_over_nbship_zstd_cpu']:5.2f}x")
    print(f"  code-only rebuild:                     {rebuild['median_s']:5.2f} s")
    print(f"  full build / code-only rebuild:        {ratios['full_build_over_code_only_rebuild']:5.2f}x  "
          f"({best['full_build_over_code_only_rebuild']:.2f}x)")
    print(f"  peak memory nbship / umoci:            {ratios['nbship_rss_over_umoci_rss']:5.2f}x")
    print(f"  peak memory nbship / tar|gzip:         {ratios['nbship_rss_over_tar_gzip_rss']:5.2f}x")
    print(f"\nthroughput over the {tar_bytes / 1e6:.0f} MB tar, MB/s per core ({cores} cores):")
    for label, value in per_core.items():
        print(f"  {label:<37} {value:7.1f}")
    print(f"  nbship build, gzip (per core)         {throughput['nbship_gzip_mb_s_per_core']:7.1f}"
          f"  = {ratios['nbship_gzip_per_core_over_gzip_1']:.2f}x gzip -1")
    print(f"  nbship build, zstd (per core)         {throughput['nbship_zstd_mb_s_per_core']:7.1f}"
          f"  = {ratios['nbship_zstd_per_core_over_zstd_1']:.2f}x zstd -1")
    print(f"  (the machine is shared: load average {os.getloadavg()[0]:.1f} at the end; wall figures taken while others"
          " compile are indicative only, CPU times less so)")
    if codec_choice:
        print("\ndeflate candidates, one core, CPU time, nbship's 256 KiB chunks (bench/image/codec_choice.c):")
        print("  " + codec_choice.replace("\n", "\n  "))

    for row in rows:
        row.pop("last_stdout", None)
    results = {"tree": description, "runs": args.runs, "rows": rows, "ratios_median": ratios, "ratios_best": best,
               "throughput": throughput, "codec_choice": codec_choice, "load_average_at_end": os.getloadavg(),
               "layers_full_build": full_layers, "layers_after_rebuild": rebuilt_layers}
    (out / "image-results.json").write_text(json.dumps(results, indent=2) + "\n")
    print(f"\nresults in {out / 'image-results.json'}")
    shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
