#!/usr/bin/env python3
"""`make bench` for registries: pushing an image to a local registry, nbship against skopeo.

    python3 bench/registry/run.py --nbship .build/release/nbship [--runs 3] [--megabytes 200]

Builds (untimed) a scratch project whose data/ holds --megabytes MB (default 260) of mixed
compressibility (64 KiB segments: 6/8 random, 1/8 low-entropy, 1/8 zero, from --seed), so the
image is about 200 MB: a large data layer, a small application layer and a config. Then, N times each, a whole process
timed against a fresh Debian `docker-registry` on 127.0.0.1 (new storage every time, so no
blob is already there and neither tool can mount one):

- `nbship push IMAGE.tar 127.0.0.1:PORT/bench/app:1` (a fresh --cache-dir, so no mount hint);
- `skopeo copy --dest-tls-verify=false oci-archive:IMAGE.tar docker://127.0.0.1:PORT/bench/app:1`.

And the bytes a code-only re-push sends: one line changed in src/, rebuilt with the warm
layer cache, pushed to the registry that has the first version (`--format json`'s
bytesUploaded against the image's blob bytes).

Prints a table and the ratio skopeo / nbship (>= 1 means nbship is no slower), writes
bench-out/registry-results.json, exits non-zero if a command fails. The machine may be shared:
figures from a loaded machine say so in the JSON (load average before and after).
"""
import argparse
import json
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Registry:
    """A docker-registry with its own config and storage, on a free loopback port."""

    def __init__(self, binary: str, work: Path):
        self.dir = Path(tempfile.mkdtemp(prefix="registry-", dir=work))
        self.port = free_port()
        config = self.dir / "config.yml"
        config.write_text(
            "version: 0.1\nlog:\n  level: error\n  accesslog:\n    disabled: true\n"
            f"storage:\n  filesystem:\n    rootdirectory: {self.dir / 'storage'}\n"
            f"http:\n  addr: 127.0.0.1:{self.port}\n  secret: bench\n")
        self.process = subprocess.Popen([binary, "serve", str(config)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.05)
        self.stop()
        raise SystemExit("docker-registry did not start")

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.port}"

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)
        shutil.rmtree(self.dir, ignore_errors=True)


def make_project(directory: Path, megabytes: int, seed: int):
    rng = random.Random(seed)
    (directory / "src/app").mkdir(parents=True, exist_ok=True)
    (directory / "src/app/__init__.py").write_text("VERSION = 1\n")
    (directory / "pyproject.toml").write_text('[project]\nname = "app"\nversion = "0.1.0"\n')
    (directory / "data").mkdir(exist_ok=True)
    low = bytes(rng.choices(range(0, 256, 11), k=65536))
    segments = megabytes * 16
    for part in range(4):
        with open(directory / f"data/part{part}.bin", "wb") as out:
            for index in range(segments // 4):
                kind = (index * 7 + part) % 8
                out.write(rng.randbytes(65536) if kind < 6 else low if kind == 6 else bytes(65536))


def run(command: list[str], **kwargs) -> subprocess.CompletedProcess:
    result = subprocess.run(command, capture_output=True, text=True, **kwargs)
    if result.returncode != 0:
        sys.stderr.write(f"failed: {' '.join(command)}\n{result.stdout}{result.stderr}")
        raise SystemExit(1)
    return result


def timed(command: list[str]) -> float:
    started = time.perf_counter()
    run(command)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--nbship", required=True)
    parser.add_argument("--skopeo", default="skopeo")
    parser.add_argument("--registry", default="/usr/bin/docker-registry")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--megabytes", type=int, default=260)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--out", default=str(ROOT / "bench-out/registry-results.json"))
    args = parser.parse_args()
    nbship = str(Path(args.nbship).resolve())
    load_before = os.getloadavg()

    with tempfile.TemporaryDirectory(prefix="nbship-bench-registry-") as scratch:
        work = Path(scratch)
        project = work / "project"
        make_project(project, args.megabytes, args.seed)
        image = work / "app.tar"
        cache = work / "cache"
        run([nbship, "build", str(project), "-o", str(image), "--tag", "app:1", "--base", "scratch", "--cache-dir", str(cache)])
        image_bytes = image.stat().st_size

        times = {"nbship push": [], "skopeo copy": []}
        for number in range(args.runs):
            for name in (("nbship push", "skopeo copy") if number % 2 == 0 else ("skopeo copy", "nbship push")):
                registry = Registry(args.registry, work)
                try:
                    target = f"{registry.address}/bench/app:1"
                    if name == "nbship push":
                        fresh = work / f"push-cache-{number}"
                        times[name].append(timed([nbship, "push", str(image), target, "--cache-dir", str(fresh)]))
                    else:
                        times[name].append(timed([args.skopeo, "copy", "--quiet", "--dest-tls-verify=false",
                                                  f"oci-archive:{image}", f"docker://{target}"]))
                finally:
                    registry.stop()

        registry = Registry(args.registry, work)
        try:
            target = f"{registry.address}/bench/app:1"
            first = json.loads(run([nbship, "push", str(image), target, "--cache-dir", str(cache), "--format", "json"]).stdout)
            (project / "src/app/__init__.py").write_text("VERSION = 2\n")
            image2 = work / "app2.tar"
            run([nbship, "build", str(project), "-o", str(image2), "--tag", "app:1", "--base", "scratch", "--cache-dir", str(cache)])
            second = json.loads(run([nbship, "push", str(image2), target, "--cache-dir", str(cache), "--format", "json"]).stdout)
        finally:
            registry.stop()

    medians = {name: statistics.median(values) for name, values in times.items()}
    ratio = medians["skopeo copy"] / medians["nbship push"]
    repush = {
        "first_push_bytes": first["bytesUploaded"],
        "code_only_repush_bytes": second["bytesUploaded"],
        "uploaded": [blob["mediaType"] for blob in second["blobs"] if blob["outcome"] == "uploaded"],
        "present": sum(1 for blob in second["blobs"] if blob["outcome"] == "present"),
    }
    results = {
        "image_bytes": image_bytes, "runs": args.runs, "megabytes": args.megabytes,
        "seconds": times, "median_seconds": medians, "ratio_skopeo_over_nbship": ratio, "code_only_repush": repush,
        "load_average_before": load_before, "load_average_after": os.getloadavg(),
    }
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(results, indent=2, sort_keys=True) + "\n")
    print(f"push a {image_bytes / 1e6:.0f} MB image to a local registry ({args.runs} runs each, median; best)")
    for name, values in times.items():
        print(f"  {name:12s} {medians[name]:7.2f} s  {min(values):7.2f} s")
    print(f"  ratio skopeo/nbship: {ratio:.2f} (>= 1: nbship no slower)")
    print(f"  code-only re-push: {repush['code_only_repush_bytes']} bytes sent "
          f"(first push {repush['first_push_bytes']}), uploaded {repush['uploaded']}, {repush['present']} present")
    print(f"  load average before/after: {load_before[0]:.1f} / {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
