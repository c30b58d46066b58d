#!/usr/bin/env bash
# Install what Bazres needs on a Debian machine with Python 3.11: system libraries for Qt and
# the PDF tools the tests use (when we may install them), uv, and the locked Python packages.
set -euo pipefail
cd "$(dirname "$0")/.."

want_apt=(poppler-utils libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libxkbcommon-x11-0
          libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0 libxcb-randr0
          libxcb-image0 libxcb-render-util0 libnss3 libasound2 ${BAZRES_EXTRA_APT:-})
missing=()
for pkg in "${want_apt[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if ((${#missing[@]})); then
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  if [ -z "$sudo" ] || command -v sudo >/dev/null; then
    $sudo apt-get update -qq
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "please install: ${missing[*]}" >&2
  fi
fi

if ! command -v uv >/dev/null 2>&1; then
  python3 -m pip install --quiet --user uv 2>/dev/null || python3 -m pip install --quiet uv
  export PATH="$HOME/.local/bin:$PATH"
fi
uv sync --frozen --quiet
