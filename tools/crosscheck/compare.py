"""Compare decoders' normalised records of one category: align them, diff the key fields, and
forgive only what a known fault explains."""
from __future__ import annotations

from difflib import SequenceMatcher

from . import known_faults
from .fields import TOLERANCE, differs


def align(a: list[dict], b: list[dict]) -> list[tuple[int, int]]:
    """Pairs of indices of the same record: by position when the counts agree, otherwise by
    matching runs of (SAC, SIC, time of day)."""
    if len(a) == len(b):
        return list(zip(range(len(a)), range(len(b))))
    key = lambda r: (r.get("sac"), r.get("sic"), round(r["tod"] * 128) if r.get("tod") is not None else None)
    sm = SequenceMatcher(None, [key(r) for r in a], [key(r) for r in b], autojunk=False)
    return [(m.a + k, m.b + k) for m in sm.get_matching_blocks() for k in range(m.size)]


def sample(pairs: list, limit: int) -> list:
    if not limit or len(pairs) <= limit:
        return pairs
    step = len(pairs) / limit
    return [pairs[int(k * step)] for k in range(limit)]


def explained(file: str, oracle: str, cat: int, field: str, ours, theirs) -> known_faults.Fault | None:
    """A known fault of `oracle` that explains `theirs` where the right value is `ours`."""
    tol = TOLERANCE[cat].get(field) or 0
    for f in known_faults.find(file, oracle, cat, "value"):
        if f.field == field and theirs == f.value and ours == f.correct:
            return f
    for f in known_faults.find(file, oracle, cat, "scale"):
        if f.field == field and ours is not None and theirs is not None \
                and abs(theirs - ours * f.factor) <= tol * f.factor * 1.000001:
            return f
    return None


def diff_pairs(file: str, cat: int, a_name: str, a: list[dict], b_name: str, b: list[dict],
               pairs: list[tuple[int, int]]):
    """Yield (i, j, field, a_value, b_value, fault_or_None) for every differing key field.
    A fault is looked up on the b side first (b is the oracle when a is ours), then on a."""
    for i, j in pairs:
        ra, rb = a[i], b[j]
        for field in TOLERANCE[cat]:
            va, vb = ra.get(field), rb.get(field)
            if differs(cat, field, va, vb):
                f = explained(file, b_name, cat, field, va, vb) or explained(file, a_name, cat, field, vb, va)
                yield i, j, field, va, vb, f
