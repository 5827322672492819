"""The agent window, driven as an agent drives it: keys, a reply, the outbox, a restart."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import pytest_asyncio
from PySide6.QtCore import Qt

from agentdesk.core.entities import Delivery, Queue, Status
from agentdesk.sync.workspace import open_workspace
from agentdesk.ui.main_window import MainWindow
from tests.conftest import wait_signal, wait_until
from tests.windows import window_on

ROOT = Path(__file__).parent.parent


@pytest_asyncio.fixture
async def window(qtbot, tmp_path: Path):  # type: ignore[no-untyped-def]
    ws = open_workspace(tmp_path)
    ws.engine.poll_interval = 0.2
    async with window_on(ws) as win:
        await wait_until(lambda: win.list_model.rowCount() > 0, timeout=10)
        yield win


async def _select_queue(win: MainWindow, queue: Queue) -> None:
    """Pick a queue and wait until the list shows exactly that queue."""
    win.queues.setCurrentIndex(win.queues.queues.index(win.queues.queues.row_of(queue)))
    expected: list[int] = []

    async def refresh() -> None:
        expected[:] = await win.ops.conversation_ids(queue, win.list.sort_order(), "")

    await refresh()
    await wait_until(lambda: win.list_model.ids() == expected, timeout=5)


async def _open_first(win: MainWindow, queue: Queue = Queue.UNASSIGNED) -> int:
    await _select_queue(win, queue)
    win.list.select_id(win.list_model.ids()[0])
    cid = win.list.current_id()
    await wait_until(lambda: win.shown_conversation() is not None and win.shown_conversation().id == cid)
    return cid


pytestmark = pytest.mark.asyncio


async def test_first_start_shows_the_demo_queue_with_counts(window: MainWindow) -> None:
    model = window.queues.queues

    def counts() -> dict[Queue, int]:
        return {
            model.data(model.index(r), model.QUEUE_ROLE): model.data(model.index(r), model.COUNT_ROLE) or 0
            for r in range(model.rowCount())
        }

    # the first sync may still be writing when the window appears: the counts follow it live
    await wait_until(lambda: counts()[Queue.ALL_OPEN] >= 20 and counts()[Queue.MINE] >= 5, timeout=10)
    assert counts()[Queue.UNASSIGNED] >= 3  # the demo's spam posts go to Spam, not here
    assert counts()[Queue.SPAM] >= 2
    assert "Sandbox" in window.status.accounts.text()
    assert "Simulated time" in window.status.clock.text()


async def test_j_and_k_move_through_the_list_and_open_the_thread(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    first = await _open_first(window)
    window.list.view.setFocus()
    qtbot.keyClick(window.list.view, Qt.Key.Key_J)
    await wait_until(lambda: window.shown_conversation() is not None and window.shown_conversation().id != first)
    second = window.shown_conversation()
    assert second.customer.name in window.pane.title.text()
    assert second.messages[0].text.split()[0] in window.pane.thread.toPlainText()
    qtbot.keyClick(window.list.view, Qt.Key.Key_K)
    await wait_until(lambda: window.shown_conversation().id == first)


async def test_a_reply_is_pending_then_delivered_and_survives_a_restart(
    window: MainWindow, qtbot, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    window.ws.sandbox.latency = 0.4
    cid = await _open_first(window)
    source_id = window.shown_conversation().source_id
    qtbot.keyClick(window.list.view, Qt.Key.Key_R)
    assert window.editor.edit.hasFocus()
    qtbot.keyClicks(window.editor.edit, "Das tut uns leid! Wir schauen sofort nach.")
    qtbot.keyClick(window.editor.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    await wait_until(lambda: window.shown_conversation().messages[-1].delivery is Delivery.PENDING, timeout=5)
    assert "sending" in window.pane.thread.toPlainText()
    assert window.editor.text() == ""
    await wait_until(lambda: window.shown_conversation().messages[-1].delivery is Delivery.DELIVERED, timeout=10)
    assert window.shown_conversation().messages[-1].text == "Das tut uns leid! Wir schauen sofort nach."

    # an unsent draft in another conversation
    window.list.select_id(next(i for i in window.list_model.ids() if i != cid))
    await wait_until(lambda: window.shown_conversation().id != cid)
    other = window.shown_conversation().source_id
    window.editor.edit.insertPlainText("Hallo, kurze Rückfrage:")  # QTest types ASCII only
    window.save_draft()
    await window.shutdown()
    await window.ws.close()

    def state(source: str) -> dict:  # type: ignore[type-arg]
        out = subprocess.run(
            [sys.executable, "-m", "tests.drivers.app_state", str(tmp_path), source],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        )
        return json.loads(out.stdout.strip().splitlines()[-1])

    replied = state(source_id)
    mine = [t for t in replied["thread"] if t[2] == "Das tut uns leid! Wir schauen sofort nach."]
    assert mine == [["outbound", "delivered", "Das tut uns leid! Wir schauen sofort nach."]]
    assert replied["thread_html_has_text"]
    assert state(other)["editor"] == "Hallo, kurze Rückfrage:"


async def test_resolve_and_assign_move_the_conversation_between_queues(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    cid = await _open_first(window)
    window.list.view.setFocus()
    qtbot.keyClick(window.list.view, Qt.Key.Key_A, Qt.KeyboardModifier.ShiftModifier)
    await wait_until(lambda: window.shown_conversation().assignee == window.ws.me)
    assert cid in await window.ops.conversation_ids(Queue.MINE, window.list.sort_order(), "")
    qtbot.keyClick(window.list.view, Qt.Key.Key_E)
    await wait_until(lambda: window.shown_conversation().status is Status.RESOLVED)
    assert cid in await window.ops.conversation_ids(Queue.RESOLVED, window.list.sort_order(), "")


async def test_search_finds_messages_in_every_queue(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert window.list.search.hasFocus()
    qtbot.keyClicks(window.list.search, "Firmware")
    await wait_until(lambda: 0 < window.list_model.rowCount() < 30, timeout=5)
    rows = [window.list_model.index(r).data(Qt.ItemDataRole.DisplayRole) for r in range(window.list_model.rowCount())]
    await wait_until(lambda: all(window.list_model.index(r).data() for r in range(window.list_model.rowCount())))
    assert rows
    window.list.search.clear()
    await wait_until(lambda: window.list_model.rowCount() >= 5, timeout=5)


async def test_customer_text_is_shown_as_text_never_as_html(window: MainWindow) -> None:
    from agentdesk.ui.thread_html import linkify

    hostile = '<img src="https://evil.example/x.png"><b>bold</b> <script>alert(1)</script> see https://wellenreich.example/hilfe?a=1&b=2'
    html = linkify(hostile)
    assert "<img" not in html and "<script" not in html and "<b>" not in html
    assert (
        '<a href="https://wellenreich.example/hilfe?a=1&amp;b=2">https://wellenreich.example/hilfe?a=1&amp;b=2</a>'
        in html
    )
    window.pane.thread.setHtml(html)
    shown = window.pane.thread.toPlainText()
    assert '<img src="https://evil.example/x.png"><b>bold</b>' in shown


async def test_switching_on_before_a_conversation_has_loaded_never_moves_or_empties_a_draft(
    window: MainWindow,
) -> None:
    await wait_until(lambda: window.shown_conversation() is not None, timeout=10)
    first = window.shown_conversation().id
    second = next(i for i in window.list_model.ids() if i != first)
    window.editor.edit.insertPlainText("Entwurf für die erste Kundin")
    window.save_draft()

    window.open_conversation(second)  # and straight back, before the second one has loaded
    window.open_conversation(first)

    assert await wait_signal(window.conversation_shown) == (first,)  # loaded again, its draft read
    assert window.editor.text() == "Entwurf für die erste Kundin"
    assert window.shown_conversation().id == first
    second_draft = await window.ops.draft(second)
    assert second_draft is None or second_draft.text == ""  # the first one's text stayed its own
    assert (await window.ops.draft(first)).text == "Entwurf für die erste Kundin"
