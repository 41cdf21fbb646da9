#!/usr/bin/env bash
# Sets up the machine and runs every test: the Swift tests, then the cross-checks against the
# independent ASTERIX decoders on the real recordings in ../shared (skipped, saying so, without it)
# and on the sessions we ship, then that the geodesy test vectors are still what pymap3d computes.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh
swift build --product centinela
swift test
python3 tools/crosscheck.py --centinela .build/debug/centinela
python3 tools/crosscheck.py --centinela .build/debug/centinela --recordings recordings
tools/.venv-oracles/bin/python tools/geodesy_vectors.py --check
