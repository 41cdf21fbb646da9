#!/usr/bin/env python3
"""Test vectors for the Tracking module's LinearAssignment, solved by an independent library
(scipy 1.16.3, scipy.optimize.linear_sum_assignment).

Writes Tests/TrackingTests/Fixtures/assignment_vectors.json: fixed-seed random problems with
scipy's optimal total cost. Square and rectangular both ways, sizes 1 to 60 and three large ones,
with forbidden pairs (null in the file, +inf for scipy), with a cost for each unassigned row and
column, with many ties (costs from {0, 1, 2, 3}), and GOSPA-like problems (cost min(d, c)^p
between points, unassigned cost c^p / 2). Problems with forbidden pairs and no unassigned cost
may have no complete assignment: their total is null.

scipy has no unassigned cost, so it is modelled here by the textbook augmentation to a square
(rows + columns)^2 problem, built independently of the Swift code (which uses dummy columns
instead): the real costs top left, a dummy column per row (unassigned cost on its diagonal,
forbidden elsewhere) top right, a dummy row per column bottom left likewise, zeros bottom
right (a dummy row may meet a dummy column for free).

The problems come from Python's random.Random with fixed seeds (its float and integer streams
are stable across Python versions), so the file is the same on every machine.

    tools/.venv-oracles/bin/python tools/assignment_vectors.py          # (re)write the fixture
    tools/.venv-oracles/bin/python tools/assignment_vectors.py --check  # exit 1 if it is stale

--check regenerates the vectors in memory and compares them with the committed file number by
number: |a - b| <= 1e-9 * max(1, |a|, |b|). Exit codes: 0 same, 1 differs or missing, 2 scipy
missing or the wrong version.
"""
import json
import math
import os
import random
import sys

import vectors

SCIPY_VERSION = "1.16.3"
HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURE = os.path.join(HERE, "..", "Tests", "TrackingTests", "Fixtures", "assignment_vectors.json")
TOLERANCE = 1e-9

SIZES = [1, 2, 3, 4, 5, 7, 10, 13, 17, 24, 32, 45, 60]
# (rows, columns) pairs: square, wide and tall, from the sizes above.
SHAPES = ([(n, n) for n in SIZES]
          + [(a, b) for a, b in zip(SIZES, SIZES[2:])]
          + [(b, a) for a, b in zip(SIZES, SIZES[3:])]
          + [(1, 60), (60, 1), (0, 3), (4, 0)])


def uniform_costs(rng, rows, columns, scale):
    return [round(rng.uniform(0, scale), 3) for _ in range(rows * columns)]


def forbid(rng, costs, fraction):
    return [None if rng.random() < fraction else c for c in costs]


def gospa_costs(rng, rows, columns, c, p, digits=6):
    """Truth and estimate points in a 20 km square; cost min(distance, c)^p."""
    truth = [(rng.uniform(0, 20_000), rng.uniform(0, 20_000)) for _ in range(rows)]
    tracks = [(rng.uniform(0, 20_000), rng.uniform(0, 20_000)) for _ in range(columns)]
    return [round(min(math.dist(a, b), c) ** p, digits) for a in truth for b in tracks]


def problems():
    rng = random.Random(20260501)
    out = []
    for rows, columns in SHAPES:
        n = rows * columns
        out.append(dict(kind="plain", rows=rows, columns=columns, unassignedCost=None,
                        costs=uniform_costs(rng, rows, columns, 100)))
        out.append(dict(kind="forbidden", rows=rows, columns=columns, unassignedCost=None,
                        costs=forbid(rng, uniform_costs(rng, rows, columns, 100), 0.3)))
        out.append(dict(kind="ties", rows=rows, columns=columns, unassignedCost=None,
                        costs=[rng.randrange(4) for _ in range(n)]))
        out.append(dict(kind="unassigned", rows=rows, columns=columns,
                        unassignedCost=round(rng.uniform(5, 60), 3),
                        costs=forbid(rng, uniform_costs(rng, rows, columns, 100), 0.5)))
        out.append(dict(kind="unassigned-ties", rows=rows, columns=columns, unassignedCost=1.0,
                        costs=forbid(rng, [rng.randrange(4) for _ in range(n)], 0.3)))
        c, p = (1000.0, 1) if rows % 2 else (5000.0, 2)
        out.append(dict(kind="gospa", rows=rows, columns=columns, unassignedCost=c ** p / 2,
                        costs=gospa_costs(rng, rows, columns, c, p)))
    # Every pair forbidden but one: forces long augmenting paths through the forbidden entries.
    out.append(dict(kind="one-allowed", rows=5, columns=5, unassignedCost=None,
                    costs=[None] * 12 + [7.5] + [None] * 12))
    out.append(dict(kind="one-allowed-unassigned", rows=5, columns=5, unassignedCost=2.0,
                    costs=[None] * 12 + [3.0] + [None] * 12))
    # Two rows that can only take the same column.
    out.append(dict(kind="infeasible", rows=2, columns=3, unassignedCost=None,
                    costs=[1.0, None, None, 2.0, None, None]))
    # Large ones, with integer costs to keep the file small (and ties plentiful): one plain,
    # one with forbidden pairs and an unassigned cost, one GOSPA with a few hundred points.
    out.append(dict(kind="large-plain", rows=300, columns=280, unassignedCost=None,
                    costs=[rng.randrange(1000) for _ in range(300 * 280)]))
    out.append(dict(kind="large-unassigned", rows=180, columns=220, unassignedCost=150.0,
                    costs=forbid(rng, [rng.randrange(1000) for _ in range(180 * 220)], 0.4)))
    out.append(dict(kind="large-gospa", rows=120, columns=140, unassignedCost=1000.0 / 2,
                    costs=gospa_costs(rng, 120, 140, 1000.0, 1, digits=1)))
    return out


def augmented(problem):
    """The square (rows + columns)^2 problem whose optimum is the problem's with unassigned cost."""
    n, m, u = problem["rows"], problem["columns"], problem["unassignedCost"]
    size = n + m
    big = [[math.inf] * size for _ in range(size)]
    for i in range(n):
        for j in range(m):
            c = problem["costs"][i * m + j]
            big[i][j] = math.inf if c is None else c
        big[i][m + i] = u                 # row i unassigned
    for j in range(m):
        big[n + j][j] = u                 # column j unassigned
        for i in range(n):
            big[n + j][m + i] = 0.0       # dummy meets dummy
    return big


def solve(problem, np, linear_sum_assignment):
    n, m = problem["rows"], problem["columns"]
    if problem["unassignedCost"] is None:
        if n == 0 or m == 0:
            return 0.0
        matrix = np.array([math.inf if c is None else c for c in problem["costs"]],
                          dtype=float).reshape(n, m)
    else:
        if n + m == 0:
            return 0.0
        matrix = np.array(augmented(problem), dtype=float)
    try:
        r, c = linear_sum_assignment(matrix)
    except ValueError:  # "cost matrix is infeasible"
        return None
    return float(matrix[r, c].sum())


def generate(np, linear_sum_assignment):
    cases = []
    for p in problems():
        p["total"] = solve(p, np, linear_sum_assignment)
        cases.append(p)
    return {
        "about": "Generated by tools/assignment_vectors.py with scipy.optimize.linear_sum_assignment; "
                 "do not edit by hand. costs row-major, null forbids a pair; unassignedCost null means "
                 "none (every row or column, whichever are fewer, assigned); total null: infeasible.",
        "scipy": SCIPY_VERSION,
        "cases": cases,
    }


def main(argv):
    def computed():
        import numpy as np
        from scipy.optimize import linear_sum_assignment
        return generate(np, linear_sum_assignment)
    return vectors.run(argv, name="assignment_vectors", library="scipy", wanted=SCIPY_VERSION,
                       install=f"or pip install scipy=={SCIPY_VERSION}", fixture=FIXTURE,
                       generate=computed, tolerance=TOLERANCE,
                       count=lambda v: f"{len(v['cases'])} problems")


if __name__ == "__main__":
    sys.exit(main(sys.argv))
