"""Reassigning from the agent window: the dialog (Shift+R) with search, suggestions first and an
optional private note; one conversation or several selected with Ctrl+click; always through the
outbox, one command per conversation."""

from __future__ import annotations

import asyncio
import json
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtTest import QTest

from agentdesk.core.team import suggest_agents
from agentdesk.store.database import STORE_FILE
from agentdesk.ui.main_window import MainWindow
from agentdesk.ui.reassign_dialog import NAME_ROLE, ReassignDialog
from tests.conftest import wait_until
from tests.test_ui_triage import opened

pytestmark = pytest.mark.asyncio


def commands(data_dir: Path, kind: str) -> list[tuple[int, dict[str, str]]]:
    with sqlite3.connect(data_dir / STORE_FILE) as db:
        rows = db.execute("SELECT conversation_id, payload_json FROM outbox WHERE kind = ? ORDER BY id", (kind,))
        return [(cid, json.loads(payload)) for cid, payload in rows.fetchall()]


async def team_known(win: MainWindow) -> None:
    """The first sync brings the sandbox's simulated team into the store."""
    for _ in range(200):
        if len(await win.ops.team_agents()) >= 5:
            return
        await asyncio.sleep(0.05)
    raise AssertionError("the sandbox team never reached the store")


async def dialog_of(win: MainWindow) -> ReassignDialog:
    win.reassigning.dialog = None
    QTest.keyClick(win.list.view, Qt.Key.Key_R, Qt.KeyboardModifier.ShiftModifier)
    await wait_until(lambda: win.reassigning.dialog is not None and win.reassigning.dialog.isVisible())
    assert win.reassigning.dialog is not None
    return win.reassigning.dialog


def names(dialog: ReassignDialog) -> list[str]:
    return [dialog.agents.item(i).data(NAME_ROLE) for i in range(dialog.agents.count())]


async def test_dialog_suggests_first_then_moves_the_conversation_with_a_note(tmp_path: Path) -> None:
    async with opened(tmp_path) as win:
        await team_known(win)
        win.list.view.setFocus()
        conversation_id = win.list.current_id()
        assert conversation_id is not None
        dialog = await dialog_of(win)
        agents, load = await win.ops.team_agents(), await win.ops.open_load()
        channels, languages = await win.ops.needs_of([conversation_id])
        suggested = [a.name for a in suggest_agents(agents, load, channels, languages)]
        assert suggested and names(dialog)[: len(suggested)] == suggested
        assert dialog.agents.currentItem().text().startswith("★ " + suggested[0])
        assert names(dialog)[-1] == ""  # the pool is always there, last

        QTest.keyClicks(dialog.search, "aylin")
        assert [dialog.agents.item(i).isHidden() for i in range(dialog.agents.count())].count(False) == 1
        assert dialog.choice() == "Aylin Demir"
        dialog.note.insertPlainText("Kundin schreibt Türkisch – Aylin übernimmt.")
        QTest.keyClick(dialog.search, Qt.Key.Key_Return)

        await wait_until(lambda: win.messages.label.text() == "Reassigned to Aylin Demir.")
        assert (await win.ops.conversation(conversation_id)).assignee == "Aylin Demir"  # type: ignore[union-attr]
        assert commands(tmp_path, "assign") == [(conversation_id, {"assignee": "Aylin Demir"})]
        notes = commands(tmp_path, "note")
        assert [(cid, p["text"]) for cid, p in notes] == [
            (conversation_id, "Kundin schreibt Türkisch – Aylin übernimmt.")
        ]


async def test_without_a_note_only_the_assignment_is_written(tmp_path: Path) -> None:
    async with opened(tmp_path) as win:
        await team_known(win)
        conversation_id = win.list.current_id()
        dialog = await dialog_of(win)
        dialog.search.setText("Jonas")
        dialog.accept()
        await wait_until(lambda: commands(tmp_path, "assign") != [])
        assert commands(tmp_path, "assign") == [(conversation_id, {"assignee": "Jonas Weber"})]
        assert commands(tmp_path, "note") == []


async def test_several_selected_conversations_get_one_command_each(tmp_path: Path) -> None:
    async with opened(tmp_path) as win:
        await team_known(win)
        view, model = win.list.view, win.list_model
        view.setFocus()
        win.list.step(0)
        for row in (1, 3):  # Ctrl+click on two more
            view.selectionModel().select(
                model.index(row), QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
            )
        chosen = [model.ids()[row] for row in (0, 1, 3)]
        assert win.list.selected_ids() == chosen
        dialog = await dialog_of(win)
        dialog.search.setText("Mehmet")
        dialog.note.insertPlainText("Bitte bis heute Abend.")
        dialog.accept()
        await wait_until(lambda: len(commands(tmp_path, "assign")) == 3)
        assert sorted(commands(tmp_path, "assign")) == sorted((cid, {"assignee": "Mehmet Yılmaz"}) for cid in chosen)
        assert sorted(cid for cid, _ in commands(tmp_path, "note")) == sorted(chosen)
        await wait_until(lambda: win.messages.label.text() == "Reassigned 3 conversations to Mehmet Yılmaz.")
        rows = await win.ops.rows(chosen)
        assert {r.assignee for r in rows} == {"Mehmet Yılmaz"}


async def test_j_and_k_still_select_exactly_one_conversation(tmp_path: Path) -> None:
    async with opened(tmp_path) as win:
        win.list.view.setFocus()
        win.list.step(0)
        win.list.view.selectionModel().select(
            win.list_model.index(2), QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        )
        assert len(win.list.selected_ids()) == 2
        QTest.keyClick(win.list.view, Qt.Key.Key_J)
        assert win.list.selected_ids() == [win.list_model.ids()[1]]
        await wait_until(lambda: win._shown_id == win.list_model.ids()[1])
