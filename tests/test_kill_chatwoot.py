"""SIGKILL the CLI at random points of syncs and sends against the Chatwoot test server, again and again.

The server runs in this test's process, so it outlives every kill; the CLI runs as a real
subprocess that reads its token from the real Secret Service. In the end the store and the
server must agree, every reply must be on the server exactly once, nothing confirmed as queued
may be lost, and SQLite must find its file intact.

Run: ``AGENTDESK_REAL_KEYRING=1 HOME=$(mktemp -d) dbus-run-session -- sh .ci/with-keyring.sh
.venv/bin/python -m pytest tests/test_kill_chatwoot.py``
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

import pytest

from agentdesk.core.commands import CommandKind
from agentdesk.store import Store
from agentdesk.sync import credentials
from tests.servers.chatwoot import ChatwootServer, Demo, FaultKind
from tests.servers.chatwoot.profiles import add_account, disagreements

pytest_plugins = ("tests.servers.chatwoot.fixtures",)
pytestmark = [
    pytest.mark.slow,
    pytest.mark.keyring,
    pytest.mark.skipif(
        os.environ.get("AGENTDESK_REAL_KEYRING") != "1",
        reason="the CLI subprocess needs a real Secret Service: run under .ci/with-keyring.sh with "
        "AGENTDESK_REAL_KEYRING=1",
    ),
]

BUDGET = 40.0  # seconds of kills; the recovery comes after
SEED = int(os.environ.get("AGENTDESK_KILL_SEED", "6"))


def cli(data_dir: Path, *argv: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "agentdesk", "--data-dir", str(data_dir), *argv],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def start_up_time(data_dir: Path) -> float:
    """How long the CLI takes to start and answer on this machine: the kills are timed in multiples
    of it, so that on a slow or busy machine they still land after the send is queued, too."""
    began = time.monotonic()
    listing = cli(data_dir, "account", "list")
    listing.communicate(timeout=60)
    assert listing.returncode == 0
    return time.monotonic() - began


def kill_after(process: subprocess.Popen[str], seconds: float, once_printed: str = "") -> str:
    """SIGKILL ``seconds`` after the start, or after the process printed ``once_printed`` (unless it
    ended before); returns what it printed until then.

    Half the sends are killed after they said "queued": however the machine's speed compares with
    the start-up measured before, some kills then land between queued and delivered, and some
    replies must arrive."""
    out: list[str] = []
    printed = threading.Event()

    def read(stream: IO[str], into: list[str]) -> None:
        for line in stream:
            into.append(line)
            if once_printed and once_printed in line:
                printed.set()

    assert process.stdout is not None and process.stderr is not None
    readers = [
        threading.Thread(target=read, args=(process.stdout, out), daemon=True),
        threading.Thread(target=read, args=(process.stderr, []), daemon=True),
    ]
    for reader in readers:
        reader.start()
    if once_printed:
        deadline = time.monotonic() + 60
        while not printed.wait(0.01) and process.poll() is None and time.monotonic() < deadline:
            pass
    try:
        process.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        process.send_signal(signal.SIGKILL)
        process.wait()
    for reader in readers:
        reader.join()
    return "".join(out)


def local_ids(data_dir: Path) -> dict[str, int]:
    store = Store.open(data_dir)
    try:
        return {c["source_id"]: c["id"] for c in store.export(datetime.now(UTC))["conversations"]}
    finally:
        store.close()


def assign_to_me_in_the_window(data_dir: Path, conversation_id: int) -> None:
    """What the window's "assign to me" does: an outbox command, applied locally at once."""
    store = Store.open(data_dir)
    try:
        store.perform(conversation_id, CommandKind.ASSIGN, {"assignee": "Alice Agent"}, datetime.now(UTC))
    finally:
        store.close()


def colleague_acts(server: ChatwootServer, demo: Demo, rng: random.Random) -> None:
    """Meanwhile on the server: Bob takes a conversation, resolves one, or the customer writes."""
    state = server.state
    with state.lock:
        conversation = rng.choice(list(demo.conversations.values()))
        match rng.randrange(3):
            case 0:
                state.assign(conversation, {"assignee_id": demo.colleague.id}, demo.colleague)
            case 1:
                state.toggle_status(conversation, rng.choice(("resolved", "open", "pending")), None, demo.colleague)
            case _:
                state.customer_writes(conversation, f"Any news? ({rng.random():.6f})")


def test_killed_cli_loses_nothing_and_sends_nothing_twice(tmp_path, chatwoot_server, chatwoot_demo):
    started = time.monotonic()
    rng = random.Random(SEED)
    name = f"Kill test {os.getpid()}"
    add_account(tmp_path, chatwoot_server, chatwoot_demo.account_id, name=name)
    attempted: list[str] = []  # every reply a send was started for
    queued: list[str] = []  # the replies the CLI confirmed as queued: these must arrive
    kills = 0
    start_up = start_up_time(tmp_path)
    try:
        kill_after(cli(tmp_path, "sync", "--once"), start_up * rng.uniform(0.7, 1.7))  # even the first sync
        while time.monotonic() - started < BUDGET:
            ids = local_ids(tmp_path)
            chatwoot_server.inject(FaultKind.SLOW, method="POST", delay=0.3, times=2)  # widen the windows
            if ids and rng.random() < 0.3:
                assign_to_me_in_the_window(
                    tmp_path, ids[str(rng.choice(list(chatwoot_demo.conversations.values())).display_id)]
                )
            sending = bool(ids) and rng.random() < 0.7
            if sending:
                text = f"Reply {len(attempted)}: we are on it ({rng.random():.6f})."
                reply = tmp_path / "reply.txt"
                reply.write_text(text, encoding="utf-8")
                attempted.append(text)
                target = ids[str(rng.choice(list(chatwoot_demo.conversations.values())).display_id)]
                process = cli(tmp_path, "send", "--conversation", str(target), "--text-file", str(reply))
            else:
                process = cli(tmp_path, "sync", "--once")
            colleague_acts(chatwoot_server, chatwoot_demo, rng)
            if sending and rng.random() < 0.5:  # in flight: queued, maybe not yet delivered
                out = kill_after(process, start_up * rng.uniform(0.0, 1.0), once_printed="queued as outbox command")
            else:  # anywhere: starting, syncing, queueing, sending
                out = kill_after(process, start_up * rng.uniform(0.7, 2.0))
            kills += process.returncode == -signal.SIGKILL
            if "queued as outbox command" in out:
                queued.append(attempted[-1])
        chatwoot_server.faults.clear()
        for _ in range(5):  # restart until a whole pass goes through
            done = subprocess.run(
                [sys.executable, "-m", "agentdesk", "--data-dir", str(tmp_path), "sync", "--once"],
                capture_output=True,
                text=True,
                timeout=20,
            )
            if done.returncode == 0 and "outbox: 0 waiting, 0 failed" in done.stdout:
                break
        assert done.returncode == 0 and "outbox: 0 waiting, 0 failed" in done.stdout, done.stderr
    finally:
        credentials.delete_secret("chatwoot", name)

    assert kills >= 3, "the kills should land while the CLI runs"
    store = Store.open(tmp_path)
    try:
        assert store.integrity_check() == "ok"
        document = store.export(datetime.now(UTC))
    finally:
        store.close()
    assert disagreements(chatwoot_server, chatwoot_demo.account_id, document) == []
    on_server = [m.content for c in chatwoot_demo.conversations.values() for m in c.messages]
    local = [m["text"] for c in document["conversations"] for m in c["messages"]]
    for text in attempted:
        assert on_server.count(text) <= 1, f"sent twice: {text}"
        assert local.count(text) == on_server.count(text), f"store and server disagree on: {text}"
    for text in queued:
        assert on_server.count(text) == 1, f"lost: {text}"
    assert queued, "at least one send should have been confirmed as queued"
