"""SIGKILL at the worst moments: while a draft is typed, and while a reply is in flight.

After each kill the app starts again in a new process: the draft is there, and the reply exists
exactly once, at the source and in the local store.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from agentdesk.store import Store
from agentdesk.store.database import STORE_FILE

ROOT = Path(__file__).parent.parent
pytestmark = pytest.mark.slow


def _env(**extra: str) -> dict[str, str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("AGENTDESK_SANDBOX_LATENCY", None)
    env.update(extra)
    return env


def _cli(data_dir: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "agentdesk", "--data-dir", str(data_dir), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env=_env(**env),
    )


def _source_conversation(data_dir: Path, source_id: str) -> int:
    store = Store.open(data_dir)
    try:
        doc = store.export(datetime.now(UTC))
    finally:
        store.close()
    return next(c["id"] for c in doc["conversations"] if c["source_id"] == source_id)


def test_a_draft_typed_when_the_app_is_killed_is_there_after_restart(tmp_path: Path) -> None:
    assert _cli(tmp_path, "sync", "--once").returncode == 0
    text = "Hallo Kim, das tut uns wirklich leid. Wir haben uns die Sendung angesehen und melden uns gleich."
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.drivers.type_draft", str(tmp_path), "lief-hermes-allermoehe", text],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=_env(),
    )
    typed_at: list[float] = []  # when each character was typed
    try:
        assert proc.stdout is not None
        for line in proc.stdout:
            if line.startswith("typed"):
                typed_at.append(time.monotonic())
                # kill once 60 characters are in and typing has gone on for over 3 s, however slow the machine
                if len(typed_at) >= 60 and typed_at[-1] - typed_at[0] > 3.0:
                    break
    finally:
        killed_at = time.monotonic()
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
    assert len(typed_at) >= 60, "the driver did not type"
    # typing never paused, yet all that was typed more than 2.5 s before the kill must be saved
    saved_by_then = sum(1 for t in typed_at if t < killed_at - 2.5)
    out = subprocess.run(
        [sys.executable, "-m", "tests.drivers.app_state", str(tmp_path), "lief-hermes-allermoehe"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env=_env(),
        check=True,
    )
    editor = json.loads(out.stdout.strip().splitlines()[-1])["editor"]
    assert text.startswith(editor)
    assert len(editor) >= saved_by_then


@pytest.mark.parametrize("delay", [0.0, 0.3, 0.6, 0.9, 1.2])
def test_a_reply_in_flight_when_the_app_is_killed_is_sent_exactly_once(tmp_path: Path, delay: float) -> None:
    assert _cli(tmp_path, "sync", "--once").returncode == 0
    cid = _source_conversation(tmp_path, "lief-hermes-allermoehe")
    reply = tmp_path / "reply.txt"
    text = f"Danke für deine Geduld! (Versuch {delay})"
    reply.write_text(text, encoding="utf-8")
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "agentdesk",
            "--data-dir",
            str(tmp_path),
            "send",
            "--conversation",
            str(cid),
            "--text-file",
            str(reply),
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_env(AGENTDESK_SANDBOX_LATENCY="1.0"),
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().startswith("queued as outbox command")
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    proc.wait(10)

    synced = _cli(tmp_path, "sync", "--once")
    assert synced.returncode == 0, synced.stderr
    assert "0 waiting, 0 failed" in synced.stdout
    with sqlite3.connect(tmp_path / "sandbox.sqlite3") as world:
        at_source = world.execute("SELECT count(*) FROM messages WHERE text = ?", (text,)).fetchone()[0]
    with sqlite3.connect(tmp_path / STORE_FILE) as local:
        rows = local.execute("SELECT delivery FROM messages WHERE text = ?", (text,)).fetchall()
        integrity = local.execute("PRAGMA integrity_check").fetchone()[0]
    assert at_source == 1
    assert rows == [("delivered",)]
    assert integrity == "ok"
