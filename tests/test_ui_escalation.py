"""Escalating in the real window on a sandbox profile: Shift+E, a path and a reason give one outbox
command (note, assignment, priority), the conversation moves into the Escalated queue with its
priority, the supervisor desk lists it, and a broken escalation.toml is named with its line."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from agentdesk.core.entities import Delivery, Direction, Message, Queue
from agentdesk.ui.escalation_dialog import EscalationDialog
from agentdesk.ui.main_window import MainWindow
from tests.conftest import wait_until
from tests.test_ui_triage import _outbox, opened

pytestmark = pytest.mark.asyncio


async def _escalate_shown(win: MainWindow, path_id: str, reason: str) -> int:
    """Shift+E on the shown conversation, pick ``path_id``, write ``reason``, press Escalate."""
    await wait_until(lambda: win.shown_conversation() is not None, timeout=10)
    shown = win.shown_conversation()
    assert shown is not None
    win.activateWindow()
    QTest.keyClick(win, Qt.Key.Key_E, Qt.KeyboardModifier.ShiftModifier)
    await wait_until(lambda: isinstance(win.escalation.dialog, EscalationDialog) and win.escalation.dialog.isVisible())
    dialog = win.escalation.dialog
    assert isinstance(dialog, EscalationDialog)
    assert not dialog.ok_button.isEnabled()  # no reason, no escalation
    dialog.path_box.setCurrentIndex(dialog.path_box.findData(path_id))
    dialog.reason.insertPlainText(reason)
    assert dialog.ok_button.isEnabled()
    dialog.ok_button.click()
    return shown.id


async def test_escalating_writes_note_assignment_and_priority_and_fills_the_escalated_queue(tmp_path: Path) -> None:
    async with opened(tmp_path) as win:
        before = len(_outbox(win))
        cid = await _escalate_shown(win, "legal", "Droht mit dem Anwalt wegen der Rückerstattung.")
        await wait_until(lambda: len(_outbox(win)) > before)
        await wait_until(lambda: "Escalated to Legal (Legal)." in win.messages.label.text())
        [(made_for, kind, payload)] = _outbox(win)[before:]
        assert (made_for, kind) == (cid, "escalate")
        assert payload["path"] == "legal" and payload["team"] == "Legal" and payload["priority"] == "high"
        assert payload["text"] == "Escalated to Legal: Droht mit dem Anwalt wegen der Rückerstattung."
        assert payload["reason"] == "Droht mit dem Anwalt wegen der Rückerstattung." and payload["notify"] == "1"

        escalated = await win.ops.conversation_ids(Queue.ESCALATED, win.list.sort_order(), "")
        assert escalated == [cid]
        [row] = await win.ops.rows([cid])
        assert (row.escalation, row.priority) == ("legal", "high")
        await wait_until(
            lambda: (
                win.queues.queues.data(_index(win, Queue.ESCALATED), Qt.ItemDataRole.ToolTipRole) == "1 conversations"
            )
        )
        # the note shows in the thread (pending until the sandbox confirms it), and arrives once
        conversation = await win.ops.conversation(cid)
        notes = [m for m in conversation.messages if m.direction is Direction.NOTE and "Escalated to Legal" in m.text]
        assert len(notes) == 1
        await wait_until(lambda: _note(win, cid).delivery is Delivery.DELIVERED, timeout=10)
        assert win.ws.sandbox.world.sent_count(conversation.source_id, payload["text"]) == 1  # type: ignore[union-attr]

        win.open_desk()
        page = win.escalations
        win.desk.tabs.setCurrentWidget(page)  # the agent clicks the tab: it reads when shown
        await wait_until(lambda: page.table.rowCount() == 1)
        cells = [page.table.item(0, column).text() for column in range(page.table.columnCount())]
        assert cells[1:3] == ["Legal", "Droht mit dem Anwalt wegen der Rückerstattung."]
        assert cells[4].startswith("Legal") and cells[5] == "high"  # the team, and whoever still holds it
        win.desk.close()


def _note(win: MainWindow, cid: int) -> Message:
    conversation = win.ws.store.conversation(cid)
    assert conversation is not None
    return next(m for m in conversation.messages if m.direction is Direction.NOTE and "Escalated to" in m.text)


def _index(win: MainWindow, queue: Queue):  # type: ignore[no-untyped-def]
    return win.queues.queues.index(win.queues.queues.row_of(queue))


async def test_a_broken_escalation_file_is_named_and_the_bundled_paths_apply(tmp_path: Path) -> None:
    (tmp_path / "escalation.toml").write_text('[paths.pr]\ntitle_de = "PR"\npriority = "sofort"\n', encoding="utf-8")
    async with opened(tmp_path) as win:
        await wait_until(lambda: "escalation.toml, line" in win.messages.label.text(), timeout=10)
        assert "line 1" in win.messages.label.text() and "standard escalation paths" in win.messages.label.text()
        paths = await win.escalation.paths()
        assert [p.id for p in paths.paths] == ["pr", "legal", "product", "lead"]
