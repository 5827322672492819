#!/usr/bin/env bash
# Installs what AgentDesk needs on a fresh Debian/Ubuntu machine: system libraries for Qt, fonts,
# and a virtual environment in .venv with the app. Idempotent; run as root or with sudo available.
#   scripts/setup.sh          the app
#   scripts/setup.sh --test   the app plus everything the tests need (Xvfb, a Secret Service, OCR)
set -euo pipefail
cd "$(dirname "$0")/.."

APP_PKGS=(libglib2.0-0 libgl1 libegl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libfreetype6 libdbus-1-3
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 fonts-dejavu-core fonts-noto-color-emoji)
TEST_PKGS=(xvfb xauth dbus gnome-keyring libsecret-tools tesseract-ocr tesseract-ocr-deu binutils postgresql)

pkgs=("${APP_PKGS[@]}")
[ "${1:-}" = "--test" ] && pkgs+=("${TEST_PKGS[@]}")
# The local Bluesky network of the tests runs on Node.js (20: see tests/servers/bluesky/package.json).
[ "${1:-}" = "--test" ] && ! command -v npm >/dev/null && pkgs+=(nodejs npm)
python3 -c "import venv, ensurepip" 2>/dev/null || pkgs+=(python3-venv)

if command -v apt-get >/dev/null && ! dpkg -s "${pkgs[@]}" >/dev/null 2>&1; then
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo_cmd apt-get update -qq
  $sudo_cmd apt-get install -y -qq --no-install-recommends "${pkgs[@]}" >/dev/null
fi

[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -U pip
if [ "${1:-}" = "--test" ]; then
  .venv/bin/pip install -q --disable-pip-version-check -e ".[test,build]"
else
  .venv/bin/pip install -q --disable-pip-version-check .
fi
