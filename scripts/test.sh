#!/usr/bin/env bash
# Install everything the tests need, then run them all: lint, the suite offscreen, the parts that
# need a real X server (screenshot) and a real Secret Service (keyring), and the packaged app.
set -euo pipefail
cd "$(dirname "$0")/.."
t0=$SECONDS
step() { echo "::: $* (t=$((SECONDS - t0))s)"; }

step "install"
bash scripts/setup.sh --test
bash tests/servers/bluesky/install.sh   # the local Bluesky network (npm, cached in its node_modules)

step "lint"
.venv/bin/ruff check agentdesk tests bench
.venv/bin/ruff format --check agentdesk tests bench
.venv/bin/lint-imports

step "tests, offscreen"
# The outer timeout catches a hang in teardown, where pytest-timeout is already disarmed.
QT_QPA_PLATFORM=offscreen timeout -k 10 1500 .venv/bin/python -m pytest -q -p no:cacheprovider \
  -m "not keyring and not xvfb" --timeout=180

step "tests on a real X server with a real Secret Service"
export AGENTDESK_REAL_KEYRING=1 QT_QPA_PLATFORM=xcb
KEYRING_HOME=$(mktemp -d)
set +e
HOME=$KEYRING_HOME timeout -k 10 600 xvfb-run -a -s "-screen 0 1400x900x24" \
  dbus-run-session -- sh .ci/with-keyring.sh \
  .venv/bin/python -m pytest -q -p no:cacheprovider -m "keyring or xvfb" --timeout=180 2>&1 \
  | grep -v 'Failed to set fd limit'
status=${PIPESTATUS[0]}
set -e
[ "$status" -eq 0 ] || [ "$status" -eq 5 ] || exit "$status"   # 5: nothing selected
unset AGENTDESK_REAL_KEYRING QT_QPA_PLATFORM

if [ "${SKIP_PYINSTALLER:-0}" != 1 ]; then
  step "packaged app (PyInstaller)"
  rm -rf build/pyinstaller dist/agentdesk
  .venv/bin/pyinstaller --noconfirm --clean --log-level WARN --workpath build/pyinstaller build.spec
  smoke=$(mktemp -d)
  QT_QPA_PLATFORM=offscreen timeout 120 dist/agentdesk/agentdesk --data-dir "$smoke" --screenshot "$smoke/shot.png"
  test -s "$smoke/shot.png"
  QT_QPA_PLATFORM=offscreen timeout 60 dist/agentdesk/agentdesk --data-dir "$smoke" export --json > "$smoke/export.json"
  grep -q '"conversations"' "$smoke/export.json"
  du -sh dist/agentdesk
fi
step "done"
