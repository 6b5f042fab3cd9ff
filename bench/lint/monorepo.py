#!/usr/bin/env python3
"""Times `nbship lint` over a synthetic monorepo of every kind it reads, and against the peers
on their own kinds in the same run: hadolint on the Dockerfiles, zizmor (offline) on the
GitHub Actions workflows and actions.

Generates N files (deterministic, seeded) spread over services: Dockerfiles, compose files,
Kubernetes manifests, Helm values (with Chart.yaml), kustomizations, requirements files with
-r/-c includes, pyproject.toml (PEP 621 and Poetry), Pipfiles, conda environment.yml,
notebooks, notebook-exported .py files, workflows, composite actions, .gitlab-ci.yml and
devcontainer.json; floating and pinned versions mixed. Each tool runs once per round as one
process over its files; the best and median of R rounds are reported, with the ratios.

    python3 bench/lint/monorepo.py --nbship .build/release/nbship \
        --hadolint .venv/bin/hadolint --zizmor .venv/bin/zizmor

hadolint and zizmor come from PyPI (requirements-bench.txt).
"""
import argparse
import collections
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

SHA = "b4ffde65f46336ab88eb53be808477a3936bae11"
DIGEST = "sha256:" + "a" * 64


def dockerfile(rng):
    base = rng.choice(["python:3.12-slim", "python", "debian:latest", "alpine:3.20", f"nginx@{DIGEST}", "golang:1.22 AS build"])
    runs = rng.sample([
        "RUN pip install --no-cache-dir flask", "RUN pip install -r requirements.txt",
        "RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*",
        "RUN pip install 'numpy>=1.26' pandas==2.2.2", "COPY . /app", "WORKDIR /app", "ENV PYTHONUNBUFFERED=1",
    ], 4)
    return "\n".join([f"FROM {base}", *runs, 'CMD ["python", "-m", "app"]']) + "\n"


def workflow(rng):
    checkout = rng.choice(["actions/checkout@v4", "actions/checkout@v4.1.7", f"actions/checkout@{SHA} # v4.1.1", "actions/checkout@main"])
    python = rng.choice(["3.11", "3.12"])
    container = rng.choice(["python:3.12", "python", "ubuntu:latest", "${{ matrix.image }}"])
    return f"""name: ci
on:
  push:
    branches: [main]
  pull_request:
permissions:
  contents: read
jobs:
  test:
    runs-on: ubuntu-24.04
    strategy:
      matrix:
        image: ["python:3.11", "python:3.12"]
    container: {container}
    services:
      db:
        image: {rng.choice(["postgres:16.3", "postgres", "redis:latest"])}
    steps:
      - uses: {checkout}
        with:
          persist-credentials: false
      - uses: actions/setup-python@{rng.choice(["v5", "v5.1.0"])}
        with:
          python-version: "{python}"
      - run: pip install -r requirements.txt && pytest
      - uses: docker://{rng.choice(["alpine:3.20", "alpine"])}
  reuse:
    uses: org/shared/.github/workflows/build.yml@{rng.choice(["v1", "v1.2.3", SHA])}
"""


def action(rng):
    return f"""name: setup
description: set up
runs:
  using: composite
  steps:
    - uses: actions/cache@{rng.choice(["v4", "v4.0.2"])}
      with:
        path: ~/.cache
        key: k
    - run: echo ok
      shell: bash
"""


def notebook(rng):
    cells = [
        {"cell_type": "markdown", "metadata": {}, "source": ["# Analysis\n"]},
        {"cell_type": "code", "execution_count": 1, "metadata": {}, "outputs": [],
         "source": [rng.choice(["!pip install pandas\n", "%pip install pandas==2.2.2\n", "get_ipython().system('pip install polars')\n"]),
                    "import pandas as pd\n"]},
        {"cell_type": "code", "execution_count": 2, "metadata": {},
         "outputs": [{"name": "stdout", "output_type": "stream", "text": ["ok\n"]}], "source": ["print('ok')\n"]},
    ]
    return json.dumps({"cells": cells, "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
                       "nbformat": 4, "nbformat_minor": 5}, indent=1) + "\n"


KINDS = [
    ("Dockerfile", 1500, dockerfile),
    (".github/workflows/ci.yml", 1200, workflow),
    (".github/actions/setup/action.yml", 300, action),
    ("compose.yaml", 600, lambda r: f"services:\n  web:\n    build: .\n    image: org/web\n  cache:\n    image: {r.choice(['redis', 'redis:7.2.5'])}\n"),
    ("deploy/deployment.yaml", 1000, lambda r: f"apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: {r.choice(['nginx', 'nginx:1.27.1', 'nginx:latest'])}\n"),
    ("chart/values.yaml", 500, lambda r: "image:\n  repository: org/api\n  tag: " + r.choice(["latest", "2.4.1", '""']) + "\n"),
    ("chart/Chart.yaml", 0, None),
    ("overlays/prod/kustomization.yaml", 400, lambda r: f"resources: [../../deploy]\nimages:\n  - name: org/api\n    newTag: {r.choice(['latest', '1.8.0'])}\n"),
    ("requirements.txt", 800, lambda r: f"-r base.txt\n-c constraints.txt\nflask==3.0.3\n{r.choice(['pandas', 'pandas>=2', 'pandas==2.2.2'])}  # data\nnumpy ; python_version >= '3.9'\n"),
    ("base.txt", 0, None),
    ("constraints.txt", 0, None),
    ("pyproject.toml", 700, lambda r: f"[project]\nname = \"svc\"\ndependencies = [\"requests>=2\", \"numpy==1.26.4\"]\n\n[tool.poetry.dependencies]\npython = \"^3.11\"\nhttpx = \"{r.choice(['^0.27', '0.27.0'])}\"\n"),
    ("Pipfile", 400, lambda r: f"[packages]\nrequests = \"{r.choice(['*', '==2.32.3'])}\"\n\n[dev-packages]\npytest = \"==8.2.2\"\n"),
    ("environment.yml", 600, lambda r: f"name: env\nchannels: [conda-forge]\ndependencies:\n  - python=3.12.4\n  - {r.choice(['numpy', 'numpy=1.26', 'numpy==1.26.4'])}\n  - pip:\n    - {r.choice(['torch', 'torch==2.3.1'])}\n"),
    ("analysis.ipynb", 500, notebook),
    ("export.py", 200, lambda r: f"# coding: utf-8\nget_ipython().system('pip install {r.choice(['xgboost', 'xgboost==2.1.0'])}')\nimport xgboost\n"),
    (".gitlab-ci.yml", 200, lambda r: f"image: {r.choice(['python:latest', 'python:3.12'])}\ninclude:\n  - project: g/templates\n    ref: {r.choice(['main', 'v1.2.3'])}\n    file: /ci.yml\ntest:\n  services:\n    - name: postgres\n  script: [pytest]\n"),
    (".devcontainer/devcontainer.json", 100, lambda r: f"{{\n  // dev\n  \"name\": \"x\",\n  \"image\": \"mcr.microsoft.com/devcontainers/python:{r.choice(['latest', '1-3.12-bookworm'])}\"\n}}\n"),
]


def generate(root: Path, total: int, rng: random.Random) -> dict:
    weights = sum(count for _, count, _ in KINDS)
    files = collections.defaultdict(list)
    written = 0
    service = 0
    plan = [(name, max(1, round(count * total / weights)) if count else 0, make) for name, count, make in KINDS]
    remaining = {name: count for name, count, _ in plan}
    while written < total:
        service_root = root / f"svc{service:05d}"
        for name, _, make in plan:
            if make is None or remaining[name] <= 0 or written >= total:
                continue
            path = service_root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(make(rng))
            files[name].append(str(path.relative_to(root)))
            remaining[name] -= 1
            written += 1
            if name == "chart/values.yaml":
                (path.parent / "Chart.yaml").write_text("apiVersion: v2\nname: api\nversion: 0.1.0\nappVersion: \"2.4.1\"\n")
                written += 1
            if name == "requirements.txt":
                (path.parent / "base.txt").write_text("requests==2.32.3\n")
                (path.parent / "constraints.txt").write_text("pandas==2.2.2\n")
                written += 2
        service += 1
    return files


# CPU seconds (user + system) of each command line, by (program, argument count).
CPU = collections.defaultdict(list)


def timed(command, cwd):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    CPU[command[0], len(command)].append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    if result.returncode not in (0, 1, 10, 11, 12, 13, 14):
        raise SystemExit(f"{command[0]} failed ({result.returncode}): {result.stderr[:2000]}")
    return elapsed, result.stdout


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--nbship", required=True)
    parser.add_argument("--hadolint", default=shutil.which("hadolint"))
    parser.add_argument("--zizmor", default=shutil.which("zizmor"))
    parser.add_argument("--files", type=int, default=10000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    nbship = str(Path(args.nbship).resolve())
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory(prefix="nbship-bench-monorepo-") as tmp:
        root = Path(tmp)
        files = generate(root, args.files, rng)
        count = sum(1 for path in root.rglob("*") if path.is_file())
        dockerfiles = files["Dockerfile"]
        workflows = files[".github/workflows/ci.yml"] + files[".github/actions/setup/action.yml"]
        commands = {
            "nbship (monorepo)": [nbship, "lint", "--format", "json", "."],
            "nbship (Dockerfiles)": [nbship, "lint", "--format", "json", *dockerfiles],
            "nbship (workflows)": [nbship, "lint", "--format", "json", "--strict", *workflows],
        }
        if args.hadolint:
            commands["hadolint (Dockerfiles)"] = [args.hadolint, "--no-fail", "-f", "json", *dockerfiles]
        if args.zizmor:
            commands["zizmor (workflows)"] = [args.zizmor, "--offline", "--no-progress", "--format", "json", *workflows]
        env_note = os.environ.get("BENCH_NOTE", "machine shared with other engineers' builds")
        timings = collections.defaultdict(list)
        outputs = {}
        for _ in range(args.runs):
            for tool, command in commands.items():
                elapsed, stdout = timed(command, root)
                timings[tool].append(elapsed)
                outputs[tool] = stdout
        findings = json.loads(outputs["nbship (monorepo)"])
        by_rule = collections.Counter(finding["rule"] for finding in findings["findings"])
        print(f"{count} files ({args.files} linted kinds + their Chart.yaml/includes), {args.runs} rounds, "
              f"{os.cpu_count()} cores ({env_note})")
        for tool, command in commands.items():
            values = timings[tool]
            cpu = CPU[command[0], len(command)]
            print(f"{tool:24s} best {min(values):.3f}s  median {statistics.median(values):.3f}s  "
                  f"(CPU user+sys median {statistics.median(cpu):.3f}s)")
        print(f"load average after the runs: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
        if args.hadolint:
            ratio = statistics.median(timings["hadolint (Dockerfiles)"]) / statistics.median(timings["nbship (Dockerfiles)"])
            print(f"hadolint / nbship on {len(dockerfiles)} Dockerfiles (medians): {ratio:.1f}x")
        if args.zizmor:
            ratio = statistics.median(timings["zizmor (workflows)"]) / statistics.median(timings["nbship (workflows)"])
            print(f"zizmor --offline / nbship --strict on {len(workflows)} workflows and actions (medians): {ratio:.1f}x")
            zizmor = json.loads(outputs["zizmor (workflows)"] or "[]")
            unpinned = sum(1 for finding in zizmor if finding.get("ident") == "unpinned-uses")
            print(f"unpinned-uses: zizmor {unpinned}, nbship actions.* {by_rule['actions.unpinned'] + by_rule['actions.not-sha']}")
        print(f"nbship findings over the monorepo: {sum(by_rule.values())} "
              + ", ".join(f"{rule} {n}" for rule, n in sorted(by_rule.items())))
        print(f"problems: {len(findings['problems'])}")


if __name__ == "__main__":
    main()
