"""The supervisor's desk, team tab, in the real window on a sandbox profile: the simulated team on
the board with the store's counts, an agent's queue with one key, a drop onto an agent, and the
notice when no team backend is there."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QModelIndex, Qt
from PySide6.QtTest import QTest

from agentdesk.core.entities import Account
from agentdesk.core.team import Availability
from agentdesk.store.database import STORE_FILE
from agentdesk.ui.main_window import MainWindow
from agentdesk.ui.team_board import TeamBoard
from tests.conftest import wait_until
from tests.test_ui_triage import opened

pytestmark = pytest.mark.asyncio


def board_of(win: MainWindow) -> TeamBoard:
    win.open_desk()
    assert win.desk is not None
    board = win.desk.findChild(TeamBoard)
    assert board is not None
    win.desk.tabs.setCurrentWidget(board)
    return board


def row_of(board: TeamBoard, name: str) -> int:
    return next(i for i, row in enumerate(board.model.rows()) if row.name == name)


def outbox(data_dir: Path) -> list[tuple[int, str, dict[str, str]]]:
    with sqlite3.connect(data_dir / STORE_FILE) as db:
        rows = db.execute("SELECT conversation_id, kind, payload_json FROM outbox ORDER BY id").fetchall()
    return [(cid, kind, json.loads(payload)) for cid, kind, payload in rows]


async def test_board_shows_the_team_with_the_stores_counts_and_opens_a_queue(tmp_path: Path) -> None:
    async with opened(tmp_path) as win:
        board = board_of(win)
        await wait_until(lambda: any(r.name == "Jonas Weber" and r.availability for r in board.model.rows()), 10)
        rows = {r.name: r for r in board.model.rows()}
        assert rows["Jonas Weber"].availability is Availability.ONLINE
        assert rows["Aylin Demir"].availability is Availability.BUSY
        assert rows["Lena Hoffmann"].availability is Availability.OFFLINE
        assert list(rows)[-1] == ""  # the unassigned pool closes the board
        load = await win.ops.open_load()
        assert {name: row.open for name, row in rows.items()} == {name: load.get(name, 0) for name in rows}
        assert rows["Jonas Weber"].open > 0
        assert not win.desk.notice.isVisible()  # the sandbox simulates a team backend
        model = board.model
        texts = [model.index(row_of(board, "Jonas Weber"), c).data() for c in range(model.columnCount())]
        assert texts[0] == "Jonas Weber" and texts[1].endswith("online") and texts[2] == str(rows["Jonas Weber"].open)

        board.board.setFocus()
        board.board.setCurrentIndex(model.index(row_of(board, "Jonas Weber"), 0))
        QTest.keyClick(board.board, Qt.Key.Key_Return)
        expected = await win.ops.agent_queue_ids("Jonas Weber")
        await wait_until(lambda: board.queue_model.ids() == expected)
        assert board.queue_title.text() == "Queue of Jonas Weber"
        win.desk.grab().save(str(tmp_path / "desk.png"))


async def test_dropping_conversations_on_an_agent_reassigns_them_through_the_outbox(tmp_path: Path) -> None:
    async with opened(tmp_path) as win:
        board = board_of(win)
        await wait_until(lambda: any(r.name == "Sophie Krüger" and r.availability for r in board.model.rows()), 10)
        ids = win.list_model.ids()[:2]
        dragged = win.list_model.mimeData([win.list_model.index(0), win.list_model.index(1)])
        target = board.model.index(row_of(board, "Sophie Krüger"), 0)
        assert board.model.canDropMimeData(dragged, Qt.DropAction.MoveAction, -1, -1, target)
        assert board.model.dropMimeData(dragged, Qt.DropAction.MoveAction, -1, -1, target)

        async def moved() -> bool:
            rows = await win.ops.rows(ids)
            return all(r.assignee == "Sophie Krüger" for r in rows)

        await wait_until(lambda: board.status.text() == "Reassigned 2 conversations to Sophie Krüger.")
        assert await moved()
        assigned = [(cid, p["assignee"]) for cid, kind, p in outbox(tmp_path) if kind == "assign"]
        assert sorted(assigned) == sorted((cid, "Sophie Krüger") for cid in ids)
        sophie = await win.ops.agent_queue_ids("Sophie Krüger")
        assert set(ids) <= set(sophie)


async def test_text_from_elsewhere_is_not_taken_as_conversations(tmp_path: Path) -> None:
    async with opened(tmp_path) as win:
        board = board_of(win)
        await wait_until(lambda: board.model.rowCount() > 1, 10)
        text = QMimeData()
        text.setText("12,13")
        assert not board.model.canDropMimeData(text, Qt.DropAction.CopyAction, 0, 0, QModelIndex())
        assert not board.model.dropMimeData(text, Qt.DropAction.CopyAction, 0, 0, QModelIndex())
        assert [kind for _, kind, _ in outbox(tmp_path) if kind in ("assign", "unassign")] == []


async def test_without_a_team_backend_the_desk_says_so_and_shows_what_the_store_knows(tmp_path: Path) -> None:
    async with opened(tmp_path) as win:
        win.open_desk()
        assert win.desk is not None
        direct = TeamBoard(win.ops, win.tasks, win.service_levels, win.bridge, [Account(9, "mastodon", "Mastodon")])
        direct.notice_changed.connect(win.desk.set_notice)
        win.desk.add_page(direct, "direct")
        win.desk.tabs.setCurrentWidget(direct)
        await wait_until(lambda: win.desk.notice.isVisible(), 10)
        assert win.desk.notice.text().startswith("Team data needs a backend (Chatwoot)")
        assert any(row.open for row in direct.model.rows())  # the local store's numbers still show
