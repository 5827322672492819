#!/usr/bin/env bash
# Installs the local AT Protocol network (node_modules next to this script, never committed) from
# package-lock.json, once: a second run with the same lock file does nothing. About 2-3 minutes
# cold, most of it compiling better-sqlite3 (JOBS=2: the CI machine has two cores).
set -euo pipefail
cd "$(dirname "$0")"
command -v npm >/dev/null || { echo "npm is missing: install Node.js 20 (scripts/setup.sh --test does)" >&2; exit 1; }
stamp=node_modules/.agentdesk-lock.sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ -d node_modules/@atproto/dev-env ] && [ "$(cat "$stamp" 2>/dev/null)" = "$want" ]; then
  echo "local Bluesky network: node modules up to date"
  exit 0
fi
JOBS=2 npm ci --no-audit --no-fund --loglevel=error
echo "$want" >"$stamp"
