#!/usr/bin/env python3
"""Test vectors for the Tracking module's filters, computed by an independent library (filterpy 2.0.0).

Writes Tests/TrackingTests/Fixtures/filterpy_vectors.json:

- "horizontal": constant-velocity and coordinated-turn Kalman filters (filterpy KalmanFilter with
  the model's F, Q from Q_continuous_white_noise, H picking x and y, a full 2x2 R per plot) over
  sequences with varying intervals, some intervals without a plot (predict only). State order
  x, y, vx, vy. Each step records the prior (after predict) and, with a plot, the posterior, the
  squared Mahalanobis distance and the log-likelihood of the innovation.
- "imm": filterpy IMMEstimator of three such filters (CV, CT at +3 deg/s, CT at -3 deg/s) over a
  manoeuvring flight (straight, left turn, straight, right turn, straight). Its Markov matrix
  M[i][j] = P(mode i -> mode j) is rebuilt for each interval T from Centinela's settings:
  stay straight exp(-T/120), stay turning exp(-T/30), straight -> each turn half the rest,
  turn -> straight the rest. Each step records the predicted mode probabilities (filterpy's cbar),
  the combined prediction (the models' priors weighted by cbar; filterpy's own x_prior weights
  them by the previous posterior, so it is computed here from filterpy's per-model priors), and
  after the update the mode probabilities and filterpy's combined x and P.
- "vertical": a filterpy KalmanFilter of altitude and vertical rate (F = [[1, T], [0, 1]],
  Q_continuous_white_noise(2, T, q)) updated with quantised Mode C levels and noisy 3-D heights.

Plots are drawn from fixed trajectories with noise from Python's own random.Random(seed) (its
random() sequence is guaranteed stable across Python versions) through Box-Muller, so the file is
the same on every machine.

    tools/.venv-oracles/bin/python tools/filter_vectors.py          # (re)write the fixture
    tools/.venv-oracles/bin/python tools/filter_vectors.py --check  # exit 1 if it is stale

--check regenerates the vectors in memory and compares them with the committed file number by
number: |a - b| <= 1e-9 * max(1, |a|, |b|). Exit codes: 0 same, 1 differs or missing,
2 filterpy missing or the wrong version.
"""
import json
import math
import os
import random
import sys

import vectors

FILTERPY_VERSION = "2.0.0"
HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURE = os.path.join(HERE, "..", "Tests", "TrackingTests", "Fixtures", "filterpy_vectors.json")
TOLERANCE = 1e-9

DEG = math.pi / 180
TURN_RATE = 3 * DEG
# Centinela's IMMSettings defaults (Sources/Tracking/Filters/FilterSettings.swift).
IMM = dict(straightNoiseDensity=1.0, turnNoiseDensity=5.0, turnRate=TURN_RATE,
           meanStraightTime=120.0, meanTurnTime=30.0, initialTurnProbability=0.1)


class Noise:
    """Gaussian draws from random.Random (Box-Muller), stable across Python versions."""

    def __init__(self, seed):
        self.r = random.Random(seed)

    def gauss(self, sigma):
        u1 = 1.0 - self.r.random()
        u2 = self.r.random()
        return sigma * math.sqrt(-2.0 * math.log(u1)) * math.cos(2.0 * math.pi * u2)


def polar_plot(noise, x, y, range_sigma=50.0, azimuth_sigma=0.1):
    """A plot of (x, y) by a radar at the origin: noisy range and azimuth (clockwise from north),
    converted to x, y, with R = J diag(sr^2, sa^2) J^T."""
    r = math.hypot(x, y)
    a = math.atan2(x, y)
    rm = r + noise.gauss(range_sigma)
    am = a + noise.gauss(azimuth_sigma * DEG)
    s, c = math.sin(am), math.cos(am)
    vr, va = range_sigma ** 2, (azimuth_sigma * DEG) ** 2
    j = [[s, rm * c], [c, -rm * s]]
    R = [[j[i][0] * j[k][0] * vr + j[i][1] * j[k][1] * va for k in range(2)] for i in range(2)]
    return [rm * s, rm * c], R


def transition(omega, T):
    """F of the constant-velocity (omega = 0) or coordinated-turn model, state x, y, vx, vy,
    written as the matrix in the issue (not the Swift code's block form)."""
    import numpy as np
    if omega == 0:
        return np.array([[1, 0, T, 0], [0, 1, 0, T], [0, 0, 1, 0], [0, 0, 0, 1]], dtype=float)
    s, c = math.sin(omega * T), math.cos(omega * T)
    return np.array([[1, 0, s / omega, -(1 - c) / omega],
                     [0, 1, (1 - c) / omega, s / omega],
                     [0, 0, c, -s],
                     [0, 0, s, c]])


def process_noise(q, T):
    # filterpy orders x, y, x', y' with order_by_dim=False: the Swift state order.
    from filterpy.common import Q_continuous_white_noise
    return Q_continuous_white_noise(dim=2, dt=T, spectral_density=q, block_size=2, order_by_dim=False)


def kalman(x0, P0):
    import numpy as np
    from filterpy.kalman import KalmanFilter
    kf = KalmanFilter(dim_x=4, dim_z=2)
    kf.x = np.array(x0, dtype=float)
    kf.P = np.array(P0, dtype=float)
    kf.H = np.array([[1.0, 0, 0, 0], [0, 1.0, 0, 0]])
    return kf


def fly(start, legs, times):
    """Truth (x, y, vx, vy) at each time of `times` along legs of (duration, turn rate)."""
    x, y, vx, vy = start
    t, out, i = 0.0, [], 0
    for duration, omega in legs:
        end = t + duration
        while i < len(times) and times[i] <= end:
            T = times[i] - t
            F = transition(omega, T)
            state = F @ [x, y, vx, vy]
            x, y, vx, vy = state
            t = times[i]
            out.append([float(v) for v in state])
            i += 1
        if i == len(times):
            break
        F = transition(omega, end - t)
        x, y, vx, vy = F @ [x, y, vx, vy]
        t = end
    return out


def tolist(a):
    return [[float(v) for v in row] for row in a] if a.ndim == 2 else [float(v) for v in a]


def horizontal_case(name, seed, omega, q, x0, P0, start, legs, intervals, missed=()):
    """One filter over a flight; a step whose index is in `missed` has no plot."""
    noise = Noise(seed)
    times = []
    t = 0.0
    for dt in intervals:
        t += dt
        times.append(t)
    truth = fly(start, legs, times)
    kf = kalman(x0, P0)
    steps = []
    for k, dt in enumerate(intervals):
        kf.predict(F=transition(omega, dt), Q=process_noise(q, dt))
        step = dict(dt=dt, priorX=tolist(kf.x), priorP=tolist(kf.P))
        if k not in missed:
            z, R = polar_plot(noise, truth[k][0], truth[k][1])
            import numpy as np
            kf.update(np.array(z), R=np.array(R))
            step.update(z=z, R=R, x=tolist(kf.x), P=tolist(kf.P),
                        mahalanobis2=float(kf.mahalanobis) ** 2, logLikelihood=float(kf.log_likelihood))
        steps.append(step)
    return dict(name=name, turnRate=omega, noiseDensity=q, x0=x0, P0=P0, steps=steps)


def horizontal_cases():
    P0 = [[2500.0, 300.0, 40.0, -10.0], [300.0, 1600.0, 5.0, 25.0],
          [40.0, 5.0, 400.0, 30.0], [-10.0, 25.0, 30.0, 900.0]]
    return [
        # Straight, varying scan periods (4, 4.8, 12 s, a 0.5 s double plot, an 8 s gap) and
        # two missed plots; started at the truth with a wide velocity prior.
        horizontal_case("constant velocity, straight flight", 1, 0.0, 5.0,
                        [20000.0, 35000.0, 0.0, 0.0],
                        [[2500.0, 0, 0, 0], [0, 2500.0, 0, 0], [0, 0, 40000.0, 0], [0, 0, 0, 40000.0]],
                        [20000.0, 35000.0, 150.0, -80.0], [(1e9, 0.0)],
                        [4.0, 4.0, 4.8, 12.0, 0.5, 4.0, 8.0, 4.0, 4.0, 12.0, 4.8, 4.0, 4.0, 4.0, 24.0, 4.0],
                        missed={6, 9}),
        horizontal_case("coordinated turn left at 3 deg/s", 2, TURN_RATE, 5.0,
                        [-30000.0, 10000.0, 180.0, 10.0], P0,
                        [-30000.0, 10000.0, 180.0, 0.0], [(1e9, TURN_RATE)],
                        [4.0, 4.0, 5.0, 4.0, 12.0, 4.0, 4.8, 4.0, 4.0, 4.0], missed={5}),
        horizontal_case("coordinated turn right at 3 deg/s", 3, -TURN_RATE, 5.0,
                        [5000.0, -60000.0, -10.0, 220.0], P0,
                        [5000.0, -60000.0, 0.0, 220.0], [(1e9, -TURN_RATE)],
                        [4.0, 4.0, 4.0, 12.0, 4.0, 4.0, 0.25, 4.0, 8.0, 4.0]),
        # A turn model that does not match the flight (straight truth), and a slower turn rate.
        horizontal_case("coordinated turn at 1.2 deg/s, straight flight", 4, 1.2 * DEG, 2.0,
                        [40000.0, 40000.0, -100.0, -100.0], P0,
                        [40000.0, 40000.0, -100.0, -100.0], [(1e9, 0.0)],
                        [6.0, 6.0, 6.0, 6.0, 6.0, 6.0]),
    ]


def markov(T):
    stay_straight = math.exp(-T / IMM["meanStraightTime"])
    stay_turn = math.exp(-T / IMM["meanTurnTime"])
    each = 0.5 * (1 - stay_straight)
    return [[stay_straight, each, each], [1 - stay_turn, stay_turn, 0.0], [1 - stay_turn, 0.0, stay_turn]]


def imm_case():
    import numpy as np
    from filterpy.kalman import IMMEstimator
    noise = Noise(5)
    # Straight 60 s, left at 3 deg/s for 40 s, straight 60 s, right at 2 deg/s for 50 s (the
    # turn models' rate is not the flight's), straight 60 s.
    legs = [(60.0, 0.0), (40.0, TURN_RATE), (60.0, 0.0), (50.0, -2 * DEG), (1e9, 0.0)]
    intervals = []
    t = 0.0
    pattern = [4.0, 4.0, 4.8, 4.0, 12.0, 4.0]
    while t < 268.0:
        dt = pattern[len(intervals) % len(pattern)]
        t += dt
        intervals.append(dt)
    times = list(np.cumsum(intervals))
    start = [25000.0, -40000.0, 120.0, 160.0]
    truth = fly(start, legs, times)
    x0 = [25000.0, -40000.0, 110.0, 150.0]
    P0 = [[2500.0, 0, 0, 0], [0, 2500.0, 0, 0], [0, 0, 400.0, 0], [0, 0, 0, 400.0]]
    omegas = [0.0, IMM["turnRate"], -IMM["turnRate"]]
    qs = [IMM["straightNoiseDensity"], IMM["turnNoiseDensity"], IMM["turnNoiseDensity"]]
    filters = [kalman(x0, P0) for _ in omegas]
    p = IMM["initialTurnProbability"]
    mu0 = [1 - 2 * p, p, p]
    imm = IMMEstimator(filters, np.array(mu0), np.array(markov(intervals[0])))
    steps = []
    for k, dt in enumerate(intervals):
        for f, omega, q in zip(filters, omegas, qs):
            f.F = transition(omega, dt)
            f.Q = process_noise(q, dt)
        # The Markov matrix of this interval: filterpy computes the predicted mode probabilities
        # (cbar) and mixing weights from M at the end of the previous update; redo that with M(dt).
        imm.M = np.array(markov(dt))
        imm._compute_mixing_probabilities()
        imm.predict()
        cbar = imm.cbar.copy()
        px = sum(c * f.x for c, f in zip(cbar, filters))
        pP = sum(c * (np.outer(f.x - px, f.x - px) + f.P) for c, f in zip(cbar, filters))
        z, R = polar_plot(noise, truth[k][0], truth[k][1])
        for f in filters:
            f.R = np.array(R)
        imm.update(np.array(z))
        for f in filters:
            if f.log_likelihood < -700:
                raise SystemExit("imm_case: a likelihood underflows in filterpy; change the case")
        steps.append(dict(dt=dt, z=z, R=R, truth=truth[k],
                          predictedModes=tolist(cbar), predictedX=tolist(px), predictedP=tolist(pP),
                          modes=tolist(imm.mu), x=tolist(imm.x), P=tolist(imm.P)))
    return dict(settings=IMM, x0=x0, P0=P0, initialModes=mu0, steps=steps)


def vertical_case():
    import numpy as np
    from filterpy.common import Q_continuous_white_noise
    from filterpy.kalman import KalmanFilter
    noise = Noise(6)
    q, rate_variance = 2.0, 225.0
    ft = 0.3048
    mode_c = (100 * ft) ** 2 / 12
    fine = (25 * ft) ** 2 / 12
    height_3d = 300.0 ** 2
    # Level at 3000 m, climb at 8 m/s from t = 40 s to 120 s, level again; each plot either a
    # quantised level (100 ft or 25 ft steps) or a 3-D radar height with sigma 300 m.
    intervals = [4.0, 4.0, 4.8, 4.0, 12.0, 4.0, 4.0, 4.0, 4.0, 8.0, 4.0, 4.0, 4.0, 4.0, 12.0, 4.0,
                 4.0, 4.0, 0.5, 4.0, 4.0, 4.0]
    kinds = ["100ft", "100ft", "25ft", "3d", "100ft", "25ft", "100ft", "100ft", "3d", "100ft", "25ft",
             "100ft", "100ft", "3d", "100ft", "100ft", "25ft", "100ft", "3d", "100ft", "100ft", "100ft"]

    def truth(t):
        return 3000.0 + 8.0 * min(max(t - 40.0, 0.0), 80.0)

    def measure(t, kind):
        h = truth(t)
        if kind == "3d":
            return h + noise.gauss(300.0), height_3d
        step = (100 if kind == "100ft" else 25) * ft
        return math.floor(h / step + 0.5) * step, (mode_c if kind == "100ft" else fine)

    z0, r0 = measure(0.0, "100ft")
    kf = KalmanFilter(dim_x=2, dim_z=1)
    kf.x = np.array([z0, 0.0])
    kf.P = np.array([[r0, 0.0], [0.0, rate_variance]])
    kf.H = np.array([[1.0, 0.0]])
    steps = []
    t = 0.0
    for dt, kind in zip(intervals, kinds):
        t += dt
        kf.predict(F=np.array([[1.0, dt], [0.0, 1.0]]), Q=Q_continuous_white_noise(2, dt, q))
        z, r = measure(t, kind)
        kf.update(np.array([z]), R=np.array([[r]]))
        steps.append(dict(dt=dt, altitude=z, variance=r, x=tolist(kf.x), P=tolist(kf.P),
                          mahalanobis2=float(kf.mahalanobis) ** 2))
    return dict(noiseDensity=q, initialRateVariance=rate_variance, altitude0=z0, variance0=r0,
                steps=steps)


def generate():
    return {
        "about": "Generated by tools/filter_vectors.py with filterpy; do not edit by hand. "
                 "Metres, seconds, radians; states x, y, vx, vy (horizontal), altitude, rate (vertical).",
        "filterpy": FILTERPY_VERSION,
        "horizontal": horizontal_cases(),
        "imm": imm_case(),
        "vertical": vertical_case(),
    }


def count(v):
    return len(v["imm"]["steps"]) + len(v["vertical"]["steps"]) + sum(len(c["steps"]) for c in v["horizontal"])


def main(argv):
    return vectors.run(argv, name="filter_vectors", library="filterpy", wanted=FILTERPY_VERSION,
                       install=f"or pip install filterpy=={FILTERPY_VERSION}", fixture=FIXTURE,
                       generate=generate, tolerance=TOLERANCE, count=lambda v: f"{count(v)} steps")


if __name__ == "__main__":
    sys.exit(main(sys.argv))
