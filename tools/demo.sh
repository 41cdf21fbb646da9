#!/usr/bin/env bash
# Sets up the machine, builds Centinela and tracks the shipped 30-minute night session: the track
# updates go to .build/demo-tracks.jsonl, and the tracks are measured against the session's truth
# (a table per flight: how soon each was tracked, how completely, how far off), then the
# suspect-profile alerts against its labels (which suspects were alerted, how early, false alerts).
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh
swift build --product centinela
session=recordings/northern-border-night
# The session's radars and their plot noise (from its scenario file).
noise=(--noise 50/1=116,0.18 --noise 50/2=60,0.1 --noise 50/3=100,0.15)
# The session's ground as SRTM tiles (24 MB gzip-compressed: made here once rather than shipped).
terrain=.build/northern-border-night.tiles
if [ ! -d "$terrain" ]; then
    rm -rf "$terrain.partial"
    .build/debug/centinela simulate "$session.scenario.json" --seed 1 --tiles "$terrain.partial"
    mv "$terrain.partial" "$terrain"
fi
.build/debug/centinela replay "$session.pcap" "${noise[@]}" --jsonl .build/demo-tracks.jsonl
.build/debug/centinela evaluate "$session.pcap" --truth "$session.truth.jsonl.gz" "${noise[@]}" \
    --zones recordings/northern-border.zones.geojson --terrain "$terrain"
