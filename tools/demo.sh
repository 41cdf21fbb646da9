#!/usr/bin/env bash
# Sets up the machine, builds Centinela and tracks the shipped 30-minute night session: the track
# updates go to .build/demo-tracks.jsonl, and the tracks are measured against the session's truth
# (a table per flight: how soon each was tracked, how completely, how far off).
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh
swift build --product centinela
session=recordings/northern-border-night
# The session's radars and their plot noise (from its scenario file).
noise=(--noise 50/1=116,0.18 --noise 50/2=60,0.1 --noise 50/3=100,0.15)
.build/debug/centinela replay "$session.pcap" "${noise[@]}" --jsonl .build/demo-tracks.jsonl
.build/debug/centinela evaluate "$session.pcap" --truth "$session.truth.jsonl.gz" "${noise[@]}"
