#!/usr/bin/env python3
"""Time reading a ~100 MB notebook: nbformat.read vs nbship's NotebookReader (whole process).

Usage: read_ratio.py [--python PY] [--size MB] [--runs N] [--notebook PATH]

Generates the notebook with make_big_notebook.py (unless --notebook is given), builds the
Notebook target in release mode and links bench/notebook/read_notebook.swift against it
(in a temporary directory, outside the package), then runs each reader N times and prints
the best and median wall-clock times and their ratio. Run from the package root.
"""

import argparse
import glob
import os
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def build_driver(workdir):
    subprocess.run(["swift", "build", "-c", "release", "--target", "Notebook"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    release = os.path.join(ROOT, ".build", "release")
    objects = glob.glob(os.path.join(release, "Notebook.build", "*.o")) + \
        glob.glob(os.path.join(release, "Diagnostics.build", "*.o"))
    driver = os.path.join(workdir, "read_notebook")
    subprocess.run(["swiftc", "-O", os.path.join(HERE, "read_notebook.swift"),
                    "-I", os.path.join(release, "Modules"), *objects, "-o", driver], check=True)
    return driver


def timed(command, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--python", default=sys.executable, help="a Python with nbformat")
    parser.add_argument("--size", type=int, default=100)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--notebook")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as workdir:
        notebook = args.notebook or os.path.join(workdir, "big.ipynb")
        if not args.notebook:
            subprocess.run([sys.executable, os.path.join(HERE, "make_big_notebook.py"), notebook, str(args.size)],
                           check=True)
        driver = build_driver(workdir)
        size = os.path.getsize(notebook) / 1e6
        reference = timed([args.python, "-c", "import sys, nbformat; nbformat.read(sys.argv[1], 4)", notebook], args.runs)
        ours = timed([driver, notebook], args.runs)
        print(f"notebook: {size:.1f} MB, {args.runs} runs each (best / median)")
        print(f"nbformat.read:  {reference[0] * 1000:8.1f} ms / {reference[1] * 1000:8.1f} ms")
        print(f"NotebookReader: {ours[0] * 1000:8.1f} ms / {ours[1] * 1000:8.1f} ms")
        print(f"ratio: {reference[0] / ours[0]:.1f}x (best), {reference[1] / ours[1]:.1f}x (median)")


if __name__ == "__main__":
    main()
