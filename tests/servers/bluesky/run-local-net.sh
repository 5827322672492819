#!/usr/bin/env bash
# Start a throwaway local Bluesky/AT Protocol network on loopback only.
#   - starts a private PostgreSQL cluster on 127.0.0.1:$ATP_PG_PORT (unless DB_POSTGRES_URL is set
#     or ATP_NO_APPVIEW=1),
#   - starts PLC + PDS + AppView + Ozone (node, @atproto/dev-env) with loopback-guard preloaded,
#   - prints ONE JSON line on stdout (URLs, DIDs, account handles/passwords), logs go to stderr,
#   - runs in the foreground until SIGTERM/SIGINT, then stops node + postgres and deletes all data.
# Usage: ./run-local-net.sh            (Ctrl-C or `kill <pid>` to stop)
# Env:   ATP_PG_PORT (55432) ATP_PLC_PORT (2582) ATP_PDS_PORT (2583) ATP_BSKY_PORT (2584)
#        ATP_OZONE_PORT (2587) ATP_ACCOUNTS (alice,bob) ATP_PASSWORD ATP_INFO_FILE ATP_NO_APPVIEW=1
#        ATP_NODE_MODULES_DIR (dir containing node_modules, default: this script's dir)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
WORK="$(mktemp -d -t atp-net.XXXXXX)"
chmod 755 "$WORK"
mkdir -p "$WORK/tmp"
PG_PORT="${ATP_PG_PORT:-55432}"
PGBIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
NODE_PID=""
PG_STARTED=""

as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

cleanup() {
  trap - EXIT TERM INT
  if [ -n "$NODE_PID" ] && kill -0 "$NODE_PID" 2>/dev/null; then
    kill -TERM "$NODE_PID" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$NODE_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$NODE_PID" 2>/dev/null || true
  fi
  if [ -n "$PG_STARTED" ]; then
    as_pg "$PGBIN/pg_ctl" -D "$WORK/pg/data" -m immediate -w stop >&2 || true
  fi
  rm -rf "$WORK"
  echo "[run-local-net] stopped, removed $WORK" >&2
}
trap cleanup EXIT
trap 'exit 143' TERM
trap 'exit 130' INT

if [ "${ATP_NO_APPVIEW:-0}" != 1 ] && [ -z "${DB_POSTGRES_URL:-}" ]; then
  [ -x "$PGBIN/initdb" ] || { echo "PostgreSQL not installed (apt-get install -y postgresql)" >&2; exit 1; }
  mkdir -p "$WORK/pg"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$WORK/pg"
  as_pg "$PGBIN/initdb" -D "$WORK/pg/data" -U postgres --auth=trust -E UTF8 >"$WORK/initdb.log" 2>&1 \
    || { cat "$WORK/initdb.log" >&2; exit 1; }
  as_pg "$PGBIN/pg_ctl" -D "$WORK/pg/data" -l "$WORK/pg/pg.log" -w -t 60 start \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $WORK/pg -c max_connections=200 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >&2
  PG_STARTED=1
  export DB_POSTGRES_URL="postgresql://postgres@127.0.0.1:$PG_PORT/postgres"
fi

export TMPDIR="$WORK/tmp"              # dev-env puts PDS sqlite/blobs under os.tmpdir()
export NODE_PATH="${ATP_NODE_MODULES_DIR:-$HERE}/node_modules"
export LOG_ENABLED="${LOG_ENABLED:-false}"
export NODE_NO_WARNINGS=1
cd "$HERE"
GUARD=(-r "$HERE/loopback-guard.js"); [ "${ATP_NO_GUARD:-0}" = 1 ] && GUARD=()   # ATP_NO_GUARD=1: diagnostics only
node "${GUARD[@]}" "$HERE/start-network.js" </dev/null &
NODE_PID=$!
wait "$NODE_PID"
