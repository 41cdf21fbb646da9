"""Oracle: zoranbosnjak libasterix 0.36.3 (generated from asterix-specs, like our decoder), run as a
worker in tools/.venv-libasterix. Editions: the newest in its manifest unless --edition CAT=X.Y.

API used (asterix/base.py and asterix/generated.py in the venv): `generated.manifest['CATS'][cat]`
lists the AstCat classes per edition; `cls.cv_uap` is UapSingle (`.parse(Bits)` -> records or
ValueError) or UapMultiple (`cv_uaps`, `cv_selector`, e.g. CAT001 plot/track by I001/020 TYP);
`Record.parse(ParsingMode.StrictParsing, bits)` parses one record. Each record is first turned
into the asterix-specs-shaped JSON of centinela's contract (same names), then into key fields.
"""
from __future__ import annotations

from .common import Result, run_worker


def run_all(jobs: list[dict], timeout: float = 300) -> list[Result]:
    """jobs: [{"path", "framing", "editions": {cat: "X.Y"}}]; one Result per job, in order."""
    return run_worker("libasterix", "libasterix", "oracle_libasterix", jobs, timeout)


def _worker() -> None:
    from asterix import base as B  # libasterix (only in its venv)
    from asterix.generated import manifest
    from .common import emit, worker_jobs
    from .containers import read_recording
    from .fields import SPEC_PATHS, from_spec_json

    def select(editions):
        """The newest edition of every category, unless `editions` names one."""
        cats = {}
        for cat, classes in manifest["CATS"].items():
            want = editions.get(cat)
            pick = [c for c in classes if want is None or "%d.%d" % c.cv_edition == want]
            if not pick:
                raise ValueError(f"libasterix has no CAT{cat:03d} edition {want}")
            cats[cat] = pick[-1]
        return cats

    # Only the items our key fields read are converted (the rest is parsed but not walked).
    needed = {cat: {i for w in paths.values() for i, _ in (w if isinstance(w, list) else [w])}
              for cat, paths in SPEC_PATHS.items()}

    def content_json(c, nbits):
        if isinstance(c, B.ContentQuantity):
            return c._as_quantity()
        if isinstance(c, B.ContentInteger):
            return c.as_integer()
        if isinstance(c, B.ContentString):
            return c.as_string().strip()
        if isinstance(c, B.ContentTable) or nbits <= 16:
            return c.as_uint()
        return format(c.as_uint(), "0%dX" % ((nbits + 3) // 4))

    def var_json(v):
        if isinstance(v, B.Element):
            r = v._get_rule()
            c = r._get_content() if isinstance(r, B.RuleContentContextFree) else r._get_content(None)
            return content_json(c, v.cv_bit_size)
        if isinstance(v, B.Group):
            return {i.arg.cv_name: nsp_json(i.arg) for i in v.arg if isinstance(i, B.Item)}
        if isinstance(v, B.Extended):
            return {i.arg.cv_name: nsp_json(i.arg) for part in v.arg for i in part if isinstance(i, B.Item)}
        if isinstance(v, B.Repetitive):
            return [var_json(x) for x in v.arg]
        if isinstance(v, B.Explicit):
            data = v.get_bytes()
            return {"len": len(data) + 1, "hex": data.hex().upper()}
        if isinstance(v, B.Compound):
            return {name: nsp_json(n) for name, n in v.arg.items()}
        raise TypeError(type(v))

    def nsp_json(nsp):
        rule = nsp.arg
        if isinstance(rule, B.RuleVariationContextFree):
            return var_json(rule.arg)
        var, _ = rule.cv_default_variation._parse(rule.bs)
        return var_json(var)

    def record_json(cat, rec):
        obj = {"cat": cat}
        for item in needed.get(cat, ()):
            nsp = rec.items_regular.get(item)
            if nsp is not None:
                obj[f"I{cat:03d}/{item}"] = nsp_json(nsp)
        return obj

    def parse_multi(uap, bits):
        """Multi-UAP category: choose each record's UAP by the selector item (e.g. I001/020 TYP)."""
        (item, field), cases = uap.cv_selector
        recs, rest = [], bits
        while len(rest):
            tried = {}
            for name, rcls in uap.cv_uaps.items():
                res = rcls.parse(B.ParsingMode.StrictParsing, rest)
                if isinstance(res, ValueError):
                    continue
                sel = res[0].items_regular.get(item)
                if sel is not None and cases.get(sel.arg.arg._get_item(field).arg.as_uint()) == name:
                    tried = {name: res}
                    break
                tried.setdefault(name, res)
            if len(tried) != 1:
                return ValueError("no UAP fits" if not tried else "UAP selector does not decide")
            rec, rest = next(iter(tried.values()))
            recs.append(rec)
        return recs

    for job, path, framing, editions in worker_jobs():
        try:
            cats = select(editions)
            datagrams = read_recording(path, framing)
        except (OSError, ValueError) as e:
            emit({"job": job, "failed": str(e)})
            continue
        b = 0
        for dg in datagrams:
            for block in dg.blocks:
                cat = block[0]
                spec = cats.get(cat)
                if spec is None:
                    emit({"job": job, "b": b, "cat": cat, "error": "no definition"})
                else:
                    bits = B.Bits.from_bytes(block[3:])
                    uap = spec.cv_uap
                    recs = uap.parse(bits) if issubclass(uap, B.UapSingle) else parse_multi(uap, bits)
                    if isinstance(recs, ValueError):
                        emit({"job": job, "b": b, "cat": cat, "error": str(recs)})
                    else:
                        for r in recs:
                            emit({"job": job, "b": b, **from_spec_json(record_json(cat, r))})
                b += 1


if __name__ == "__main__":
    _worker()
