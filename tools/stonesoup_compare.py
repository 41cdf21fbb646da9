#!/usr/bin/env python3
"""Centinela side by side with Stone Soup (issue 4 item 7).

One polar radar (Nogales, Sonora; antenna at 0 m), σ range 50 m, σ azimuth 0.1°, Pd 0.9, 20 clutter
plots a scan uniform in range and azimuth out to 200 km, 4 s scans, `--scans` scans (100), N
constant-velocity targets at 100–250 m/s starting 20–120 km out and staying within 195 km and
beyond 10 km. Plots come in azimuth order with their own times (the beam sweeps). See
tools/sidebyside/scenario.py for the geometry.

Both trackers get the same plots:
- Centinela: a classic pcap (Ethernet/IPv4/UDP to 127.0.0.1, one datagram per 1/16 of a scan with
  a CAT034 north marker (I034/120 position, I034/041 period) or sector crossing, then CAT048 records
  with I048/010, 140, 020 (PSR), 040 and 110 (3-D height)), tracked by
  `centinela replay FILE --jsonl … --noise 20/1=50,0.1 --filter imm`;
- Stone Soup 1.9.1: the same plots as Detections (bearing, horizontal range) with a
  CartesianToBearingRange model of the same σ, clutter not flagged, one set per scan; the tracker
  is MultiTargetTracker of KalmanPredictor (constant velocity, q = 1 m²/s³ per axis),
  ExtendedKalmanUpdater, DistanceHypothesiser (Mahalanobis, missed_distance 4),
  GNNWith2DAssignment, MultiMeasurementInitiator (min_points 3, velocity prior σ 200 m/s) and
  UpdateTimeStepsDeleter(3).

GOSPA (Stone Soup's GOSPAMetric, p = 1, c = 1000 m, α = 2) at the end of every scan, horizontal
east/north distances in the radar's local tangent plane, between all N targets and the trackers'
tracks, each track's latest state at or before that instant extrapolated to it along its
velocity. Centinela: confirmed and coasting tracks (tentative ones left out; ended ones gone),
its lat/lon/alt_m mapped to the radar's east/north with pymap3d.geodetic2enu. Stone Soup: every
track its tracker holds (its initiator only hands over confirmed tracks). "GOSPA per target" is
the mean over the scans of the GOSPA distance, divided by N. Plots/s: Stone Soup, plots / wall time
of its tracking loop (Detections built beforehand); Centinela, plots / the elapsed time in
`centinela replay`'s summary (reading and decoding the pcap, tracking, writing JSON lines; not
process start-up), with the wall time around the process also given.

    tools/.venv-stonesoup/bin/python tools/stonesoup_compare.py --targets 10 --centinela .build/debug/centinela
    tools/.venv-stonesoup/bin/python tools/stonesoup_compare.py --targets 10,100,500 --centinela .build-ss-rel/release/centinela
    tools/.venv-stonesoup/bin/python tools/stonesoup_compare.py --targets 1000,10000 --centinela-only --centinela …

Exit codes: 0 fine; 1 Centinela's GOSPA per target is more than `--tolerance` (default 5 %)
above Stone Soup's for some N, or a run failed; 2 the Stone Soup venv (stonesoup, pymap3d) is
missing — run `bash tools/setup.sh`.
"""
import argparse
import json
import os
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
STONESOUP_VERSION = "1.9.1"


def parse_targets(values):
    out = []
    for v in values:
        for part in v.split(","):
            part = part.strip().replace("_", "")
            if part:
                n = int(part)
                if n < 1:
                    raise argparse.ArgumentTypeError(f"--targets takes positive numbers; got {part}")
                out.append(n)
    return out or [10]


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--targets", action="append", default=[],
                    help="N, repeatable or a comma list (default 10)")
    ap.add_argument("--centinela", default=os.path.join(ROOT, ".build", "debug", "centinela"),
                    help="the centinela binary (default .build/debug/centinela)")
    ap.add_argument("--centinela-only", action="store_true", help="do not run Stone Soup")
    ap.add_argument("--filter", default="imm", choices=["imm", "cv"], help="Centinela's filter (imm)")
    ap.add_argument("--scans", type=int, default=100)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--tolerance", type=float, default=0.05,
                    help="how much worse (relative) Centinela's GOSPA per target may be (0.05)")
    ap.add_argument("--json", metavar="OUT", help="write the results as JSON")
    ap.add_argument("--keep", metavar="DIR", help="keep the pcap and the JSON lines in DIR")
    ap.add_argument("--check-gospa", action="store_true",
                    help="also compute GOSPA on the whole sets (slow) and fail if it differs")
    args = ap.parse_args(argv)
    targets = parse_targets(args.targets)

    try:
        import numpy as np  # noqa: F401
        import pymap3d  # noqa: F401
        import stonesoup
    except ImportError as e:
        print(f"stonesoup_compare: {e}; run with tools/.venv-stonesoup/bin/python after bash tools/setup.sh",
              file=sys.stderr)
        return 2
    if stonesoup.__version__ != STONESOUP_VERSION:
        print(f"stonesoup_compare: Stone Soup {stonesoup.__version__}, expected {STONESOUP_VERSION}", file=sys.stderr)
        return 2
    if not os.access(args.centinela, os.X_OK):
        print(f"stonesoup_compare: no centinela binary at {args.centinela}", file=sys.stderr)
        return 1

    runners, sc = load_helpers()

    results = []
    failed = False
    workdir = args.keep or tempfile.mkdtemp(prefix="stonesoup_compare.")
    os.makedirs(workdir, exist_ok=True)
    for n in targets:
        t_start = time.perf_counter()
        scn = sc.Scenario(n, args.scans, args.seed)
        pcap = os.path.join(workdir, f"n{n}.pcap")
        jsonl = os.path.join(workdir, f"n{n}.tracks.jsonl")
        datagrams = sc.write_pcap(scn, pcap)
        plots = len(scn.plots)
        print(f"N={n}: {plots} plots ({int((scn.plots['truth'] >= 0).sum())} of targets) in {datagrams} datagrams, "
              f"scenario {time.perf_counter() - t_start:.1f} s", file=sys.stderr)
        row = {"targets": n, "scans": args.scans, "seed": args.seed, "plots": plots}

        cs, cplots, celapsed, cwall, cerr = runners.run_centinela(scn, args.centinela, pcap, jsonl, args.filter)
        if cplots != plots:
            print(f"N={n}: centinela read {cplots} plots, the pcap has {plots}", file=sys.stderr)
            failed = True
        cg = runners.gospa(scn, cs)
        row["centinela"] = summarise(cg, n, plots, celapsed)
        row["centinela"]["process_s"] = round(cwall, 3)
        row["centinela"]["summary"] = cerr.strip().splitlines()[-1].strip()
        print(f"N={n}: centinela {celapsed:.2f} s ({cwall:.2f} s with start-up)", file=sys.stderr)
        if args.check_gospa:
            failed |= not check(cg, runners.gospa_direct(scn, cs), n, "centinela")

        if not args.centinela_only:
            ss, splots, sloop = runners.run_stonesoup(scn)
            sg = runners.gospa(scn, ss)
            row["stonesoup"] = summarise(sg, n, splots, sloop)
            print(f"N={n}: stone soup {sloop:.1f} s", file=sys.stderr)
            if args.check_gospa:
                failed |= not check(sg, runners.gospa_direct(scn, ss), n, "stonesoup")
            c, s = row["centinela"]["gospa_per_target"], row["stonesoup"]["gospa_per_target"]
            row["speed_ratio"] = row["centinela"]["plots_per_s"] / row["stonesoup"]["plots_per_s"]
            row["gospa_ratio"] = c / s
            row["pass"] = c <= s * (1 + args.tolerance)
            failed |= not row["pass"]
        results.append(row)
        print_table(row, args.tolerance)
        sys.stdout.flush()

    if args.json:
        with open(args.json, "w") as f:
            json.dump({"tolerance": args.tolerance, "filter": args.filter, "results": results}, f, indent=1, sort_keys=True)
            f.write("\n")
    if not args.keep:
        for name in os.listdir(workdir):
            os.remove(os.path.join(workdir, name))
        os.rmdir(workdir)
    return 1 if failed else 0


def load_helpers():
    """The scenario and the two trackers (tools/sidebyside/), imported once the venv is checked."""
    from sidebyside import runners, scenario
    return runners, scenario


def summarise(g, n, plots, seconds):
    import numpy as np
    return {
        "gospa_per_target": float(np.mean(g[:, 0]) / n),
        "mean_gospa": float(np.mean(g[:, 0])),
        "localisation_per_target": float(np.mean(g[:, 1]) / n),
        "missed_per_scan": float(np.mean(g[:, 2]) / 500.0),  # c^p/2 = 500 m per missed target
        "false_per_scan": float(np.mean(g[:, 3]) / 500.0),
        "seconds": round(seconds, 3),
        "plots_per_s": plots / seconds,
    }


def check(a, b, n, who):
    import numpy as np
    ok = np.allclose(a, b, rtol=1e-9, atol=1e-6)
    print(f"N={n}: {who} GOSPA grouped vs GOSPAMetric on whole sets: {'same' if ok else 'DIFFERENT'}"
          f" (max |diff| {np.max(np.abs(a - b)):.3g})", file=sys.stderr)
    return ok


def print_table(row, tol):
    n = row["targets"]
    print(f"\nN = {n} targets, {row['scans']} scans, seed {row['seed']}, {row['plots']} plots")
    print(f"{'':12} {'GOSPA/target m':>15} {'localis./target':>16} {'missed/scan':>12} {'false/scan':>11} {'plots/s':>12}")
    for key, name in (("stonesoup", "Stone Soup"), ("centinela", "Centinela")):
        if key not in row:
            continue
        r = row[key]
        print(f"{name:12} {r['gospa_per_target']:15.1f} {r['localisation_per_target']:16.1f} "
              f"{r['missed_per_scan']:12.2f} {r['false_per_scan']:11.2f} {r['plots_per_s']:12,.0f}")
    if "speed_ratio" in row:
        verdict = "ok" if row["pass"] else f"WORSE than Stone Soup by more than {tol:.0%}"
        print(f"Centinela/Stone Soup: speed {row['speed_ratio']:,.0f}x, GOSPA per target {row['gospa_ratio']:.3f} ({verdict})")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
