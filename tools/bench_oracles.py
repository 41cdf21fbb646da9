#!/usr/bin/env python3
"""Decode speed of centinela next to the independent ASTERIX decoders, on one file, in one run.

    python3 tools/bench_oracles.py [--centinela PATH] [--benchmark-output FILE] [--runs 5]

Builds a temporary pcap of at least --records CAT048 records (default 100,000): the datagrams
of cat_034_048.pcap that carry CAT048, with their CAT034 blocks dropped, repeated in order, each as Ethernet/IPv4/UDP from
127.0.0.1:49152 to 127.0.0.1:PORT (default 8600), timestamps 1 ms apart. Then times, as whole
processes on that file, the median of --runs runs each, the tools taking turns:

  centinela        `centinela decode F --format jsonl --keep-duplicates` (the release build
                   from tools/bench.sh; --keep-duplicates because the file repeats datagrams
                   on purpose), output to /dev/null
  asterix-decoder  CroatiaControl's Python package (venv tools/.venv-asterix-decoder): the pcap
                   read in Python, `asterix.parse(payload)` per datagram; once building the
                   dicts only ("parse"), once also writing each record as a JSON line ("+json")
  tshark           `tshark -r F -d udp.port==PORT,asterix -T json`, output to /dev/null

Each tool's record count is checked once against the number built in (an untimed run for
tshark). With --benchmark-output (the text that `swift package benchmark` printed), the
in-process numbers of the DecodeBenchmarks target are quoted next to them, and the malloc check
is applied: the typed CAT048 path must allocate nothing per record (exit 1 otherwise).

Needs: the recordings in ../shared/recordings/real (or $CENTINELA_RECORDINGS), and
`bash tools/setup.sh` for the venv and tshark. A tool that is missing is reported and skipped.
"""
import argparse
import os
import re
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VENV_PYTHON = os.path.join(ROOT, "tools", ".venv-asterix-decoder", "bin", "python")
SOURCE_PCAP = "croatiacontrol-asterix/cat_034_048.pcap"

# Run by the venv's Python: argv[1] the pcap, argv[2] "parse" or "json". Prints the record count
# on stderr. The pcap reader handles what this script writes (little-endian, Ethernet/IPv4/UDP).
ASTERIX_DECODER_SCRIPT = r"""
import json, struct, sys
import asterix
data = open(sys.argv[1], "rb").read()
as_json = sys.argv[2] == "json"
out = sys.stdout
records = 0
p = 24
while p + 16 <= len(data):
    incl = struct.unpack_from("<I", data, p + 8)[0]
    frame = data[p + 16:p + 16 + incl]
    p += 16 + incl
    ihl = (frame[14] & 0x0F) * 4
    payload = frame[14 + ihl + 8:]
    parsed = asterix.parse(payload)
    records += len(parsed)
    if as_json:
        for r in parsed:
            out.write(json.dumps(r))
            out.write("\n")
print(records, file=sys.stderr)
"""

# Counts the records per datagram of a list of hex payloads (argv from stdin), one count a line.
COUNT_SCRIPT = r"""
import sys, asterix
for line in sys.stdin:
    print(len(asterix.parse(bytes.fromhex(line.strip()))))
"""


def udp_payloads(pcap):
    """(destination port, UDP payload) of each Ethernet/IPv4/UDP packet of a pcap."""
    order = "<" if pcap[:4] in (b"\xd4\xc3\xb2\xa1", b"\x4d\x3c\xb2\xa1") else ">"
    out, p = [], 24
    while p + 16 <= len(pcap):
        incl = struct.unpack_from(order + "I", pcap, p + 8)[0]
        frame = pcap[p + 16:p + 16 + incl]
        p += 16 + incl
        if len(frame) < 42 or frame[12:14] != b"\x08\x00" or frame[23] != 17:
            continue
        ihl = (frame[14] & 0x0F) * 4
        u = 14 + ihl
        port, length = struct.unpack_from(">HH", frame, u + 2)
        out.append((port, frame[u + 8:u + length]))
    return out


def cat048_only(payload):
    """The CAT048 data blocks of a datagram (other categories dropped), b"" if none or malformed."""
    out, p = b"", 0
    while p + 3 <= len(payload):
        n = struct.unpack_from(">H", payload, p + 1)[0]
        if n < 3 or p + n > len(payload):
            return b""
        if payload[p] == 48:
            out += payload[p:p + n]
        p += n
    return out if p == len(payload) else b""


def ip_checksum(header):
    s = sum(struct.unpack(">10H", header))
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return ~s & 0xFFFF


def write_pcap(path, payloads, port):
    with open(path, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 262144, 1))
        t0 = 1_700_000_000.0
        for i, payload in enumerate(payloads):
            udp = struct.pack(">HHHH", 49152, port, 8 + len(payload), 0) + payload
            ip = bytearray(struct.pack(">BBHHHBBH4s4s", 0x45, 0, 20 + len(udp), i & 0xFFFF, 0, 64, 17, 0,
                                       bytes([127, 0, 0, 1]), bytes([127, 0, 0, 1])))
            ip[10:12] = struct.pack(">H", ip_checksum(bytes(ip)))
            frame = b"\0" * 12 + b"\x08\x00" + bytes(ip) + udp
            t = t0 + i * 0.001
            sec = int(t)
            f.write(struct.pack("<IIII", sec, int(round((t - sec) * 1e6)) % 1_000_000, len(frame), len(frame)))
            f.write(frame)


def timed(cmd, stdout=subprocess.DEVNULL):
    start = time.perf_counter()
    done = subprocess.run(cmd, stdout=stdout, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} exited {done.returncode}: {done.stderr.strip()[-400:]}")
    return elapsed, done.stderr


def count_tshark_records(cmd):
    """Records in tshark's JSON output: one "asterix.message" key each."""
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    n = sum(line.count('"asterix.message":') for line in proc.stdout)
    proc.wait()
    return n


def read_benchmark_output(path):
    """{benchmark name: {metric row title: p50, ... , metric + ' p100': p100}} from the text tables."""
    results, name = {}, None
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            line = line.rstrip("\n")
            if line and not line.startswith(("│", "╒", "╞", "├", "╘", "=")) and "│" not in line:
                name = line.strip()
                continue
            if line.startswith("│") and name:
                cells = [c.strip() for c in line.strip("│").split("│")]
                if len(cells) >= 9 and cells[0] != "Metric":
                    try:
                        results.setdefault(name, {})[cells[0]] = int(cells[3].replace(",", ""))
                        results[name][cells[0] + " p100"] = int(cells[7].replace(",", ""))
                    except ValueError:
                        pass
    return results


def unit_factor(title):
    """'Throughput (# / s) (K)' → 1000."""
    m = re.search(r"\((K|M|G)\)", title)
    return {"K": 1e3, "M": 1e6, "G": 1e9}[m.group(1)] if m else 1


def metric(results, bench, prefix):
    for title, value in results.get(bench, {}).items():
        if title.startswith(prefix) and not title.endswith(" p100"):
            worst = results[bench].get(title + " p100")
            return value * unit_factor(title), (worst * unit_factor(title) if worst is not None else None)
    return None, None


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--centinela", default=os.path.join(ROOT, ".build-bench", "release", "centinela"))
    ap.add_argument("--recordings", default=os.environ.get("CENTINELA_RECORDINGS",
                                                           os.path.join(ROOT, "..", "shared", "recordings", "real")))
    ap.add_argument("--records", type=int, default=100_000, help="at least this many CAT048 records in the file")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--port", type=int, default=8600)
    ap.add_argument("--benchmark-output", help="text output of `swift package benchmark` to quote")
    ap.add_argument("--keep", help="also write the generated pcap here")
    args = ap.parse_args()
    if args.runs < 1:
        ap.error("--runs must be at least 1")
    status = 0

    source = os.path.join(args.recordings, SOURCE_PCAP)
    if not os.path.exists(source):
        print(f"bench_oracles: {source} not found: the side-by-side needs the real recordings "
              "(set CENTINELA_RECORDINGS); skipped", file=sys.stderr)
        return 0
    with open(source, "rb") as f:
        datagrams = [d for d in (cat048_only(p) for _, p in udp_payloads(f.read())) if d]
    if not os.path.exists(VENV_PYTHON):
        print("bench_oracles: no tools/.venv-asterix-decoder: run `bash tools/setup.sh`", file=sys.stderr)
        return 2
    counted = subprocess.run([VENV_PYTHON, "-c", COUNT_SCRIPT], input="\n".join(d.hex() for d in datagrams),
                             capture_output=True, text=True, check=True).stdout.split()
    per_datagram = [int(c) for c in counted]
    payloads, total = [], 0
    while total < args.records:
        for d, n in zip(datagrams, per_datagram):
            payloads.append(d)
            total += n
    work = tempfile.mkdtemp(prefix="centinela-bench-")
    try:
        pcap = os.path.join(work, "cat048.pcap")
        write_pcap(pcap, payloads, args.port)
        if args.keep:
            shutil.copyfile(pcap, args.keep)
        size = os.path.getsize(pcap)
        print(f"file: {len(payloads)} datagrams, {total} CAT048 records, {size / 1e6:.1f} MB "
              f"(the {len(datagrams)} datagrams of {SOURCE_PCAP} that carry CAT048, {sum(per_datagram)} records, repeated; "
              f"UDP to 127.0.0.1:{args.port})")

        tools = []
        if os.access(args.centinela, os.X_OK):
            tools.append(("centinela jsonl", [args.centinela, "decode", pcap, "--format", "jsonl", "--keep-duplicates"]))
        else:
            print(f"bench_oracles: no centinela at {args.centinela}: build it with "
                  "`swift build -c release --scratch-path .build-bench --product centinela`", file=sys.stderr)
        tools.append(("asterix-decoder parse", [VENV_PYTHON, "-c", ASTERIX_DECODER_SCRIPT, pcap, "parse"]))
        tools.append(("asterix-decoder +json", [VENV_PYTHON, "-c", ASTERIX_DECODER_SCRIPT, pcap, "json"]))
        tshark = shutil.which("tshark")
        if tshark:
            tools.append(("tshark -T json", [tshark, "-r", pcap, "-d", f"udp.port=={args.port},asterix", "-T", "json"]))
        else:
            print("bench_oracles: no tshark: run `bash tools/setup.sh`", file=sys.stderr)

        # Record counts, once: each tool must see every record, or its speed means nothing.
        counts = {}
        for name, cmd in tools:
            if name.startswith("tshark"):
                counts[name] = count_tshark_records(cmd)
            elif name.startswith("centinela"):
                _, err = timed(cmd)
                m = re.search(r"CAT048 (\d+)", err)
                counts[name] = int(m.group(1)) if m else None
            else:
                _, err = timed(cmd)
                counts[name] = int(err.strip().split()[-1])

        times = {name: [] for name, _ in tools}
        for _ in range(args.runs):
            for name, cmd in tools:  # the tools take turns, so a slow moment hits them all
                times[name].append(timed(cmd)[0])

        print(f"\nrecords/s, median of {args.runs} runs, whole process on the same file:")
        print(f"{'tool':<26}{'median s':>10}{'min s':>9}{'max s':>9}{'records/s':>13}{'centinela ×':>13}  records seen")
        rates = {name: total / statistics.median(ts) for name, ts in times.items()}
        base = rates.get("centinela jsonl")
        for name, ts in times.items():
            ratio = f"{base / rates[name]:.1f}" if base else "-"
            seen = counts.get(name)
            flag = "" if seen == total else f"  ≠ {total}!"
            print(f"{name:<26}{statistics.median(ts):>10.3f}{min(ts):>9.3f}{max(ts):>9.3f}{rates[name]:>13,.0f}{ratio:>13}  {seen}{flag}")
        if base:
            print("(centinela × = how many times faster centinela's records/s is than the tool's)")
    finally:
        shutil.rmtree(work, ignore_errors=True)

    if args.benchmark_output:
        results = read_benchmark_output(args.benchmark_output)
        print("\nin process (DecodeBenchmarks, p50; real CAT048 records from memory, no output):")
        rows = [("typed: decode → Cat048Record → Plot", "CAT048 typed: decode → Cat048Record → Plot",
                 "CAT048 typed, mallocs per 1000-record pass"),
                ("generic: decode → values()", "CAT048 generic: decode → values()",
                 "CAT048 generic, mallocs per 1000-record pass"),
                ("scan only", "CAT048 scan only: decode, no item values", None)]
        for label, bench, malloc_bench in rows:
            rate, _ = metric(results, bench, "Throughput")
            ns, _ = metric(results, bench, "Time (wall clock)")
            line = f"{label:<38}"
            line += f"{rate:>14,.0f} records/s" if rate else "   (not in the output)"
            if ns:
                line += f"  {ns:,.0f} ns/record"
            if rate and base:
                line += f"  ({rate / base:.0f}× the centinela process)"
            if malloc_bench:
                per_pass, worst = metric(results, malloc_bench, "Malloc (total)")
                if per_pass is not None:
                    line += f"  mallocs/record {per_pass / 1000:g} (worst pass: {worst:g} in 1000 records)"
                    if malloc_bench.startswith("CAT048 typed") and (worst or 0) > 0:
                        status = 1
                        line += "  ← FAIL: the typed path must not allocate per record"
            print(line)
        for bench in ("pcap frames", "GPS frames"):
            rate, _ = metric(results, bench, "Throughput")
            if rate:
                print(f"{bench + ' (container reading)':<38}{rate:>14,.0f} frames/s")
    return status


if __name__ == "__main__":
    sys.exit(main())
