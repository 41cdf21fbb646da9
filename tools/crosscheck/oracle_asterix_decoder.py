"""Oracle: CroatiaControl asterix-decoder 0.7.11 (`import asterix; asterix.parse(bytes)`), run as a
worker in tools/.venv-asterix-decoder. Its own XML definitions (CAT048 1.21, CAT062 1.18,
CAT034 1.27, CAT021 2.6, CAT001 1.2, CAT002 1.0) fix the editions; --edition is ignored.

Its records are dicts {"category": c, "I040": {"RHO": {"val": ...}, ...}, ...}; field names come
from its XML (asterix/config/asterix_catNNN_*.xml in the venv), mapped to our keys below.
"""
from __future__ import annotations

from .common import Result, run_worker

# key -> (item, field) in asterix-decoder's naming; a list means the first one present.
PATHS = {
    1: {"sac": ("I010", "SAC"), "sic": ("I010", "SIC"), "tod": ("I141", "Time"), "typ": ("I020", "TYP"),
        "rho": ("I040", "RHO"), "theta": ("I040", "THETA"), "mode3a": ("I070", "Mode3A"),
        "fl": ("I090", "ModeC"), "trn": ("I161", "tpn")},
    2: {"sac": ("I010", "SAC"), "sic": ("I010", "SIC"), "tod": ("I030", "ToD"), "msg_type": ("I000", "type"),
        "sector": ("I020", "Azi"), "rot_period": ("I041", "RotS")},
    21: {"sac": ("I010", "SAC"), "sic": ("I010", "SIC"),
         "tod": [("I073", "time_reception_position"), ("I071", "time_applicability_position"),
                 ("I077", "time_report_transmission")],
         "address": ("I080", "TAddr"), "lat": [("I131", "Lat"), ("I130", "Lat")],
         "lon": [("I131", "Lon"), ("I130", "Lon")], "fl": ("I145", "FL"), "callsign": ("I170", "TId")},
    34: {"sac": ("I010", "SAC"), "sic": ("I010", "SIC"), "tod": ("I030", "ToD"), "msg_type": ("I000", "MsgTyp"),
         "azimuth": ("I020", "Azi"), "rot_period": ("I041", "RotS")},
    48: {"sac": ("I010", "SAC"), "sic": ("I010", "SIC"), "tod": ("I140", "ToD"), "typ": ("I020", "TYP"),
         "rho": ("I040", "RHO"), "theta": ("I040", "THETA"), "mode3a": ("I070", "Mode3A"),
         "fl": ("I090", "FL"), "mode_s": ("I220", "ACAddr"), "callsign": ("I240", "TId"), "trn": ("I161", "Tn")},
    62: {"sac": ("I010", "SAC"), "sic": ("I010", "SIC"), "tod": ("I070", "ToT"), "trn": ("I040", "TrkN"),
         "lat": ("I105", "Lat"), "lon": ("I105", "Lon"), "x": ("I100", "X"), "y": ("I100", "Y"),
         "vx": ("I185", "Vx"), "vy": ("I185", "Vy"), "mfl": ("I136", "MFL"), "mode3a": ("I060", "Mode3A"),
         # Read only by --tracks (tracks.py). A third name goes one level deeper (compound items).
         "sid": ("I015", "SID"), "alt_ft": ("I130", "Alt"), "rocd": ("I220", "RoC"),
         "address": ("I380", "ADR", "ADR"), "callsign": ("I380", "ID", "ACID"),
         **{k.lower(): ("I080", k) for k in ("SRC", "CNF", "TSE", "TSB", "CST", "PSR", "SSR", "MDS", "SDS", "EMS")},
         "trans": ("I200", "TRANSA"), "vert": ("I200", "VERTA"), "apc_x": ("I500", "APC", "APC_X"),
         "apc_y": ("I500", "APC", "APC_Y"), "cov": ("I500", "COV", "COV_XY"), "trk_age": ("I290", "TRK", "TRK")},
}


def run_all(jobs: list[dict], timeout: float = 300) -> list[Result]:
    """jobs: [{"path", "framing"}]; one Result per job, in order."""
    return run_worker("asterix-decoder", "asterix-decoder", "oracle_asterix_decoder", jobs, timeout)


def run(path: str, framing: str = "plain") -> Result:
    return run_all([{"path": path, "framing": framing}])[0]


def _key_fields(rec: dict) -> dict:
    from .fields import norm_value
    cat = rec["category"]
    out = {"cat": cat}
    for key, where in PATHS.get(cat, {}).items():
        for item, *fields in (where if isinstance(where, list) else [where]):
            v = rec.get(item)
            for f in fields:
                v = v.get(f) if isinstance(v, dict) else None
            if isinstance(v, dict):
                out[key] = norm_value(key, v.get("val"))
                break
    return out


def _worker() -> None:
    import asterix  # the asterix-decoder package (only in its venv)
    from .common import emit, worker_jobs
    from .containers import read_recording
    for job, path, framing, _editions in worker_jobs():
        try:
            datagrams = read_recording(path, framing)
        except (OSError, ValueError) as e:
            emit({"job": job, "failed": str(e)})
            continue
        b = 0
        for dg in datagrams:
            for block in dg.blocks:
                try:
                    recs = asterix.parse(block, verbose=False)
                except Exception as e:  # noqa: BLE001 - report and go on
                    emit({"job": job, "b": b, "cat": block[0], "error": f"{type(e).__name__}: {e}"})
                    recs = []
                for r in recs:
                    emit({"job": job, "b": b, **_key_fields(r)})
                b += 1


if __name__ == "__main__":
    _worker()
