"""The two trackers on the scenario's plots, and GOSPA by Stone Soup's GOSPAMetric."""
import datetime
import json
import re
import subprocess
import time

import numpy as np
import pymap3d
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components
from scipy.spatial import cKDTree

from . import scenario as sc

# Stone Soup's constant-velocity process noise, m^2/s^3 per axis: 1, the same as the q of
# Centinela's straight (constant-velocity) IMM mode. The truth is exactly constant velocity.
SS_Q = 1.0
# σ of a new track's velocity per axis, m/s: Centinela's initialSpeedSigma (200).
SS_VELOCITY_SIGMA = 200.0


def _utc(t):
    return datetime.datetime.fromtimestamp(t, tz=datetime.timezone.utc).replace(tzinfo=None)


def run_stonesoup(scn):
    """Stone Soup 1.9.1 as issue 4 item 7 says. Returns (snapshots, plots, loop seconds): per scan,
    an (m, 2) array of its tracks' horizontal positions extrapolated to the end of the scan."""
    from stonesoup.dataassociator.neighbour import GNNWith2DAssignment
    from stonesoup.deleter.time import UpdateTimeStepsDeleter
    from stonesoup.hypothesiser.distance import DistanceHypothesiser
    from stonesoup.initiator.simple import MultiMeasurementInitiator
    from stonesoup.measures import Mahalanobis
    from stonesoup.models.measurement.nonlinear import CartesianToBearingRange
    from stonesoup.models.transition.linear import (CombinedLinearGaussianTransitionModel,
                                                    ConstantVelocity)
    from stonesoup.predictor.kalman import KalmanPredictor
    from stonesoup.tracker.simple import MultiTargetTracker
    from stonesoup.types.array import StateVector
    from stonesoup.types.detection import Detection
    from stonesoup.types.state import GaussianState
    from stonesoup.updater.kalman import ExtendedKalmanUpdater

    transition = CombinedLinearGaussianTransitionModel([ConstantVelocity(SS_Q), ConstantVelocity(SS_Q)])
    measurement = CartesianToBearingRange(
        ndim_state=4, mapping=(0, 2),
        noise_covar=np.diag([np.radians(sc.SIGMA_AZIMUTH_DEG) ** 2, sc.SIGMA_RANGE_M ** 2]))
    predictor = KalmanPredictor(transition)
    updater = ExtendedKalmanUpdater(measurement)
    hypothesiser = DistanceHypothesiser(predictor, updater, measure=Mahalanobis(), missed_distance=4)
    associator = GNNWith2DAssignment(hypothesiser)
    deleter = UpdateTimeStepsDeleter(3)
    v2 = SS_VELOCITY_SIGMA ** 2
    initiator = MultiMeasurementInitiator(
        prior_state=GaussianState(StateVector([0, 0, 0, 0]), np.diag([0, v2, 0, v2])),
        measurement_model=measurement, deleter=deleter, data_associator=associator,
        updater=updater, min_points=3)

    # The detections, built before the clock starts: one set per scan (all its sectors).
    plots = scn.plots
    bounds = np.searchsorted(plots["scan"], np.arange(scn.scans + 1))
    feed = []
    for k in range(scn.scans):
        dets = set()
        for p in plots[bounds[k]:bounds[k + 1]]:
            dets.add(Detection(StateVector([p["ss_bearing"], p["ss_range"]]), timestamp=_utc(p["t"]),
                               measurement_model=measurement))
        feed.append((_utc(scn.t0 + (k + 1) * sc.SCAN_S), dets))

    tracker = MultiTargetTracker(initiator=initiator, deleter=deleter, detector=feed,
                                 data_associator=associator, updater=updater)
    snapshots = []
    loop = 0.0
    it = iter(tracker)
    for k in range(scn.scans):
        start = time.perf_counter()
        when, tracks = next(it)
        loop += time.perf_counter() - start
        end = scn.t0 + (k + 1) * sc.SCAN_S
        rows = []
        for track in tracks:
            s = track.state
            dt = end - s.timestamp.replace(tzinfo=datetime.timezone.utc).timestamp()
            x = s.state_vector
            rows.append((float(x[0]) + float(x[1]) * dt, float(x[2]) + float(x[3]) * dt))
        snapshots.append(np.array(rows, float).reshape(-1, 2))
    return snapshots, len(plots), loop


_SUMMARY = re.compile(r"replay: .*?(\d+) plot\(s\)")
_ELAPSED = re.compile(r"\n\s*([0-9.]+) s(?:, (\d+) plots/s)?")


def run_centinela(scn, binary, pcap, jsonl, filt="imm"):
    """`centinela replay` on the pcap. Returns (snapshots, plots, summary seconds, process seconds,
    stderr): snapshots as for Stone Soup, of confirmed and coasting tracks only."""
    cmd = [binary, "replay", pcap, "--jsonl", jsonl, "--filter", filt,
           "--noise", f"{sc.SAC}/{sc.SIC}={sc.SIGMA_RANGE_M:g},{sc.SIGMA_AZIMUTH_DEG:g}"]
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True)
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed ({proc.returncode}):\n{proc.stderr}")
    m = _SUMMARY.search(proc.stderr)
    e = _ELAPSED.search(proc.stderr)
    if not m or not e:
        raise RuntimeError(f"unexpected summary from centinela:\n{proc.stderr}")
    plots, elapsed = int(m.group(1)), float(e.group(1))
    return _centinela_snapshots(scn, jsonl), plots, elapsed, wall, proc.stderr


def _centinela_snapshots(scn, jsonl):
    ends = scn.t0 + (np.arange(scn.scans) + 1) * sc.SCAN_S
    latest = {}
    snapshots = []
    k = 0
    mean_h = float(np.mean(scn.up))

    def snapshot(end):
        live = [u for u in latest.values() if u["stage"] in ("confirmed", "coasting")]
        if not live:
            return np.zeros((0, 2))
        lat = np.array([u["lat"] for u in live])
        lon = np.array([u["lon"] for u in live])
        alt = np.array([u["alt_m"] if u.get("alt_m") is not None else np.nan for u in live])
        e, n, _ = pymap3d.geodetic2enu(lat, lon, np.where(np.isnan(alt), mean_h, alt),
                                       sc.RADAR_LAT, sc.RADAR_LON, sc.RADAR_H)
        dt = end - np.array([u["t"] for u in live])
        vx = np.array([u["vx_mps"] for u in live])
        vy = np.array([u["vy_mps"] for u in live])
        return np.stack([np.asarray(e) + vx * dt, np.asarray(n) + vy * dt], axis=1)

    with open(jsonl) as f:
        for line in f:
            u = json.loads(line)
            while k < scn.scans and u["t"] > ends[k]:
                snapshots.append(snapshot(ends[k]))
                k += 1
            if u.get("ended"):
                latest.pop(u["track"], None)
            else:
                latest[u["track"]] = u
    while k < scn.scans:
        snapshots.append(snapshot(ends[k]))
        k += 1
    return snapshots


def gospa(scn, snapshots, c=1000.0, p=1):
    """Per scan, GOSPA (alpha = 2) of the tracks against all N targets at the end of the scan, by
    Stone Soup's GOSPAMetric.compute_gospa_metric. Pairs at c or farther cost as much as a miss and
    a false track, so the optimal assignment splits over the connected groups of tracks and targets
    closer than c: each group with both tracks and targets goes to GOSPAMetric as it is, and a lone
    track or target adds c^p/2 (what GOSPAMetric gives for it). Exact, and it keeps the work
    proportional to N instead of N^2 (GOSPAMetric's cost matrix is a Python double loop).
    Returns an array (scans, 4): distance, localisation, missed cost, false cost (metres^p)."""
    from stonesoup.metricgenerator.ospametric import GOSPAMetric
    from stonesoup.types.state import State
    metric = GOSPAMetric(c=c, p=p)
    out = np.zeros((scn.scans, 4))
    for k, tracks in enumerate(snapshots):
        end = scn.t0 + (k + 1) * sc.SCAN_S
        stamp = _utc(end)
        truth = scn.truth_at(end)
        nt, nm = len(truth), len(tracks)
        loc = missed = false = 0.0
        if nm == 0:
            missed = nt * c ** p / 2
        else:
            pairs = cKDTree(tracks).query_ball_tree(cKDTree(truth), r=c)
            i = np.array([a for a, js in enumerate(pairs) for _ in js], int)
            j = np.array([b for js in pairs for b in js], int)
            keep = np.hypot(*(tracks[i] - truth[j]).T) < c  # GOSPAMetric: distance < c is a pair
            i, j = i[keep], j[keep]
            graph = coo_matrix((np.ones(len(i)), (i, nm + j)), shape=(nm + nt, nm + nt))
            ncomp, label = connected_components(graph, directed=False)
            groups = {}
            for node, lab in enumerate(label):
                groups.setdefault(lab, ([], []))[0 if node < nm else 1].append(node)
            for ms, ts in groups.values():
                if not ts:
                    false += len(ms) * c ** p / 2
                elif not ms:
                    missed += len(ts) * c ** p / 2
                else:
                    g, _ = metric.compute_gospa_metric(
                        [State(tracks[a], timestamp=stamp) for a in ms],
                        [State(truth[b - nm], timestamp=stamp) for b in ts])
                    loc += g.value["localisation"]
                    missed += g.value["missed"]
                    false += g.value["false"]
        out[k] = ((loc + missed + false) ** (1 / p), loc, missed, false)
    return out


def gospa_direct(scn, snapshots, c=1000.0, p=1):
    """GOSPAMetric on the whole sets (no grouping): the check of `gospa` on small cases."""
    from stonesoup.metricgenerator.ospametric import GOSPAMetric
    from stonesoup.types.state import State
    metric = GOSPAMetric(c=c, p=p)
    out = np.zeros((scn.scans, 4))
    for k, tracks in enumerate(snapshots):
        end = scn.t0 + (k + 1) * sc.SCAN_S
        stamp = _utc(end)
        g, _ = metric.compute_gospa_metric([State(x, timestamp=stamp) for x in tracks],
                                           [State(x, timestamp=stamp) for x in scn.truth_at(end)])
        v = g.value
        out[k] = (v["distance"], v["localisation"], v["missed"], v["false"])
    return out
