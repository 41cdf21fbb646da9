#!/usr/bin/env bash
# Sets up the machine, builds Centinela and decodes the shipped demo recording as a table.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh
swift build --product centinela
.build/debug/centinela decode --format table recordings/demo.pcap
