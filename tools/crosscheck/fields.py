"""Normalised key fields per category, how to read them from the asterix-specs-shaped JSON
(centinela's `decode --format jsonl` contract, also produced by the libasterix worker), and how
to compare two normalised records (one LSB of tolerance where the value is scaled).

Standard library only: also imported by the oracle workers in their venvs.
"""
from __future__ import annotations

import json

# Categories whose key fields are compared. Others are only counted.
COMPARED = (1, 2, 21, 34, 48, 62)

# key -> LSB tolerance (0 = exact; None = text, exact after trimming)
_T = 1 / 128
TOLERANCE = {
    1: {"sac": 0, "sic": 0, "tod": _T, "typ": 0, "rho": 1 / 128, "theta": 360 / 2**16,
        "mode3a": None, "fl": 0.25, "trn": 0},
    2: {"sac": 0, "sic": 0, "tod": _T, "msg_type": 0, "sector": 360 / 256, "rot_period": _T},
    21: {"sac": 0, "sic": 0, "tod": _T, "address": None, "lat": 180 / 2**23, "lon": 180 / 2**23,
         "fl": 0.25, "callsign": None},
    34: {"sac": 0, "sic": 0, "tod": _T, "msg_type": 0, "azimuth": 360 / 256, "rot_period": _T},
    48: {"sac": 0, "sic": 0, "tod": _T, "typ": 0, "rho": 1 / 256, "theta": 360 / 2**16,
         "mode3a": None, "fl": 0.25, "mode_s": None, "callsign": None, "trn": 0},
    62: {"sac": 0, "sic": 0, "tod": _T, "trn": 0, "lat": 180 / 2**25, "lon": 180 / 2**25,
         "x": 0.5, "y": 0.5, "vx": 0.25, "vy": 0.25, "mfl": 0.25, "mode3a": None},
}

# Where each key lives in the asterix-specs naming: (item, field or None for a bare value).
# A list means "the first one present".
SPEC_PATHS = {
    1: {"sac": ("010", "SAC"), "sic": ("010", "SIC"), "tod": ("141", None), "typ": ("020", "TYP"),
        "rho": ("040", "RHO"), "theta": ("040", "THETA"), "mode3a": ("070", "MODE3A"),
        "fl": ("090", "HGT"), "trn": ("161", None)},
    2: {"sac": ("010", "SAC"), "sic": ("010", "SIC"), "tod": ("030", None), "msg_type": ("000", None),
        "sector": ("020", None), "rot_period": ("041", None)},
    21: {"sac": ("010", "SAC"), "sic": ("010", "SIC"),
         "tod": [("073", None), ("071", None), ("077", None), ("030", None)],
         "address": ("080", None), "lat": [("131", "LAT"), ("130", "LAT")],
         "lon": [("131", "LON"), ("130", "LON")], "fl": ("145", None), "callsign": ("170", None)},
    34: {"sac": ("010", "SAC"), "sic": ("010", "SIC"), "tod": ("030", None), "msg_type": ("000", None),
         "azimuth": ("020", None), "rot_period": ("041", None)},
    48: {"sac": ("010", "SAC"), "sic": ("010", "SIC"), "tod": ("140", None), "typ": ("020", "TYP"),
         "rho": ("040", "RHO"), "theta": ("040", "THETA"), "mode3a": ("070", "MODE3A"),
         "fl": ("090", "FL"), "mode_s": ("220", None), "callsign": ("240", None), "trn": ("161", "TRN")},
    62: {"sac": ("010", "SAC"), "sic": ("010", "SIC"), "tod": ("070", None), "trn": ("040", None),
         "lat": ("105", "LAT"), "lon": ("105", "LON"), "x": ("100", "X"), "y": ("100", "Y"),
         "vx": ("185", "VX"), "vy": ("185", "VY"), "mfl": ("136", None), "mode3a": ("060", "MODE3A")},
}

_INTS = {"sac", "sic", "typ", "trn", "msg_type", "sid"}


def norm_value(key: str, v):
    """Bring one decoder's value into the common form (int, float, octal/hex/text string)."""
    if v is None:
        return None
    if key in _INTS:
        return int(v, 0) if isinstance(v, str) else int(v)
    if key == "mode3a":
        return format(v, "04o") if isinstance(v, int) else str(v).strip().zfill(4)
    if key in ("mode_s", "address"):
        return format(v, "06X") if isinstance(v, int) else str(v).strip().upper().removeprefix("0X").zfill(6)
    if key == "callsign":
        # Compared on its valid ICAO characters only: decoders render an invalid 6-bit code
        # differently (tshark and asterix-decoder: a space; libasterix: nothing).
        return "".join(ch for ch in str(v) if ch.isascii() and ch.isalnum()).upper()
    return float(v)


def _pick(v, field):
    if field is None:
        return v
    return v.get(field) if isinstance(v, dict) else None


_TEXT = {"mode3a", "mode_s", "address", "callsign"}


def from_spec_json(obj: dict) -> dict:
    """Key fields of one record in the asterix-specs-shaped JSON ("Iccc/NNN" keys). A value of
    the wrong JSON type (e.g. a Mode 3/A code as a number) becomes "<bad type: ...>", which
    then differs from every oracle."""
    cat = obj.get("cat")
    out = {"cat": cat}
    for key, where in SPEC_PATHS.get(cat, {}).items():
        for item, field in (where if isinstance(where, list) else [where]):
            v = obj.get(f"I{cat:03d}/{item}")
            if v is None:
                continue
            v = _pick(v, field)
            ok = isinstance(v, str) if key in _TEXT else \
                isinstance(v, (int, float)) and not isinstance(v, bool)
            out[key] = norm_value(key, v) if ok else f"<bad type: {json.dumps(v)}>"
            break
    return out


def differs(cat: int, key: str, a, b) -> bool:
    if a is None or b is None:
        return (a is None) != (b is None)
    tol = TOLERANCE[cat].get(key)
    if not tol or isinstance(a, str) or isinstance(b, str):
        return a != b
    return abs(a - b) > tol * 1.000001


def present(cat: int, a: dict, b: dict) -> int:
    """How many key fields of `cat` at least one of the two records has (what gets compared)."""
    return sum(1 for k in TOLERANCE[cat] if a.get(k) is not None or b.get(k) is not None)
