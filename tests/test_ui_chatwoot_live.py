"""The real window on a Chatwoot account, with the engine syncing from the spec-checked loopback server:
a colleague's reassignment on the server shows up without a restart (within a second when Chatwoot
pushes it over its websocket), and an agent who is writing in that conversation is told, and keeps
the draft."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from agentdesk.core.entities import Queue
from agentdesk.sync.workspace import open_workspace
from agentdesk.ui.main_window import MainWindow
from agentdesk.ui.queue_pane import QueueModel
from tests.conftest import wait_until
from tests.servers.chatwoot import ChatwootServer, Demo
from tests.servers.chatwoot.profiles import add_account
from tests.servers.chatwoot.state import Conversation, User
from tests.servers.chatwoot.views import pubsub_token
from tests.servers.memory_keyring import MemoryKeyring
from tests.windows import window_on

pytest_plugins = ("tests.servers.chatwoot.fixtures",)
pytestmark = pytest.mark.asyncio

SYNCED = 10.0  # seconds a change on the server may take to reach the window (it polls every 0.2 s)
PUSHED = 2.0  # the same when the server pushes it and the next poll is a minute away (~1 s when idle)


@contextlib.asynccontextmanager
async def opened(
    data_dir: Path, server: ChatwootServer, demo: Demo, poll_interval: float = 0.2
) -> AsyncIterator[MainWindow]:
    """The window on a profile with the server's account, after its first sync. Opened and closed
    inside the test, so the engine's and the window's tasks run on the test's own loop."""
    add_account(data_dir, server, demo.account_id)
    ws = open_workspace(data_dir, poll_interval=poll_interval)
    async with window_on(ws) as win:
        await wait_until(lambda: shown_count(win, Queue.UNASSIGNED) == "4", timeout=SYNCED)  # the first pass is in
        yield win


def shown_count(win: MainWindow, queue: Queue) -> str:
    """The number the queue pane shows next to a queue."""
    model = win.queues.queues
    return str(model.data(model.index(model.row_of(queue)), QueueModel.COUNT_TEXT_ROLE))


def customer_shown(win: MainWindow) -> str | None:
    conversation = win.shown_conversation()
    return conversation.customer.name if conversation is not None else None


def reassign(server: ChatwootServer, conversation: Conversation, to: User | None, by: User) -> None:
    """What a colleague does in Chatwoot's web app: the change happens on the server only."""
    with server.state.lock:
        server.state.assign(conversation, {"assignee_id": to.id if to else None}, by)


async def open_in_queue(win: MainWindow, queue: Queue, customer: str) -> None:
    win.queues.setCurrentIndex(win.queues.queues.index(win.queues.queues.row_of(queue)))
    await wait_until(lambda: len(win.list_model.ids()) > 0)
    for cid in win.list_model.ids():
        conversation = await win.ops.conversation(cid)
        if conversation is not None and conversation.customer.name == customer:
            win.list.select_id(cid)
            await wait_until(lambda: customer_shown(win) == customer)
            return
    raise AssertionError(f"{customer} is not in {queue}")


async def test_a_conversation_assigned_to_me_on_the_server_appears_in_my_queue(
    tmp_path: Path, vault: MemoryKeyring, chatwoot_server: ChatwootServer, chatwoot_demo: Demo
) -> None:
    async with opened(tmp_path, chatwoot_server, chatwoot_demo) as window:
        await _assigned_to_me_appears(window, chatwoot_server, chatwoot_demo)


async def _assigned_to_me_appears(window: MainWindow, chatwoot_server: ChatwootServer, chatwoot_demo: Demo) -> None:
    await open_in_queue(window, Queue.MINE, "Tina Tweet")
    assert shown_count(window, Queue.MINE) == "1"

    reassign(chatwoot_server, chatwoot_demo.conversations["chat"], chatwoot_demo.me, by=chatwoot_demo.colleague)

    await wait_until(lambda: shown_count(window, Queue.MINE) == "2", timeout=SYNCED)
    assert shown_count(window, Queue.UNASSIGNED) == "3"
    await wait_until(lambda: len(window.list_model.ids()) == 2)
    listed = [await window.ops.conversation(cid) for cid in window.list_model.ids()]
    assert {c.customer.name for c in listed if c is not None} == {"Tina Tweet", "Chris Chat"}
    assert customer_shown(window) == "Tina Tweet"  # what the agent reads stays open


async def test_a_pushed_reassignment_appears_within_a_second_and_its_token_stays_secret(
    tmp_path: Path,
    vault: MemoryKeyring,
    chatwoot_server: ChatwootServer,
    chatwoot_demo: Demo,
    caplog: pytest.LogCaptureFixture,
) -> None:
    for name in ("agentdesk", "websockets", "httpx", "httpcore"):  # every line of the app and its network
        caplog.set_level(logging.DEBUG, logger=name)
    async with opened(tmp_path, chatwoot_server, chatwoot_demo, poll_interval=60.0) as window:
        await wait_until(lambda: window.status.accounts.text() == "● Acme: synced · live", timeout=SYNCED)
        await open_in_queue(window, Queue.MINE, "Tina Tweet")

        reassign(chatwoot_server, chatwoot_demo.conversations["chat"], chatwoot_demo.me, by=chatwoot_demo.colleague)

        await wait_until(lambda: shown_count(window, Queue.MINE) == "2", timeout=PUSHED)
        assert shown_count(window, Queue.UNASSIGNED) == "3"
        chatwoot_server.cable.enabled = False
        chatwoot_server.cable.drop()  # the server loses its websocket: the window says it polls now
        await wait_until(lambda: window.status.accounts.text() == "● Acme: synced · polling", timeout=SYNCED)
    token = pubsub_token(chatwoot_demo.me)
    assert token not in caplog.text
    assert [p.name for p in tmp_path.rglob("*") if p.is_file() and token.encode() in p.read_bytes()] == []


async def test_reassigned_while_writing_says_so_and_keeps_the_draft(
    tmp_path: Path, vault: MemoryKeyring, chatwoot_server: ChatwootServer, chatwoot_demo: Demo
) -> None:
    async with opened(tmp_path, chatwoot_server, chatwoot_demo) as window:
        await _reassigned_while_writing(window, chatwoot_server, chatwoot_demo)


async def _reassigned_while_writing(window: MainWindow, chatwoot_server: ChatwootServer, chatwoot_demo: Demo) -> None:
    await open_in_queue(window, Queue.MINE, "Tina Tweet")
    assert window.pane.subtitle.text().endswith("open · assigned to me")
    draft = "Hi Tina, I am checking your order right now"
    window.editor.focus_editor()
    # Typed as the keyboard would insert it; qtbot.keyClicks would spin Qt's loop inside this coroutine.
    window.editor.edit.insertPlainText(draft)

    reassign(chatwoot_server, chatwoot_demo.conversations["tweet"], chatwoot_demo.colleague, by=chatwoot_demo.colleague)

    await wait_until(lambda: window.pane.subtitle.text().endswith("open · assigned to Bob Backup"), timeout=SYNCED)
    await wait_until(lambda: window.messages.isVisible())
    assert window.messages.label.text() == "While you were writing: it was assigned to Bob Backup."
    assert window.editor.text() == draft
    await wait_until(lambda: shown_count(window, Queue.MINE) == "0" and window.list_model.ids() == [])
    assert customer_shown(window) == "Tina Tweet"  # gone from Mine, still open on the right
