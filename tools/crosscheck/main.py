"""crosscheck: decode every real recording with centinela and with independent decoders (tshark,
asterix-decoder, libasterix), and fail on any difference that no known decoder fault explains."""
from __future__ import annotations

import argparse
import bisect
import os
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from itertools import combinations

from . import centinela, known_faults, oracle_asterix_decoder, oracle_libasterix, oracle_tshark, tracks
from .common import TOOLS, Result
from .compare import align, diff_pairs, sample
from .containers import read_recording
from .fields import COMPARED, present
from .files import DATA_SUFFIXES, FILES, FileSpec

REPO = os.path.dirname(TOOLS)
ORACLES = ("tshark", "asterix-decoder", "libasterix")
SHORT = {"centinela": "ours", "tshark": "tshark", "asterix-decoder": "ast-dec", "libasterix": "libast"}
CONVERTED_CATS = (34, 48, 62)
CONVERT_ORACLES = ("tshark", "asterix-decoder")
CONVERT_PORT = 8600
NO_SPEC = "not compared (no spec in centinela)"
PLAUSIBLE = {"tod": (0, 86400), "lat": (-90, 90), "lon": (-180, 180)}


@dataclass
class Row:
    file: str
    cat: int
    counts: dict[str, int | None]
    expected: int | None = None
    compared: int = 0
    diffs: list[str] = field(default_factory=list)   # unexplained, one line each
    known: Counter = field(default_factory=Counter)    # fault.what -> times applied
    verdict: str = ""
    oracles: int = 2          # oracles whose records could be compared

    def finish(self, skipped: str = "") -> None:
        if skipped:
            self.verdict = skipped
        elif self.diffs:
            self.verdict = "FAIL"
        else:
            why = (["known faults"] if self.known else []) + \
                  ([f"only {self.oracles} oracle can read it"] if self.oracles < 2 else [])
            self.verdict = "ok" + (f" ({'; '.join(why)})" if why else "")


def fmt(v) -> str:
    if isinstance(v, float):
        return f"{v:.10g}"
    return "absent" if v is None else repr(v) if isinstance(v, str) else str(v)


def where(recs: dict[str, list[dict]], maps: dict[str, dict[int, int]], base: str, i: int) -> str:
    """A human locator for record i of `base`: its block index and time of day from an oracle."""
    for name in ORACLES:
        j = i if name == base else maps.get(name, {}).get(i)
        if j is not None and name in recs and "b" in recs[name][j]:
            r = recs[name][j]
            tod = f", ToD {r['tod']:.3f}" if r.get("tod") is not None else ""
            return f"block {r['b']}{tod}"
    return ""


def compare_category(rel: str, cat: int, results: dict[str, Result], expected: int | None,
                     limit: int, times: tuple[str, set[float]] | None = None) -> Row:
    """Counts and key fields of one category of one file, across every decoder that ran.
    `times`: ("ts" or "rx_tod", the datagram times of the file) to check our records against."""
    order = [n for n in ("centinela", *ORACLES) if n in results]
    recs = {n: [r for r in results[n].records if r["cat"] == cat] for n in order if not results[n].failed}
    row = Row(rel, cat, {n: (len(recs[n]) if n in recs else None) for n in order}, expected)
    if cat not in COMPARED:
        row.finish(NO_SPEC)
        return row
    for f in known_faults.FAULTS:
        if f.kind == "disagree" and f.matches(rel, "*", cat):
            f.applied += 1
            row.known[f.what] += 1
            row.finish("not compared (README: decoders disagree)")
            return row
    if expected is None:   # no README count: the oracles' count if they agree
        oc = {len(recs[n]) for n in ORACLES if n in recs}
        expected = oc.pop() if len(oc) == 1 else None
    usable: dict[str, int | None] = {}  # decoder -> how many records to compare (None = all)
    for name, rs in recs.items():
        usable[name] = None
        if expected is None or len(rs) == expected:
            continue
        faults = [f for f in known_faults.find(rel, name, cat, "count") if f.value == len(rs)]
        if faults and name != "centinela":
            faults[0].applied += 1
            row.known[faults[0].what] += 1
            usable[name] = faults[0].compare_first
        else:
            row.diffs.append(f"record count: {SHORT[name]} {len(rs)}, README/oracles {expected}")
    names = [n for n in recs if usable[n] != 0]
    pairs = [("centinela", o) for o in names if o != "centinela"] if "centinela" in names \
        else list(combinations(names, 2))
    maps: dict[str, dict[int, int]] = {}
    found: dict[tuple[int, str], dict[str, object]] = {}
    base = pairs[0][0] if pairs else None
    for a, b in pairs:
        ra, rb = recs[a][:usable[a] or None], recs[b][:usable[b] or None]
        al = align(ra, rb)
        if a == base:
            maps[b] = dict(al)
        al = sample(al, limit)
        row.compared += sum(present(cat, ra[i], rb[j]) for i, j in al)
        for i, j, fld, va, vb, fault in diff_pairs(rel, cat, a, ra, b, rb, al):
            if fault:
                fault.applied += 1
                row.known[fault.what] += 1
            elif a == base:
                found.setdefault((i, fld), {a: va})[b] = vb
            else:
                row.diffs.append(f"{a} #{i} vs {b} #{j} {fld}: {fmt(va)} vs {fmt(vb)}")
    for (i, fld), vals in sorted(found.items()):
        agree = [SHORT[n] for n in ORACLES if n in maps and n not in vals and i in maps[n]]
        text = ", ".join(f"{SHORT[n]}={fmt(v)}" for n, v in vals.items())
        loc = where(recs, maps, base, i)
        row.diffs.append(f"#{i}{' (' + loc + ')' if loc else ''} {fld}: {text}"
                         + (f"; agree with {SHORT[base]}: {', '.join(agree)}" if agree else ""))
    if "centinela" in recs:
        row.diffs += container_times(recs["centinela"], times)
        row.diffs += [m for c, m in results["centinela"].problems if c == cat]
    row.oracles = len([n for n in names if n != "centinela"])
    row.finish()
    return row


def container_times(ours: list[dict], times: tuple[str, set[float]] | None) -> list[str]:
    """Each of our records must carry the time of a datagram of the file (pcap ts / GPS rx_tod)."""
    if not times:
        return []
    kind, known = times
    known = sorted(known)

    def listed(t) -> bool:   # within 2 µs of a datagram time
        k = bisect.bisect_left(known, t - 2e-6)
        return k < len(known) and known[k] <= t + 2e-6

    bad = [(i, r.get(kind)) for i, r in enumerate(ours)
           if not isinstance(r.get(kind), (int, float)) or not listed(r[kind])]
    return [f"#{i} {kind}: ours={fmt(v)} is not the {kind} of any datagram in the file" for i, v in bad[:5]] \
        + ([f"... {len(bad) - 5} more records with a wrong {kind}"] if len(bad) > 5 else [])


def robustness(rel: str, results: dict[str, Result]) -> list[Row]:
    """asterix.pcap: ours must exit normally, report errors, and invent no plausible record."""
    rows = []
    ours = results.get("centinela")
    cats = sorted({r["cat"] for res in results.values() for r in res.records} or {62})
    for cat in cats:
        row = Row(rel, cat, {n: (sum(r["cat"] == cat for r in res.records) if not res.failed else None)
                             for n, res in results.items()})
        if ours is not None:
            if ours.failed:
                row.diffs.append(f"centinela did not exit normally: {ours.failed}")
            elif centinela.reported_errors(ours.stderr) == 0:
                row.diffs.append("centinela's stderr summary reports no errors/rejected blocks: "
                                 + (ours.stderr.replace("\n", " | ")[:200] or "(empty)"))
            for i, r in enumerate(x for x in ours.records if x["cat"] == cat):
                bad = [k for k, (lo, hi) in PLAUSIBLE.items() if r.get(k) is not None and not lo <= r[k] <= hi]
                if bad:
                    row.diffs.append(f"#{i} invented record: " + ", ".join(f"{k}={fmt(r[k])}" for k in bad))
        row.finish("robustness only: oracles not compared" if ours is None else "")
        if row.verdict.startswith("ok"):
            row.verdict = "ok (rejected cleanly)"
        rows.append(row)
    return rows


def convert_run(binary: str, path: str, spec: FileSpec) -> tuple[str | None, dict[str, Result]]:
    """Ours -> oracles: `centinela convert` the file, then decode the new pcap with the oracles."""
    fd, out = tempfile.mkstemp(suffix=".pcap", prefix="crosscheck-convert-")
    os.close(fd)
    try:
        err = centinela.convert(binary, path, out, CONVERT_PORT, spec)
        conv = {} if err else {"tshark": oracle_tshark.run(out, "plain"),
                               "asterix-decoder": oracle_asterix_decoder.run(out)}
    finally:
        if os.path.exists(out):
            os.unlink(out)
    return err, conv


def convert_compare(rel: str, spec: FileSpec, originals: dict[str, Result], err: str | None,
                    conv: dict[str, Result], limit: int) -> list[Row]:
    """What each oracle reads from the converted pcap must equal what it read from the original."""
    cats = sorted({r["cat"] for n in CONVERT_ORACLES for r in originals[n].records if r["cat"] in CONVERTED_CATS})
    if err:   # one row for the file
        row = Row(rel, cats[0] if cats else 0, {}, diffs=[err])
        row.finish()
        return [row]
    rows = []
    for cat in cats:
        row = Row(rel, cat, {})
        for name in CONVERT_ORACLES:
            a = [r for r in originals[name].records if r["cat"] == cat]
            if conv[name].failed:
                row.counts[name] = None
                row.diffs.append(f"{name} on the converted pcap: {conv[name].failed}")
                continue
            b = [r for r in conv[name].records if r["cat"] == cat]
            row.counts[name] = (len(a), len(b))
            if spec.robustness_only:
                bad = [r for r in b if any(r.get(k) is not None and not lo <= r[k] <= hi
                                           for k, (lo, hi) in PLAUSIBLE.items())]
                if bad:
                    row.diffs.append(f"{name} reads {len(bad)} converted records with ToD, lat or lon out of range")
                continue
            faults = [f for f in known_faults.find(rel, name, cat, "count") if f.value == len(a)]
            if faults:   # the oracle is wrong on the original: nothing to compare against
                faults[0].applied += 1
                row.known[faults[0].what] += 1
                continue
            if len(a) != len(b):
                row.diffs.append(f"{SHORT[name]}: {len(a)} records in the original, {len(b)} after convert")
            al = sample(align(a, b), limit)
            row.compared += sum(present(cat, a[i], b[j]) for i, j in al)
            for i, j, fld, va, vb, _f in diff_pairs(rel, cat, name, a, name, b, al):
                loc = f" (block {a[i]['b']}, ToD {a[i]['tod']:.3f})" if a[i].get("tod") is not None else ""
                row.diffs.append(f"{SHORT[name]} #{i}{loc} {fld}: original={fmt(va)} converted={fmt(vb)}")
        row.finish()
        rows.append(row)
    return rows


def print_table(title: str, rows: list[Row], cols: list[str], counts_fmt) -> None:
    head = ["file", "cat", "records " + " / ".join(SHORT.get(c, c) for c in cols), "fields", "diffs", "verdict"]
    body = [[r.file, f"{r.cat:03d}", counts_fmt(r), str(r.compared) if r.compared else "-",
             str(len(r.diffs)), r.verdict] for r in rows]
    widths = [max(len(x[k]) for x in [head] + body) for k in range(len(head))]
    print(f"\n{title}")
    for line in [head, ["-" * w for w in widths]] + body:
        print("  ".join(x.ljust(w) if k != 3 else x.rjust(w) for k, (x, w) in enumerate(zip(line, widths))).rstrip())


def decode_counts(cols: list[str]):
    def f(r: Row) -> str:
        s = " / ".join("-" if r.counts.get(c) is None else str(r.counts[c]) for c in cols)
        return s + (f" (README {r.expected})" if r.expected is not None else "")
    return f


def convert_counts(r: Row) -> str:
    return " / ".join("-" if r.counts.get(c) is None else "%d->%d" % r.counts[c] for c in CONVERT_ORACLES)


def discover(real: str) -> list[str]:
    out = []
    for dirpath, _dirs, files in os.walk(real):
        for f in files:
            if f.endswith(DATA_SUFFIXES):
                out.append(os.path.relpath(os.path.join(dirpath, f), real))
    return sorted(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="crosscheck", description=__doc__)
    ap.add_argument("--centinela", default=os.path.join(REPO, ".build", "debug", "centinela"),
                    help="centinela binary (default: .build/debug/centinela)")
    ap.add_argument("--shared", default=os.path.join(REPO, "..", "shared"),
                    help="the shared folder holding recordings/real (default: ../shared)")
    ap.add_argument("--recordings", metavar="DIR",
                    help="check the recordings in DIR instead of SHARED/recordings/real (e.g. this "
                         "repository's recordings/, made by our simulator: no README counts, the "
                         "decoders must simply agree)")
    ap.add_argument("--oracles-only", action="store_true",
                    help="do not run centinela: compare the oracles with each other")
    ap.add_argument("--no-convert", action="store_true", help="skip the ours -> oracles direction")
    ap.add_argument("--only", action="append", default=[], metavar="TEXT",
                    help="only files whose path contains TEXT (repeatable)")
    ap.add_argument("--sample", type=int, default=0, metavar="N",
                    help="compare key fields on at most N evenly spread records per file and category "
                         "(counts are always checked on all records); default: all")
    ap.add_argument("--max-diffs", type=int, default=15, metavar="N",
                    help="differences printed per file and category (0: all)")
    ap.add_argument("--jobs", type=int, default=max(2, os.cpu_count() or 2))
    ap.add_argument("--tracks", metavar="DIR",
                    help="instead: check our track output, DIR/tracks.pcap (CAT062) read by tshark and "
                         "asterix-decoder against DIR/tracks.jsonl (track JSON lines of the same updates)")
    a = ap.parse_args(argv)
    if a.tracks:
        return tracks.check(a.tracks, a.max_diffs)
    t_start = time.monotonic()

    real = os.path.normpath(a.recordings) if a.recordings else os.path.join(os.path.normpath(a.shared), "recordings", "real")
    if a.recordings and not os.path.isdir(real):
        print(f"crosscheck: {real} is not a folder", file=sys.stderr)
        return 2
    if not os.path.isdir(real):
        print(f"crosscheck: skipped: {real if os.path.isdir(a.shared) else os.path.normpath(a.shared)} not found")
        return 0
    binary = None
    if not a.oracles_only:
        binary = os.path.abspath(a.centinela)
        if not (os.path.isfile(binary) and os.access(binary, os.X_OK)):
            print(f"crosscheck: centinela binary not found at {binary}\n"
                  "  build it first (swift build), pass --centinela PATH, or run with --oracles-only",
                  file=sys.stderr)
            return 2

    files = [f for f in discover(real) if not a.only or any(s in f for s in a.only)]
    # Biggest files first, so that the slow runs start early.
    files.sort(key=lambda f: -os.path.getsize(os.path.join(real, f)))
    specs = {f: FILES.get(f, FileSpec()) for f in files}
    unlisted = [f for f in files if f not in FILES]

    def tasks(rel):
        p, s = os.path.join(real, rel), specs[rel]
        t = {"tshark": lambda: oracle_tshark.run(p, s.framing)}
        if binary:
            t["centinela"] = lambda: centinela.decode(binary, p, s)
            cats = {b[0] for d in read_recording(p, s.framing) for b in d.blocks}
            if not a.no_convert and (s.robustness_only or cats & set(CONVERTED_CATS)):
                t["convert"] = lambda: convert_run(binary, p, s)
            if s.unique_counts:
                t["dedup"] = lambda: centinela.decode(binary, p, replace(s, keep_duplicates=False))
        return t

    # The Python oracles run once each for all files (their import is slow); libasterix, the
    # slowest, starts first.
    jobs = [{"path": os.path.join(real, f), "framing": specs[f].framing,
             "editions": {str(c): e for c, e in specs[f].editions.items()}} for f in files]
    with ThreadPoolExecutor(a.jobs) as pool:
        batch = {"libasterix": pool.submit(oracle_libasterix.run_all, jobs),
                 "asterix-decoder": pool.submit(oracle_asterix_decoder.run_all, jobs)}
        futures = {rel: {n: pool.submit(fn) for n, fn in tasks(rel).items()} for rel in files}
        results = {rel: {n: fu.result() for n, fu in fs.items()} for rel, fs in futures.items()}
        for name, fu in batch.items():
            for rel, res in zip(files, fu.result()):
                results[rel][name] = res

    cols = (["centinela"] if binary else []) + list(ORACLES)
    rows: list[Row] = []
    conv_rows: list[Row] = []
    notes: list[str] = []
    files.sort()
    for rel in files:
        spec, res, path = specs[rel], results[rel], os.path.join(real, rel)
        converted = res.pop("convert", None)
        dedup = res.pop("dedup", None)
        dgs = read_recording(path, spec.framing)
        times = ("ts", {d.ts for d in dgs}) if path.endswith(".pcap") else \
            ("rx_tod", {d.rx_tod for d in dgs if d.blocks}) if path.endswith(".gps") else None
        blocks = Counter(b[0] for d in dgs for b in d.blocks)
        for n, r in res.items():
            if r.failed and not spec.robustness_only:
                notes.append(f"{rel}: {n} failed: {r.failed}")
        if spec.robustness_only:
            rows += robustness(rel, res)
        else:
            cats = sorted(set(spec.counts) | set(blocks) | {r["cat"] for x in res.values() for r in x.records})
            for cat in cats:
                row = compare_category(rel, cat, res, spec.counts.get(cat), a.sample, times)
                if row.verdict == NO_SPEC:
                    row.verdict = f"{blocks.get(cat, 0)} blocks, not compared"
                if binary and res["centinela"].failed:
                    row.diffs.insert(0, f"centinela decode failed: {res['centinela'].failed}")
                    row.verdict = "FAIL"
                rows.append(row)
        if dedup:   # our duplicate filter: without --keep-duplicates, the README's unique counts
            for cat, n in sorted(spec.unique_counts.items()):
                row = Row(rel + " (deduplicated)", cat, {"centinela": None if dedup.failed else
                                                                 sum(r["cat"] == cat for r in dedup.records)}, n)
                if row.counts["centinela"] != n:
                    row.diffs.append(f"duplicate filter: ours {row.counts['centinela']} records, README {n} unique"
                                     + (f" ({dedup.failed})" if dedup.failed else ""))
                row.finish("" if row.diffs else "ok (counts only)")
                rows.append(row)
        if converted:
            conv_rows += convert_compare(rel, spec, res, *converted, a.sample)

    print_table("Decode: every recording, ours vs the oracles" if binary else
                "Decode: every recording, oracles compared with each other (--oracles-only)",
                rows, cols, decode_counts(cols))
    if conv_rows:
        print_table("Convert: centinela convert -> pcap, read back by tshark and asterix-decoder "
                    "(records original->converted)", conv_rows, list(CONVERT_ORACLES), convert_counts)

    bad = [r for r in rows + conv_rows if r.diffs]
    if bad:
        print("\nDifferences not explained by a known fault:")
        for r in bad:
            print(f"  {r.file} CAT{r.cat:03d} ({len(r.diffs)}):")
            shown = r.diffs if not a.max_diffs else r.diffs[:a.max_diffs]
            for d in shown:
                print(f"    {d}")
            if len(shown) < len(r.diffs):
                print(f"    ... {len(r.diffs) - len(shown)} more (--max-diffs 0 prints all)")
    applied = [f for f in known_faults.FAULTS if f.applied]
    print("\nKnown oracle faults applied (from recordings/real/README.md):")
    for f in applied or []:
        print(f"  [{f.oracle}] {f.file} CAT{f.cat:03d}: {f.what} -- applied {f.applied}x\n"
              f"      README: \"{f.quote}\"")
    if not applied:
        print("  none")
    for f in unlisted:
        notes.append(f"{f}: not listed in crosscheck/files.py; README counts not checked")
    timing = ", ".join(f"{n} {sum(results[f][n].seconds for f in files):.1f} s" for n in cols)
    notes.append("key fields compared on " + (f"at most {a.sample} records per file and category"
                                              if a.sample else "every record") + "; counts on every record")
    notes.append("fields = key-field comparisons made (record x field x decoder pair; fields absent in "
                 "both are not counted); tolerance one LSB where scaled; callsigns compared on their "
                 "valid ICAO characters (decoders render invalid 6-bit codes differently)")
    notes.append(f"decoder time (summed over files): {timing}")
    print("\nNotes:")
    for n in notes:
        print(f"  {n}")
    failed = len([r for r in rows + conv_rows if r.verdict == "FAIL"])
    print(f"\ncrosscheck: {len(files)} files, {len(rows)} file/category rows"
          f"{f', {len(conv_rows)} convert rows' if conv_rows else ''}: "
          f"{'FAIL (' + str(failed) + ' rows)' if failed else 'ok'} in {time.monotonic() - t_start:.1f} s")
    return 1 if failed else 0
