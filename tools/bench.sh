#!/usr/bin/env bash
# Runs the benchmarks, then the side-by-side against the independent decoders.
#
#   bash tools/bench.sh [PLUGIN OPTIONS...]     e.g. --filter 'CAT048 typed.*' or --target DecodeBenchmarks
#
# 1. Builds the release `centinela` into .build-bench/ (never the root .build).
# 2. Runs the package-benchmark suites of Benchmarks/ (its own package, building into
#    Benchmarks/.build): CAT048 decode to typed plots, the generic values() path, the scanner
#    alone, and pcap/GPS container reading, each per record or frame, with malloc counts.
# 3. Runs tools/bench_oracles.py: records/s of `centinela decode --format jsonl`, asterix-decoder
#    and tshark on one generated CAT048 pcap, next to the in-process numbers from step 2; it exits
#    1 if the typed CAT048 path allocated per record.
#
# BENCH_SKIP_ORACLES=1 stops after step 2; BENCH_RUNS=N sets the oracle runs (default 5).
# Needs `bash tools/setup.sh` (tshark, the asterix-decoder venv) and ../shared/recordings/real
# (without it the benchmarks use synthetic CAT048 records and the side-by-side is skipped).
# Timings on a 2-core machine vary up to 2.7× between runs: compare numbers from one run.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "bench: building release centinela (.build-bench)" >&2
swift build -c release --scratch-path .build-bench --product centinela 2>&1 | grep -E "error|Compiling|Build complete" | grep -v "^\[" >&2 || true
[ -x .build-bench/release/centinela ] || { echo "bench: release build failed" >&2; exit 1; }

out=$(mktemp)
trap 'rm -f "$out"' EXIT
echo "bench: running the benchmarks (Benchmarks/, release; the first build takes minutes)" >&2
# Each benchmark runs in its own process, which prints its corpus line again: show it once.
set +e
swift package --package-path Benchmarks benchmark --no-progress "$@" 2>&1 \
  | grep -v -E '^\[[0-9]+/[0-9]+\]|^(Building|Build |Compiling|Write |Wrapping|Linking)' \
  | awk '!(/corpus: / && seen[$0]++)' | tee "$out"
rc=${PIPESTATUS[0]}
set -e
if [ "$rc" -ne 0 ]; then
  echo "bench: the benchmarks failed (exit $rc)" >&2
  exit "$rc"
fi

if [ "${BENCH_SKIP_ORACLES:-0}" = 1 ]; then exit 0; fi
echo >&2
echo "bench: side by side with asterix-decoder and tshark (tools/bench_oracles.py)" >&2
python3 tools/bench_oracles.py --centinela .build-bench/release/centinela --runs "${BENCH_RUNS:-5}" --benchmark-output "$out"
