"""The headless commands of the foundation: version, export, sync, send, and their errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from agentdesk import __version__
from agentdesk.store.database import STORE_FILE

ROOT = Path(__file__).parent.parent


def agentdesk(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("AGENTDESK_SANDBOX_LATENCY", None)
    return subprocess.run(
        [sys.executable, "-m", "agentdesk", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        input=stdin,
        env=env,
    )


def test_version() -> None:
    result = agentdesk("--version")
    assert result.stdout.strip() == f"AgentDesk {__version__}"


def test_export_is_the_whole_store_as_json(tmp_path: Path) -> None:
    assert agentdesk("--data-dir", str(tmp_path), "sync", "--once").returncode == 0
    result = agentdesk("--data-dir", str(tmp_path), "export", "--json")
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert [a["kind"] for a in doc["accounts"]] == ["sandbox"]
    conversations = doc["conversations"]
    assert len(conversations) >= 40
    first = conversations[0]
    assert set(first) >= {"id", "source_id", "channel", "audience", "status", "assignee", "customer", "messages"}
    assert {c["channel"] for c in conversations} >= {"x", "mastodon", "bluesky", "facebook", "instagram", "email"}
    assert all(m["source_id"] for c in conversations for m in c["messages"])


def test_send_puts_a_reply_through_the_outbox(tmp_path: Path) -> None:
    agentdesk("--data-dir", str(tmp_path), "sync", "--once")
    doc = json.loads(agentdesk("--data-dir", str(tmp_path), "export", "--json").stdout)
    conv = next(c for c in doc["conversations"] if c["status"] == "open")
    reply = tmp_path / "reply.txt"
    reply.write_text("Danke für Ihre Nachricht, wir kümmern uns darum.", encoding="utf-8")
    result = agentdesk(
        "--data-dir", str(tmp_path), "send", "--conversation", str(conv["id"]), "--text-file", str(reply)
    )
    assert result.returncode == 0, result.stderr
    assert "0 waiting, 0 failed" in result.stdout
    after = json.loads(agentdesk("--data-dir", str(tmp_path), "export", "--json").stdout)
    sent = [m for c in after["conversations"] if c["id"] == conv["id"] for m in c["messages"]]
    assert [m["delivery"] for m in sent if m["text"] == "Danke für Ihre Nachricht, wir kümmern uns darum."] == [
        "delivered"
    ]


def test_bad_input_gives_one_clear_line_and_a_non_zero_exit(tmp_path: Path) -> None:
    agentdesk("--data-dir", str(tmp_path), "sync", "--once")
    missing = agentdesk(
        "--data-dir", str(tmp_path), "send", "--conversation", "99999", "--text-file", "-", stdin="Hallo"
    )
    assert (missing.returncode, missing.stderr.strip()) == (2, "agentdesk: no conversation with id 99999")
    empty = agentdesk("--data-dir", str(tmp_path), "send", "--conversation", "1", "--text-file", "-", stdin="  \n")
    assert empty.returncode == 2 and "empty" in empty.stderr
    unknown = agentdesk("--data-dir", str(tmp_path), "sync", "--once", "--account", "Nope")
    assert unknown.returncode == 2 and "Sandbox" in unknown.stderr
    assert "Traceback" not in missing.stderr + empty.stderr + unknown.stderr


def test_a_damaged_store_is_named_and_left_alone(tmp_path: Path) -> None:
    (tmp_path / STORE_FILE).write_bytes(b"\x00garbage" * 500)
    result = agentdesk("--data-dir", str(tmp_path), "export", "--json")
    assert result.returncode == 3
    assert str(tmp_path / STORE_FILE) in result.stderr and "Traceback" not in result.stderr
    assert (tmp_path / STORE_FILE).read_bytes() == b"\x00garbage" * 500


def test_an_unwritable_data_folder_is_named(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    result = agentdesk("--data-dir", str(blocker / "profile"), "export", "--json")
    assert result.returncode == 3
    assert str(blocker) in result.stderr and "Traceback" not in result.stderr
