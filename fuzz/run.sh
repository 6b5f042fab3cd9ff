#!/usr/bin/env bash
# Runs each libFuzzer target for SECONDS (default 600) from the seeds in fuzz/corpus/<target>.
# New inputs go to a scratch copy of the seeds (the repo keeps only the small seed set);
# crashes go to fuzz-artifacts/ and fail the run.
set -euo pipefail
seconds="${1:-600}"
cd "$(dirname "$0")"
swift build -c release --sanitize=fuzzer --sanitize=address 2>&1 | tail -3
bin="$(swift build -c release --sanitize=fuzzer --sanitize=address --show-bin-path)"
mkdir -p ../fuzz-artifacts
status=0
for target in notebook:FuzzNotebookReader python:FuzzPythonAnalyzer; do
    seeds="corpus/${target%%:*}"
    exe="${target##*:}"
    work="$(mktemp -d)"
    cp -r "$seeds"/. "$work"/
    echo "== $exe for ${seconds}s (seeds: $(ls "$seeds" | wc -l))"
    if ! "$bin/$exe" "$work" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=4096 \
        -artifact_prefix=../fuzz-artifacts/"$exe"- -print_final_stats=1 2>&1 | tail -15; then
        status=1
    fi
    rm -rf "$work"
done
exit $status
