"""--tracks DIR: our track output read by tshark and asterix-decoder. DIR holds tracks.pcap (the
CAT062 datagrams of some track updates) and tracks.jsonl (the same updates as track JSON lines, in
the same order; README "Track output"). Each oracle's reading of every record must equal what the
JSON line says, in the item's unit, within half an LSB: positions, velocity, altitudes, identity,
the track status flags, mode of movement, accuracy and track age.

The fixture is written by the FeedsTests suite: CENTINELA_TRACKS_OUT=DIR swift test --filter FeedsTests.
"""
from __future__ import annotations

import json
import os

from . import known_faults, oracle_asterix_decoder, oracle_tshark
from .fields import norm_value

FT = 0.3048
LEVEL_RATE = 1.5   # m/s: Cat062TrackSettings.levelRate, the default
# key -> half an LSB in the item's unit (0: exact; None: text)
HALF = {"tod": 1 / 256, "trn": 0, "lat": 90 / 2**25, "lon": 90 / 2**25, "x": 0.25, "y": 0.25,
        "vx": 0.125, "vy": 0.125, "mfl": 0.125, "alt_ft": 3.125, "rocd": 3.125, "mode3a": None,
        "address": None, "callsign": None, "cnf": 0, "cst": 0, "tse": 0, "tsb": 0, "psr": 0, "ssr": 0,
        "mds": 0, "sds": 0, "ems": 0, "src": 0, "trans": 0, "vert": 0, "apc_x": 0.25, "apc_y": 0.25,
        "trk_age": 0.125}
EMERGENCY = {"7500": 5, "7600": 4, "7700": 1}
# I062/080 fields in octets the encoder did not need to send: absent means 0, "no indication".
STATUS = {"cnf", "cst", "tse", "tsb", "psr", "ssr", "mds", "sds", "ems", "src"}


def expected(j: dict) -> dict:
    """What the CAT062 record of one JSON line must say, per the README's mapping."""
    alt, vrate, src = j["alt_m"], j["vrate_mps"], j["source"]
    age = j["t"] - j["first_t"]
    e = {"tod": j["t"] % 86400, "trn": j["track"], "lat": j["lat"], "lon": j["lon"], "x": j["x_m"], "y": j["y_m"],
         "vx": j["vx_mps"], "vy": j["vy_mps"], "mfl": j["fl"],
         "alt_ft": None if alt is None else alt / FT, "rocd": None if alt is None else vrate / FT * 60,
         "mode3a": norm_value("mode3a", j["mode3a"]), "address": norm_value("address", j["address"]),
         "callsign": norm_value("callsign", j["callsign"]),
         "cnf": int(j["stage"] == "tentative"), "cst": int(j["stage"] == "coasting"), "tse": int(j["ended"]),
         "tsb": int(j["updates"] <= 1), "psr": 0, "ssr": int(src == "psr_only"), "mds": int(src != "mode_s"),
         "sds": 2 if src == "psr_only" else 0, "ems": EMERGENCY.get(j["mode3a"], 0),
         "src": 2 if src == "psr_only" and alt is not None else 0,
         "trans": 3 if j["manoeuvring"] else 0,
         "vert": 3 if alt is None else 1 if vrate > LEVEL_RATE else 2 if vrate < -LEVEL_RATE else 0,
         "apc_x": j["sigma_x_m"], "apc_y": j["sigma_y_m"], "trk_age": age if age <= 63.75 else None}
    return {k: (float(v) if isinstance(v, (int, float)) and not isinstance(v, bool) and HALF[k] else v)
            for k, v in e.items()}


def differs(key: str, want, got) -> bool:
    if want is None or got is None:
        return (want is None) != (got is None)
    tol = HALF[key]
    if tol is None:
        return want != got
    return abs(float(want) - float(got)) > tol * 1.000001 + 1e-9


def check(folder: str, max_diffs: int) -> int:
    pcap, lines = os.path.join(folder, "tracks.pcap"), os.path.join(folder, "tracks.jsonl")
    for p in (pcap, lines):
        if not os.path.isfile(p):
            print(f"crosscheck --tracks: {p} not found; write it with "
                  f"CENTINELA_TRACKS_OUT={folder} swift test --filter FeedsTests")
            return 2
    with open(lines) as f:
        want = [expected(json.loads(line)) for line in f if line.strip()]
    oracles = {"tshark": oracle_tshark.run(pcap, "plain"), "asterix-decoder": oracle_asterix_decoder.run(pcap)}
    failed = 0
    notes: set[str] = set()
    print(f"\nTracks: {len(want)} track updates in {pcap}, read by the oracles, compared with {lines}")
    for name, res in oracles.items():
        diffs: list[str] = []
        recs = [r for r in res.records if r["cat"] == 62]
        if res.failed:
            diffs.append(f"{name} failed: {res.failed}")
        elif res.block_errors:
            diffs.append(f"{name} reports {len(res.block_errors)} malformed blocks")
        if len(recs) != len(want):
            diffs.append(f"{len(recs)} CAT062 records, {len(want)} JSON lines")
        # An oracle that reads a field in other units (known_faults.py) is scaled back, and says so.
        scales = {f.field: f for f in known_faults.find(os.path.basename(pcap), name, 62, "scale")}
        compared = 0
        for i, (w, r) in enumerate(zip(want, recs)):
            for key in HALF:
                got = r.get(key, 0 if key in STATUS else None)
                if key in scales and got is not None:
                    got /= scales[key].factor
                    notes.add(f"[{name}] {scales[key].what}: divided by {scales[key].factor:g}")
                compared += 1
                if differs(key, w[key], got):
                    diffs.append(f"track update #{i} (track {w['trn']}) {key}: JSON says {w[key]!r}, {name} reads {got!r}")
        verdict = "FAIL" if diffs else "ok"
        print(f"  {name:16} records {len(recs):4}  fields {compared:6}  diffs {len(diffs):4}  {verdict}")
        for d in diffs if not max_diffs else diffs[:max_diffs]:
            print(f"    {d}")
        failed += bool(diffs)
    for n in sorted(notes):
        print(f"  known fault: {n}")
    print(f"\ncrosscheck --tracks: {'FAIL' if failed else 'ok'}")
    return 1 if failed else 0
