"""What every test-vector script shares: `--check` against the committed fixture, or (re)write it.

Each script (geodesy_vectors.py, filter_vectors.py, assignment_vectors.py, gospa_vectors.py)
computes its vectors with an independent library and calls `run`. Exit codes: 0 the fixture is
what the library computes (or was written), 1 it differs or cannot be read, 2 the library is
missing or not the version the fixture was made with, or a bad argument.
"""
import json
import math
import os
import sys
from importlib.metadata import PackageNotFoundError, version


def differences(a, b, tolerance, path="$"):
    """Yields a description of every place where a and b differ beyond `tolerance` (relative,
    with the same floor absolute for values near zero)."""
    if isinstance(a, dict) and isinstance(b, dict):
        if set(a) != set(b):
            yield f"{path}: keys {sorted(set(a) ^ set(b))} in one file only"
        for k in sorted(set(a) & set(b)):
            yield from differences(a[k], b[k], tolerance, f"{path}.{k}")
    elif isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            yield f"{path}: {len(a)} entries, expected {len(b)}"
        for i, (x, y) in enumerate(zip(a, b)):
            yield from differences(x, y, tolerance, f"{path}[{i}]")
    elif isinstance(a, (int, float)) and isinstance(b, (int, float)) \
            and not isinstance(a, bool) and not isinstance(b, bool):
        if not math.isclose(a, b, rel_tol=tolerance, abs_tol=tolerance):
            yield f"{path}: {a!r}, expected {b!r}"
    elif a != b:
        yield f"{path}: {a!r}, expected {b!r}"


def write_lines(vectors, f):
    """One top-level key a line, and a list of entries one entry a line: compact, and a changed
    vector still shows as a changed line in a diff."""
    def compact(value):
        return json.dumps(value, separators=(",", ":"), allow_nan=False)
    lines = []
    for key, value in vectors.items():
        if isinstance(value, list) and value and all(isinstance(v, (dict, list)) for v in value):
            lines.append(f" {json.dumps(key)}: [\n" + ",\n".join("  " + compact(v) for v in value) + "\n ]")
        else:
            lines.append(f" {json.dumps(key)}: {compact(value)}")
    f.write("{\n" + ",\n".join(lines) + "\n}\n")


def run(argv, *, name, library, wanted, install, fixture, generate, count, tolerance,
        write=write_lines):
    """The script's main. `generate()` computes the vectors (importing the library itself);
    `count(vectors)` says how many there are, as "N things"; `write(vectors, file)` lays them out."""
    check = "--check" in argv[1:]
    unknown = [a for a in argv[1:] if a != "--check"]
    if unknown:
        print(f"usage: {argv[0]} [--check]  (unknown argument {unknown[0]})", file=sys.stderr)
        return 2
    try:
        found = version(library)
    except PackageNotFoundError:
        print(f"{name}: {library} is not installed; run: bash tools/setup.sh ({install})", file=sys.stderr)
        return 2
    if found != wanted:
        print(f"{name}: {library} {found} found, the fixture is made with {wanted}", file=sys.stderr)
        return 2
    vectors = generate()
    path = os.path.normpath(fixture)
    if check:
        try:
            with open(path) as f:
                committed = json.load(f)
        except (OSError, ValueError) as e:
            print(f"{name}: cannot read {path}: {e}", file=sys.stderr)
            return 1
        diffs = list(differences(committed, vectors, tolerance))
        if diffs:
            print(f"{name}: {path} is stale ({len(diffs)} differences, tolerance {tolerance} "
                  f"relative); regenerate with tools/{name}.py", file=sys.stderr)
            for d in diffs[:20]:
                print("  " + d, file=sys.stderr)
            return 1
        print(f"{name}: {path} matches {library} {found} ({count(vectors)})")
        return 0
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        write(vectors, f)
    print(f"{name}: wrote {count(vectors)} to {path}")
    return 0
