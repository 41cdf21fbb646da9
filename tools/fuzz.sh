#!/usr/bin/env bash
# Fuzzes the ASTERIX decoder and the recording readers with libFuzzer.
#
#   bash tools/fuzz.sh [SECONDS]        # SECONDS per target, default 60
#
# Targets (sources in tools/fuzz/):
#   fuzz-asterix     bytes → AsterixDecoder.decode; every record also through the generic
#                    values() decoder and JSONText, the typed reader of its category (CAT001,
#                    002, 021, 034, 048 with Plot, 062), and an encode → decode round trip that
#                    must give the same typed record
#   fuzz-containers  byte 0 picks raw/pcap/pcapng/gps/final (and ORADIS framing), the rest is
#                    the file; format detection, every frame read, every payload decoded
#
# The modules are compiled straight from Sources/ with swiftc, one module each (Surveillance,
# Asterix, Recording: the `import Surveillance` lines then resolve as in the package), with
# -sanitize=fuzzer,address, into .build-fuzz/. Seeds come from ../shared/recordings/real (or
# $CENTINELA_RECORDINGS): each raw file whole, each pcap datagram and GPS block on its own, each
# recording whole for the container target. Without the recordings the targets start from a few
# hand-made inputs. The grown corpus lives in a temporary folder and is thrown away.
#
# Crashing inputs are kept in tools/fuzz/out/<target>/ (git-ignored); the script then prints
# the message and stack trace and exits 1. Reproduce one with `.build-fuzz/fuzz-asterix FILE`.
# By default a target stops at its first crash. FUZZ_KEEP_GOING=1 runs libFuzzer's fork mode
# (-fork=1 -ignore_crashes=1), which keeps every crashing input and goes on for the whole time.
# FUZZ_NO_ROUNDTRIP=1 skips fuzz-asterix's encode/decode round-trip check (to look past a known
# round-trip bug for traps).
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-60}
build=.build-fuzz
out=tools/fuzz/out
recordings=${CENTINELA_RECORDINGS:-../shared/recordings/real}
modules=(Surveillance Asterix Recording)   # dependency order
targets=(asterix containers)
flags=(-sanitize=fuzzer,address -parse-as-library -swift-version 6 -O -g)

mkdir -p "$build/modules" "$build/obj" "$out"

# Rebuild only when a source or this script is newer than the binaries, or a source was added,
# removed or renamed (the stamp holds a digest of the file list).
stamp="$build/.stamp"
listing=$(find "${modules[@]/#/Sources/}" tools/fuzz -name '*.swift' | sort | md5sum | cut -d' ' -f1)
newest_source=$(find "${modules[@]/#/Sources/}" tools/fuzz tools/fuzz.sh -name '*.swift' -newer "$stamp" 2>/dev/null | head -1 || true)
if [ ! -f "$stamp" ] || [ -n "$newest_source" ] || [ tools/fuzz.sh -nt "$stamp" ] || [ "$(cat "$stamp")" != "$listing" ]; then
  for m in "${modules[@]}"; do
    echo "fuzz: compiling $m" >&2
    mapfile -t files < <(find "Sources/$m" -name '*.swift' | sort)
    if ! swiftc "${flags[@]}" -module-name "$m" -I "$build/modules" -whole-module-optimization \
      -emit-module -emit-module-path "$build/modules/$m.swiftmodule" \
      -c "${files[@]}" -o "$build/obj/$m.o" > "$build/$m.log" 2>&1; then
      grep -A6 "error:" "$build/$m.log" >&2 || cat "$build/$m.log" >&2
      echo "fuzz: $m does not compile (full log: $build/$m.log)" >&2
      exit 2
    fi
  done
  objects=()
  for m in "${modules[@]}"; do objects+=("$build/obj/$m.o"); done
  for t in "${targets[@]}"; do
    name=$(echo "${t:0:1}" | tr a-z A-Z)${t:1}
    echo "fuzz: linking fuzz-$t" >&2
    # The linker warns about local __asan_* symbols: harmless (SWIFT.md); the log keeps them.
    if ! swiftc "${flags[@]}" -module-name "Fuzz$name" -I "$build/modules" "tools/fuzz/Fuzz$name.swift" \
      "${objects[@]}" -o "$build/fuzz-$t" > "$build/fuzz-$t.log" 2>&1; then
      grep -v "__asan" "$build/fuzz-$t.log" >&2
      echo "fuzz: fuzz-$t does not build" >&2
      exit 2
    fi
  done
  echo "$listing" > "$stamp"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ -d "$recordings" ]; then
  python3 tools/fuzz/make_seeds.py "$recordings" "$work/seeds"
else
  echo "fuzz: no recordings at $recordings: starting from hand-made seeds only" >&2
  mkdir -p "$work/seeds/asterix" "$work/seeds/containers"
  printf '\x30\x00\x03' > "$work/seeds/asterix/empty-block"
  printf '\x00\x30\x00\x03' > "$work/seeds/containers/raw-empty-block"
fi

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:symbolize=1}
# Swift's own crash backtracer reads the stack in a way ASan reports as an underflow, which
# hides the real error: let libFuzzer print the trace instead.
export SWIFT_BACKTRACE=enable=no
symbolizer=$(command -v llvm-symbolizer || true)
[ -n "$symbolizer" ] || symbolizer=$(dirname "$(command -v swiftc)")/llvm-symbolizer
[ -x "$symbolizer" ] && export ASAN_SYMBOLIZER_PATH="$symbolizer"

status=0
summary=()
for t in "${targets[@]}"; do
  corpus="$work/corpus-$t"
  mkdir -p "$corpus" "$out/$t"
  case $t in
    asterix) max_len=8192 ;;
    containers) max_len=65536 ;;
  esac
  log="$work/$t.log"
  before=$(ls "$out/$t" | wc -l)
  marker="$work/start-$t"; touch "$marker"
  echo "fuzz: running fuzz-$t for ${seconds}s" >&2
  mode=()
  [ "${FUZZ_KEEP_GOING:-0}" = 1 ] && mode=(-fork=1 -ignore_crashes=1)
  set +e
  "$build/fuzz-$t" "$corpus" "$work/seeds/$t" -max_total_time="$seconds" -max_len="$max_len" \
    -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$out/$t/" "${mode[@]}" \
    > "$log" 2>&1
  rc=$?
  set -e
  execs=$(grep -ho 'stat::number_of_executed_units: *[0-9]*' "$log" | awk '{s += $2} END {print s + 0}')
  # Fork mode prints no final stats: take the last progress line "#N: cov: ...".
  [ "$execs" -gt 0 ] || execs=$(grep -oE '^#[0-9]+' "$log" | tail -1 | tr -d '#' || true)
  cov=$(grep -oE 'cov: [0-9]+' "$log" | tail -1 | awk '{print $2}' || true)
  corpus_size=$(ls "$corpus" | wc -l)
  after=$(ls "$out/$t" | wc -l)
  new=$((after - before))
  if [ "$rc" -ne 0 ] || [ "$new" -gt 0 ]; then
    status=1
    newest=$(ls -t "$out/$t" | head -1)
    summary+=("fuzz-$t: CRASH: $new crashing input(s) kept in $out/$t/ (newest $newest), exit $rc, after ${execs:-?} executions")
    echo "----- fuzz-$t: crash -----" >&2
    # Each new input replayed: its first error line, byte lists and offsets blanked so that
    # inputs with the same cause group together (count, message).
    echo "distinct errors of the new inputs (count, message):" >&2
    find "$out/$t" -type f -newer "$marker" | head -200 | while read -r f; do
      replay=$(timeout 30 "$build/fuzz-$t" "$f" 2>&1 || true)
      line=$(grep -E -m1 'Fatal error|SUMMARY|ERROR: libFuzzer: (timeout|out-of-memory)' <<< "$replay" || true)
      echo "${line:-(does not reproduce)}"
    done | sed -E 's/\[[^]]*\]/[…]/g; s/(byte|offset) [0-9]+/\1 N/g; s/different record:.*/different record/' \
      | cut -c1-300 | sort | uniq -c | sort -rn | head -15 >&2
    echo "first report:" >&2
    grep -E -m1 'Fatal error' "$log" | cut -c1-2000 >&2 || true
    awk '/ERROR: (libFuzzer|AddressSanitizer)/ {on = 1} on {print; if (++n > 40 || /^SUMMARY/) exit}' "$log" >&2
    echo "----- reproduce: $build/fuzz-$t $out/$t/$newest -----" >&2
    echo "input ($(stat -c %s "$out/$t/$newest") bytes):" >&2
    od -A d -t x1 "$out/$t/$newest" | head -20 >&2
  else
    summary+=("fuzz-$t: no crash, ${execs:-?} executions in ${seconds}s, coverage ${cov:-?} edges, corpus $corpus_size inputs")
  fi
done

echo
for line in "${summary[@]}"; do echo "$line"; done
exit $status
