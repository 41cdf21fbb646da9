#!/usr/bin/env bash
# Installs what Centinela needs on a Debian machine: system libraries, tshark, tmux (a real terminal
# for the display's tests), umockdev (a fake USB
# device for the USB source's tests), one Python venv per
# oracle decoder (asterix-decoder and libasterix both install a module named `asterix`), and one for
# the other independent references (pymap3d), and one for takproto, the TAK library that reads our
# Cursor on Target events.
# Idempotent; prints nothing when everything is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

debs=(libusb-1.0-0-dev libsqlite3-dev zlib1g-dev tshark pkg-config umockdev libumockdev-dev tmux)
missing=()
for p in "${debs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq >/dev/null
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# venv NAME PACKAGE==VERSION...
venv() {
  local dir="tools/.venv-$1"; shift
  local stamp="$dir/.installed"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$*" ]; then return; fi
  echo "setup: creating $dir ($*)" >&2
  rm -rf "$dir"
  python3 -m venv "$dir"
  "$dir/bin/pip" install -q --disable-pip-version-check "$@" >/dev/null
  echo "$*" > "$stamp"
}
venv asterix-decoder asterix-decoder==0.7.11
venv libasterix libasterix==0.36.3 ast-tool-py==0.27.25
venv oracles pymap3d==3.2.0 filterpy==2.0.0 scipy==1.16.3 numpy==2.3.5
venv stonesoup stonesoup==1.9.1 numpy==2.4.6 scipy==1.17.1
venv cot takproto==3.0.1 protobuf==7.36.2
