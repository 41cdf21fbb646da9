"""What every decoder run returns, and how the Python oracles run in their own venvs."""
from __future__ import annotations

import json
import os
import subprocess
import time
from dataclasses import dataclass, field

TOOLS = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


@dataclass
class Result:
    """Records of one decoder on one file: each a dict with "cat", "b" (block index, when the
    decoder tells) and the normalised key fields (absent when not extracted: see `sampled`)."""
    name: str
    records: list[dict] = field(default_factory=list)
    block_errors: list[dict] = field(default_factory=list)
    seconds: float = 0.0
    failed: str | None = None      # the decoder could not run at all
    problems: list[tuple[int, str]] = field(default_factory=list)  # (cat, breach of the output contract)
    stderr: str = ""              # what the decoder printed on stderr (centinela: its summary)

    def by_cat(self) -> dict[int, list[dict]]:
        out: dict[int, list[dict]] = {}
        for r in self.records:
            out.setdefault(r["cat"], []).append(r)
        return out


def parse_edition_args(editions: dict[int, str]) -> list[str]:
    return [a for c, e in sorted(editions.items()) for a in ("--edition", f"{c}={e}")]


def run_worker(name: str, venv: str, module: str, jobs: list[dict], timeout: float) -> list[Result]:
    """Run `module` as a worker with the venv's python, once for many files (importing an oracle
    costs up to 2 s). Jobs {"path", "framing", "editions"} go in on stdin as JSON; the worker
    prints one JSON object per record, block error or failed job, each tagged with its job."""
    results = [Result(name) for _ in jobs]
    py = os.path.join(TOOLS, f".venv-{venv}", "bin", "python")
    if not os.path.exists(py):
        for r in results:
            r.failed = f"{py} missing: run bash tools/setup.sh"
        return results
    env = dict(os.environ, PYTHONPATH=TOOLS, PYTHONDONTWRITEBYTECODE="1")
    t0 = time.monotonic()
    try:
        p = subprocess.run([py, "-m", f"crosscheck.{module}"], input=json.dumps(jobs),
                           capture_output=True, text=True, env=env, timeout=timeout)
    except subprocess.TimeoutExpired:
        p = None
    seconds = time.monotonic() - t0
    if p is None or p.returncode != 0:
        why = f"timed out after {timeout:.0f} s" if p is None else f"exit {p.returncode}: {p.stderr.strip()[-300:]}"
        for r in results:
            r.failed = why
        return results
    for line in p.stdout.splitlines():
        obj = json.loads(line)
        r = results[obj.pop("job")]
        if "failed" in obj:
            r.failed = obj["failed"]
        else:
            (r.block_errors if "error" in obj else r.records).append(obj)
    for r in results:   # the batch's time, shared out by records
        r.seconds = seconds * (len(r.records) + 1) / sum(len(x.records) + 1 for x in results)
    return results


def worker_jobs():
    """The jobs a worker was given: [(index, path, framing, {cat: edition})]."""
    import sys
    return [(k, j["path"], j.get("framing", "plain"), {int(c): e for c, e in j.get("editions", {}).items()})
            for k, j in enumerate(json.load(sys.stdin))]


def emit(obj: dict) -> None:
    print(json.dumps(obj, separators=(",", ":")))
