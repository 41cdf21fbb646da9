#!/usr/bin/env python3
"""Independent check of centinela's Cursor on Target events: takproto (the TAK protocol library)
parses each event of DIR/alerts.cot into its protobuf, converts the XML to TAK protobuf and back,
and every field it reads is compared with the JSON line of the same datagram in DIR/alerts.jsonl
(both written by `CENTINELA_ALERTS_OUT=DIR swift test --filter FeedsTests`).

With --live, takproto is a real client on the network instead: the script listens on two
127.0.0.1 UDP ports, runs `centinela replay SESSION --zones ZONES --cot … --alerts …` into them
(with a store in a temporary folder, so alert_seq is set), and checks every Cursor on Target
datagram received against the JSON datagram of the same feed sequence number, and that neither
feed has a gap.

Usage: tools/.venv-cot/bin/python tools/cot_check.py DIR   (tools/setup.sh makes the venv)
       tools/.venv-cot/bin/python tools/cot_check.py --live CENTINELA SESSION ZONES
Exit 0 when every event agrees, 1 otherwise, saying which event and field."""
import json
import math
import os
import select
import socket
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

import takproto

UNKNOWN = 9999999.0
STALE_AFTER_MS = 60_000  # AlertStream's default, which the fixture uses


def ms(t):
    """Seconds since 1970 as takproto's milliseconds; it truncates a float, so allow 1 ms."""
    return round(t * 1000)


def major_sigma(xx, xy, yy):
    """1-sigma semi-major axis of the covariance ellipse: root of the larger eigenvalue."""
    mean, half = (xx + yy) / 2, (xx - yy) / 2
    return math.sqrt(mean + math.hypot(half, xy))


def check(n, cot, j, problems):
    def expect(what, got, want, tol=None):
        ok = abs(got - want) <= tol if tol is not None else got == want
        if not ok:
            problems.append(f"event {n} (seq {j['seq']}): {what}: takproto read {got!r}, expected {want!r}")

    msg = takproto.parse_proto(bytearray(cot))
    if msg is None:
        problems.append(f"event {n}: takproto did not recognise it as CoT XML")
        return
    # XML → TAK protobuf (mesh) → message: the same message.
    expect("protobuf round trip", takproto.parse_proto(takproto.xml2proto(cot)), msg)
    e = msg.cotEvent
    d = ET.fromstring(f"<d>{e.detail.xmlDetail}</d>")
    cen = d.find("centinela")
    if cen is None:
        problems.append(f"event {n}: no <centinela> element in the detail")
        return
    expect("seq", int(cen.get("seq")), j["seq"])
    # The store's numbers: an attribute in CoT, a key in JSON (null, attribute absent, without a store).
    number = "last_alert_seq" if j["type"] == "heartbeat" else "alert_seq"
    got = cen.get(number)
    expect(number, int(got) if got is not None else None, j[number])
    expect("time", e.sendTime, ms(j["t"]), 1)
    expect("start", e.startTime, e.sendTime)

    if j["type"] == "heartbeat":
        expect("uid", e.uid, "CENTINELA.FEED")
        expect("type", e.type, "t-x-c-t")
        expect("stale", e.staleTime, e.sendTime + round(j["interval_s"] * 1000), 1)
        expect("active", int(cen.get("active")), j["active"])
        return

    cleared = j["state"] == "cleared"
    expect("uid", e.uid, f"CENTINELA.TRK.{j['track']}")
    expect("type", e.type, "a-u-A" if cleared else "a-s-A-C-F")
    expect("how", e.how, "m-p" if j["stage"] == "coasting" else "m-f")
    expect("stale", e.staleTime, e.sendTime if cleared else e.sendTime + STALE_AFTER_MS, 1)
    expect("lat", e.lat, j["lat"])
    expect("lon", e.lon, j["lon"])
    expect("hae", e.hae, j["alt_m"] if j["alt_m"] is not None else UNKNOWN)
    expect("ce", e.ce, major_sigma(j["cov_xx_m2"], j["cov_xy_m2"], j["cov_yy_m2"]), 1e-6)
    expect("le", e.le, UNKNOWN)
    expect("course", e.detail.track.course, j["heading_deg"])
    expect("speed", e.detail.track.speed, j["speed_mps"])
    callsign = f"TRK{j['track']}" + (f" {j['callsign']}" if j["callsign"] else "")
    expect("callsign", e.detail.contact.callsign, callsign)
    expect("remarks", d.findtext("remarks"), " · ".join(j["reasons"]))
    expect("alert id", cen.get("alert"), j["id"])
    expect("state", cen.get("state"), j["state"])
    expect("class", cen.get("class"), j["class"])
    expect("score", float(cen.get("score")), j["score"])
    expect("acknowledged", cen.get("acknowledged"), "true" if j["acknowledged"] else "false")


def live(centinela, session, zones):
    """Runs a replay into two loopback sockets; returns (CoT datagrams, JSON objects), each in
    feed order."""
    socks = []
    for _ in range(2):
        sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 8 << 20)
        sock.bind(("127.0.0.1", 0))
        socks.append(sock)
    cot_port, json_port = (sk.getsockname()[1] for sk in socks)
    got = {cot_port: [], json_port: []}
    with tempfile.TemporaryDirectory() as tmp:
        proc = subprocess.Popen([centinela, "replay", session, "--zones", zones,
                                 "--cot", f"udp://127.0.0.1:{cot_port}", "--alerts", f"udp://127.0.0.1:{json_port}",
                                 "--store", os.path.join(tmp, "alerts.sqlite")],
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        while True:
            ready, _, _ = select.select(socks, [], [], 0.2)
            for sk in ready:
                got[sk.getsockname()[1]].append(sk.recv(65536))
            if not ready and proc.poll() is not None:
                break
        err = proc.stderr.read().decode()
    if proc.returncode != 0:
        raise SystemExit(f"cot_check: replay exited {proc.returncode}: {err}")
    return got[cot_port], [json.loads(d) for d in got[json_port]]


def main():
    args = sys.argv[1:]
    if len(args) == 4 and args[0] == "--live":
        events, lines = live(*args[1:])
        source = "datagrams received"
    elif len(args) == 1:
        with open(f"{args[0]}/alerts.cot", "rb") as f:
            events = f.read().splitlines()
        with open(f"{args[0]}/alerts.jsonl", encoding="utf-8") as f:
            lines = [json.loads(line) for line in f]
        source = "events"
    else:
        print(__doc__, file=sys.stderr)
        return 2
    problems = []
    if len(events) != len(lines) or not events:
        problems.append(f"{len(events)} events but {len(lines)} JSON lines")
    if [j["seq"] for j in lines] != list(range(1, len(lines) + 1)):
        problems.append("the JSON feed's sequence numbers have a gap")
    for n, (cot, j) in enumerate(zip(events, lines), 1):
        check(n, cot, j, problems)
    for p in problems[:20]:
        print(f"cot_check: {p}", file=sys.stderr)
    if problems:
        return 1
    beats = sum(1 for j in lines if j["type"] == "heartbeat")
    print(f"cot_check: takproto {takproto.__version__} read {len(events)} {source} ({len(events) - beats} alerts, "
          f"{beats} heartbeats) as the JSON lines say")
    return 0


if __name__ == "__main__":
    sys.exit(main())
