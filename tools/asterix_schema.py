#!/usr/bin/env python3
"""Generate Sources/Asterix/Specs/*.swift from the asterix-specs `.ast` definitions.

The `.ast` files (BSD-3-Clause, zoranbosnjak/asterix-specs, copied in ../shared/specs/asterix)
are a structured transcription of the EUROCONTROL category documents. We keep only what a
decoder needs: item structure, bit sizes, element kinds, LSB, signedness, unit and the UAP.
Titles, tables and remarks are dropped. The result is a compact token string per edition that
`Sources/Asterix/Schema/SpecParser.swift` reads on first use; a string compiles in no time where
the same data as nested Swift literals would slow every build.

Usage: tools/asterix_schema.py [SPECS_DIR]   (default ../shared/specs/asterix)
"""
import os
import re
import sys
from fractions import Fraction

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT_DIR = os.path.join(ROOT, "Sources", "Asterix", "Specs")

# category -> editions we generate (the scope, plus CAT065 which rides with CAT062)
EDITIONS = {
    1: ["1.2", "1.4"],
    2: ["1.0"],
    21: ["0.26", "2.4", "2.5", "2.6", "2.7"],
    34: ["1.27", "1.28", "1.29"],
    48: ["1.27", "1.28", "1.29", "1.30", "1.31", "1.32"],
    62: ["1.16", "1.17", "1.18", "1.19", "1.20", "1.21"],
    65: ["1.6"],
}

TEXT_BLOCKS = {"definition", "description", "remark", "preamble"}
NAMED = re.compile(r'^(\S+) "(.*)"$')


class Lines:
    def __init__(self, path):
        self.items = []
        with open(path, encoding="utf-8") as f:
            for raw in f:
                text = raw.rstrip("\n").rstrip()
                if text.strip():
                    self.items.append((len(text) - len(text.lstrip(" ")), text.strip()))
        self.i = 0

    def peek(self):
        return self.items[self.i] if self.i < len(self.items) else (-1, "")

    def take(self):
        line = self.items[self.i]
        self.i += 1
        return line

    def skip_deeper(self, indent):
        while self.i < len(self.items) and self.items[self.i][0] > indent:
            self.i += 1


def lsb_value(expr):
    """'180/2^25' -> Fraction; '0.25' -> Fraction."""
    if "/" in expr:
        num, den = expr.split("/")
    else:
        num, den = expr, "1"

    def term(t):
        if "^" in t:
            b, e = t.split("^")
            return Fraction(int(b)) ** int(e)
        return Fraction(t)

    return term(num) / term(den)


def content(text):
    """Element content line -> token list."""
    words = text.split()
    if words[0] in ("raw", "bds", "case"):
        return ["r"]
    if words[0] == "table":
        return ["t"]
    if words[0] == "string":
        return {"ascii": ["sa"], "icao": ["si"], "octal": ["so"]}[words[1]]
    if words[1] == "integer":
        return ["i" + ("s" if words[0] == "signed" else "u")]
    if words[1] == "quantity":
        unit = re.search(r'"([^"]*)"', text).group(1) or "-"
        assert " " not in unit, unit
        lsb = lsb_value(words[2])
        return ["q" + ("s" if words[0] == "signed" else "u"), repr(float(lsb)), unit]
    raise ValueError("unknown content: " + text)


def variation(ls):
    """Parse the variation starting at the current line; return tokens."""
    indent, text = ls.take()
    words = text.split()
    kind = words[0]
    if kind == "element":
        bits = int(words[1])
        _, ctext = ls.take()
        toks = ["E", str(bits)] + content(ctext)
        ls.skip_deeper(indent)
        return toks
    if kind == "group":
        members = members_of(ls, indent, allow_fx=False)
        return ["G", str(len(members))] + [t for m in members for t in m]
    if kind == "extended":
        members = members_of(ls, indent, allow_fx=True)
        return ["X", str(len(members))] + [t for m in members for t in m]
    if kind == "repetitive":
        inner = variation(ls)
        return (["RF"] if words[1] == "fx" else ["R", words[1]]) + inner
    if kind == "explicit":
        ls.skip_deeper(indent)
        return ["P"]
    if kind == "compound":
        subs = []
        while ls.peek()[0] > indent:
            sind, stext = ls.take()
            if stext == "-":
                subs.append(["-"])
                continue
            m = NAMED.match(stext)
            assert m, stext
            subs.append(["N", m.group(1)] + named_body(ls, sind))
        return ["C", str(len(subs))] + [t for s in subs for t in s]
    raise ValueError("unknown variation: " + text)


def named_body(ls, indent):
    """Skip text blocks under a named item, then parse its variation."""
    while True:
        ind, text = ls.peek()
        if ind <= indent:
            raise ValueError("named item without a variation")
        if text in TEXT_BLOCKS:
            ls.take()
            ls.skip_deeper(ind)
            continue
        toks = variation(ls)
        ls.skip_deeper(indent)  # remarks after the variation
        return toks


def members_of(ls, indent, allow_fx):
    members = []
    while ls.peek()[0] > indent:
        mind, mtext = ls.take()
        if mtext == "-":
            assert allow_fx
            members.append(["F"])
        elif mtext.startswith("spare "):
            members.append(["S", mtext.split()[1]])
        else:
            m = NAMED.match(mtext)
            assert m, mtext
            members.append(["N", m.group(1)] + named_body(ls, mind))
    return members


def parse(path):
    ls = Lines(path)
    items, uaps, selector = [], [], None
    while ls.i < len(ls.items):
        indent, text = ls.take()
        if text == "items":
            while ls.peek()[0] > indent:
                iind, itext = ls.take()
                m = NAMED.match(itext)
                assert m, itext
                items.append((m.group(1), named_body(ls, iind)))
        elif text == "uap":
            uaps.append(("-", uap_list(ls, indent)))
        elif text == "uaps":
            while ls.peek()[0] > indent:
                vind, vtext = ls.take()
                if vtext == "variations":
                    while ls.peek()[0] > vind:
                        nind, name = ls.take()
                        uaps.append((name, uap_list(ls, nind)))
                elif vtext.startswith("case "):
                    item, field = vtext.split()[1].split("/")
                    cases = []
                    while ls.peek()[0] > vind:
                        _, c = ls.take()
                        value, name = c.split(":")
                        cases.append((int(value), name.strip()))
                    selector = (item, field, cases)
        else:
            ls.skip_deeper(indent)
    return items, uaps, selector


def uap_list(ls, indent):
    out = []
    while ls.peek()[0] > indent:
        out.append(ls.take()[1])
    return out


def patch(cat, items):
    """Deliberate departures from the definitions, each with its reason."""
    if cat == 48:
        # I048/090 FL is `unsigned` up to 1.31 and `signed` in 1.32; the item was always sent
        # as two's complement and real recordings carry negative levels (shared/DOMAIN.md).
        for i, (name, toks) in enumerate(items):
            if name == "090":
                s = " ".join(toks).replace("N FL E 14 qu", "N FL E 14 qs")
                items[i] = (name, s.split(" "))
    return items


def generate(specs_dir):
    os.makedirs(OUT_DIR, exist_ok=True)
    for cat, editions in EDITIONS.items():
        lines = []
        for ed in editions:
            path = os.path.join(specs_dir, "cat%03d" % cat, "cat%03d-%s.ast" % (cat, ed))
            items, uaps, selector = parse(path)
            items = patch(cat, items)
            parts = ["CAT", str(cat), ed]
            for name, toks in items:
                parts += ["I", name] + toks
            for uname, entries in uaps:
                parts += ["U", uname, str(len(entries))] + entries
            if selector:
                item, field, cases = selector
                parts += ["SEL", item, field, str(len(cases))]
                for value, name in cases:
                    parts += [str(value), name]
            lines.append(" ".join(parts))
        swift = [
            "// Generated by tools/asterix_schema.py from the asterix-specs definitions",
            "// (BSD-3-Clause, Copyright (c) 2019, KZPS; see tools/asterix_schema.py). Do not edit.",
            "",
            "extension SpecLibrary {",
            "    static let cat%03d: [String] = [" % cat,
        ]
        for line in lines:
            swift.append('        "%s",' % line.replace("\\", "\\\\").replace('"', '\\"'))
        swift += ["    ]", "}", ""]
        with open(os.path.join(OUT_DIR, "Cat%03d.swift" % cat), "w", encoding="utf-8") as f:
            f.write("\n".join(swift))


if __name__ == "__main__":
    default = os.path.join(os.path.dirname(ROOT), "shared", "specs", "asterix")
    generate(sys.argv[1] if len(sys.argv) > 1 else default)
