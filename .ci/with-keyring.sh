#!/bin/sh
# Usage: dbus-run-session -- sh .ci/with-keyring.sh CMD [ARGS...]
# Starts gnome-keyring-daemon (secrets component) on the current session bus with an unlocked
# 'login' collection created from $KEYRING_PASSWORD, waits until org.freedesktop.secrets is owned,
# runs CMD, then stops the daemon. Use a throwaway HOME so CI never touches a real keyring.
# (From shared/research/ci-recipe.md, section 5.)
set -eu
: "${XDG_RUNTIME_DIR:=$(mktemp -d)}"; export XDG_RUNTIME_DIR; chmod 700 "$XDG_RUNTIME_DIR"
printf '%s' "${KEYRING_PASSWORD:-ci-not-secret}" \
  | gnome-keyring-daemon --foreground --unlock --components=secrets >/dev/null 2>&1 &
GKD=$!
trap 'kill "$GKD" 2>/dev/null || true' EXIT INT TERM
i=0
until dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
        org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q 'boolean true'; do
  i=$((i+1)); [ "$i" -gt 200 ] && { echo "secret service did not come up" >&2; exit 1; }
  sleep 0.05
done
"$@"
