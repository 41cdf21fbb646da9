"""Our decoder: `centinela decode FILE --format jsonl ...` (one asterix-specs-shaped JSON object per
record on stdout, a summary on stderr) and `centinela convert FILE --out OUT.pcap --port P ...`."""
from __future__ import annotations

import json
import os
import re
import subprocess
import time

from .common import Result, parse_edition_args
from .fields import from_spec_json


def options(spec) -> list[str]:
    args = ["--framing", spec.framing] if spec.framing != "plain" else []
    args += parse_edition_args(spec.editions)
    if spec.keep_duplicates:
        args.append("--keep-duplicates")
    return args


def _run(cmd: list[str], timeout: float):
    t0 = time.monotonic()
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, time.monotonic() - t0
    return p, time.monotonic() - t0


def describe_exit(p) -> str:
    if p.returncode < 0:
        return f"killed by signal {-p.returncode} (crash)"
    tail = p.stderr.strip().splitlines()[-3:]
    return f"exit {p.returncode}: " + " | ".join(tail)


def decode(binary: str, path: str, spec, timeout: float = 240) -> Result:
    res = Result("centinela")
    p, res.seconds = _run([binary, "decode", path, "--format", "jsonl", *options(spec)], timeout)
    if p is None:
        res.failed = f"timed out after {timeout:.0f} s"
        return res
    res.stderr = p.stderr.strip()
    if p.returncode != 0:
        res.failed = describe_exit(p)
    for n, line in enumerate(p.stdout.splitlines()):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            res.failed = f"stdout line {n + 1} is not JSON: {e}"
            continue
        rec = from_spec_json(obj)
        for k in ("sac", "sic"):   # contract: copied from item 010 when present
            if rec.get(k) is not None and obj.get(k) != rec[k]:
                res.problems.append((rec["cat"], f"stdout line {n + 1}: \"{k}\" is {obj.get(k)!r}, "
                                                 f"item 010 says {rec[k]}"))
        for k in ("ts", "rx_tod"):
            if k in obj:
                rec[k] = obj[k]
        res.records.append(rec)
    return res


def reported_errors(stderr: str) -> int:
    """The largest count the stderr summary puts next to 'error', 'reject' or 'invalid'."""
    best = 0
    for line in stderr.splitlines():
        if re.search(r"error|reject|invalid|malformed|skipped", line, re.I):
            nums = [int(x) for x in re.findall(r"\b\d+\b", line)]
            best = max([best, *nums])
    return best


def convert(binary: str, path: str, out: str, port: int, spec, timeout: float = 240):
    """Run convert; return None on success or a message saying what went wrong."""
    if os.path.exists(out):
        os.unlink(out)
    p, _ = _run([binary, "convert", path, "--out", out, "--port", str(port), *options(spec)], timeout)
    if p is None:
        return f"convert timed out after {timeout:.0f} s"
    if p.returncode != 0:
        return "convert " + describe_exit(p)
    if not os.path.exists(out):
        return "convert exited 0 but wrote no pcap"
    return None
