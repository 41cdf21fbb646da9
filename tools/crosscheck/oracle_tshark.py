"""Oracle: Wireshark's ASTERIX dissector through `tshark -T json` (4.0.17 on Debian 12; its
definitions are generated from asterix-specs, default editions: CAT048 1.31, CAT062 1.19,
CAT034 1.29, CAT001 1.4, CAT002 1.1, CAT021 2.6).

tshark reads pcap only. A pcap of plain UDP datagrams is read as it is (`-d udp.port==P,asterix`
for every destination port in it); anything else (raw, GPS, ORADIS, 802.3/LLC) is first rewritten
as a temporary pcap with one UDP datagram to 127.0.0.1 per original datagram.
"""
from __future__ import annotations

import json
import os
import subprocess
import tempfile
import time

from .common import Result
from .containers import read_recording, write_pcap
from .fields import norm_value

PORT = 8600

# key -> tshark field name(s) (without "asterix."); a list means the first one present.
PATHS = {
    1: {"sac": "001_010_SAC", "sic": "001_010_SIC", "tod": "001_141_VALUE", "typ": "001_020_TYP",
        "rho": "001_040_RHO", "theta": "001_040_THETA", "mode3a": "001_070_MODE3A",
        "fl": "001_090_HGT", "trn": "001_161_VALUE"},
    2: {"sac": "002_010_SAC", "sic": "002_010_SIC", "tod": "002_030_VALUE", "msg_type": "002_000_VALUE",
        "sector": "002_020_VALUE", "rot_period": "002_041_VALUE"},
    21: {"sac": "021_010_SAC", "sic": "021_010_SIC",
         "tod": ["021_073_VALUE", "021_071_VALUE", "021_077_VALUE", "021_030_VALUE"],
         "address": "021_080_VALUE", "lat": ["021_131_LAT", "021_130_LAT"],
         "lon": ["021_131_LON", "021_130_LON"], "fl": "021_145_VALUE", "callsign": "021_170_VALUE"},
    34: {"sac": "034_010_SAC", "sic": "034_010_SIC", "tod": "034_030_VALUE", "msg_type": "034_000_VALUE",
         "azimuth": "034_020_VALUE", "rot_period": "034_041_VALUE"},
    48: {"sac": "048_010_SAC", "sic": "048_010_SIC", "tod": "048_140_VALUE", "typ": "048_020_TYP",
         "rho": "048_040_RHO", "theta": "048_040_THETA", "mode3a": "048_070_MODE3A",
         "fl": "048_090_FL", "mode_s": "048_220_VALUE", "callsign": "048_240_VALUE", "trn": "048_161_TRN"},
    62: {"sac": "062_010_SAC", "sic": "062_010_SIC", "tod": "062_070_VALUE", "trn": "062_040_VALUE",
         "lat": "062_105_LAT", "lon": "062_105_LON", "x": "062_100_X", "y": "062_100_Y",
         "vx": "062_185_VX", "vy": "062_185_VY", "mfl": "062_136_VALUE", "mode3a": "062_060_MODE3A",
         # Read only by --tracks (tracks.py), which checks every item our track output writes.
         **{k: f"062_{v}" for k, v in {
             "sid": "015_VALUE", "alt_ft": "130_VALUE", "rocd": "220_VALUE", "address": "380_ADR_VALUE",
             "callsign": "380_ID_VALUE", "src": "080_SRC", "cnf": "080_CNF", "tse": "080_TSE", "tsb": "080_TSB",
             "cst": "080_CST", "psr": "080_PSR", "ssr": "080_SSR", "mds": "080_MDS", "sds": "080_SDS",
             "ems": "080_EMS", "trans": "200_TRANS", "vert": "200_VERT", "apc_x": "500_APC_X",
             "apc_y": "500_APC_Y", "cov": "500_COV_VALUE", "trk_age": "290_TRK_VALUE"}.items()}},
}


def _flatten(obj, out: dict) -> dict:
    """All leaf fields of a tshark record, "asterix.048_040_RHO" -> "048_040_RHO" (first wins)."""
    for k, v in obj.items():
        if isinstance(v, dict):
            _flatten(v, out)
        elif isinstance(v, list):
            for x in v:
                if isinstance(x, dict):
                    _flatten(x, out)
                elif x not in ("", None):
                    out.setdefault(k.removeprefix("asterix."), x)
        elif v not in ("", None):
            out.setdefault(k.removeprefix("asterix."), v)
    return out


def key_fields(cat: int, msg: dict) -> dict:
    flat = _flatten(msg, {})
    out = {"cat": cat}
    for key, names in PATHS.get(cat, {}).items():
        for name in names if isinstance(names, list) else [names]:
            v = flat.get(name)
            if v is not None:
                out[key] = norm_value(key, int(v, 0) if key == "mode3a" else v)
                break
    return out


def _packets(stream):
    """Objects of the top-level JSON array printed by tshark -T json, one at a time."""
    buf = None
    for line in stream:
        if buf is None:
            if line.rstrip("\n") == "  {":
                buf = [line]
        else:
            buf.append(line)
            if line.rstrip("\n") in ("  }", "  },"):
                buf[-1] = "  }"
                yield json.loads("".join(buf))
                buf = None


def _as_list(x):
    return x if isinstance(x, list) else ([] if x is None else [x])


def run(path: str, framing: str, prefs: list[str] | None = None, timeout: float = 240) -> Result:
    t0 = time.monotonic()
    datagrams = read_recording(path, framing)
    tmp = None
    if path.endswith(".pcap") and framing == "plain" and all(d.port is not None for d in datagrams):
        src, frames = path, [d.frame for d in datagrams]
        ports = sorted({d.port for d in datagrams})
    else:
        fd, tmp = tempfile.mkstemp(suffix=".pcap", prefix="crosscheck-")
        os.close(fd)
        datagrams = [d for d in datagrams if d.blocks]
        write_pcap(tmp, [(d.ts if d.ts is not None else (d.rx_tod or 0.0), b"".join(d.blocks))
                         for d in datagrams], PORT)
        src, frames, ports = tmp, list(range(1, len(datagrams) + 1)), [PORT]
    first_block, b = {}, 0
    for n, d in zip(frames, datagrams):
        first_block[n] = b
        b += len(d.blocks)
    cmd = ["tshark", "-n", "-r", src, "-T", "json", "--no-duplicate-keys", "-J", "frame asterix"]
    for p in ports:
        cmd += ["-d", f"udp.port=={p},asterix"]
    for p in prefs or []:
        cmd += ["-o", p]
    res = Result("tshark")
    try:
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        for pkt in _packets(proc.stdout):
            layers = pkt["_source"]["layers"]
            frame = int(layers["frame"]["frame.number"])
            for i, blk in enumerate(_as_list(layers.get("asterix"))):
                bi = first_block.get(frame, -1) + i
                cat = int(blk.get("asterix.category", "-1"))
                if "_ws.malformed" in blk or "_ws.expert" in blk:
                    res.block_errors.append({"b": bi, "cat": cat, "error": "malformed"})
                for msg in _as_list(blk.get("asterix.message")):
                    if isinstance(msg, dict):
                        res.records.append({"b": bi, **key_fields(cat, msg)})
            if "_ws.malformed" in layers:
                res.block_errors.append({"b": first_block.get(frame, -1), "cat": -1, "error": "malformed"})
        proc.wait(timeout=timeout)
        if proc.returncode != 0:
            res.failed = f"tshark exit {proc.returncode}"
    except FileNotFoundError:
        res.failed = "tshark not found: run bash tools/setup.sh"
    finally:
        if tmp:
            os.unlink(tmp)
    res.seconds = time.monotonic() - t0
    return res
