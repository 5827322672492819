"""AgentDesk › Preferences … in the real window on a sandbox profile: a change is checked as it is
typed, written to settings.json, and the window follows it at once."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel

from agentdesk.core.entities import Queue
from agentdesk.core.notifications import NoticeKind
from agentdesk.store.profile import SETTINGS_FILE, Settings
from agentdesk.store.queries import SortOrder
from agentdesk.sync.workspace import open_workspace
from agentdesk.ui.main_window import MainWindow
from agentdesk.ui.preferences_dialog import PreferencesDialog
from tests.conftest import wait_until
from tests.test_ui_triage import opened
from tests.windows import window_on

pytestmark = pytest.mark.asyncio


def preferences_action(win: MainWindow) -> QAction:
    menu = win.menuBar().actions()[0].menu()
    return next(a for a in menu.actions() if a.text() == "Preferences …")


async def opened_preferences(win: MainWindow) -> PreferencesDialog:
    preferences_action(win).trigger()
    dialog = win.preferences
    await wait_until(dialog.isVisible)
    return dialog


async def save(dialog: PreferencesDialog) -> None:
    """Click Save and wait until the file is written and the window has the new settings."""
    saved: list[object] = []
    dialog.saved.connect(saved.append)
    dialog.save_button.click()
    await wait_until(lambda: bool(saved))


def stored(data_dir: Path) -> dict[str, object]:
    return json.loads((data_dir / SETTINGS_FILE).read_text(encoding="utf-8"))


async def test_name_and_opening_hours_are_saved_and_the_window_follows(tmp_path: Path) -> None:
    async with opened(tmp_path) as win:
        await wait_until(lambda: win.shown_conversation() is not None, timeout=10)
        assert preferences_action(win).shortcut() == QKeySequence("Ctrl+,")
        assert win.status.hours.text() == "Opening hours Mon–Fri 08:00–18:00"
        dialog = await opened_preferences(win)
        assert dialog.isModal() and dialog.role.text() == "Agent"

        dialog.fields["agent_name"].setText("Kim Weber")
        hours = dialog.fields["opening_hours"]
        hours.setText("mon-sat 07:00-25:00")
        assert not dialog.save_button.isEnabled()
        assert "invalid time '25:00'" in dialog.problems["opening_hours"].text()
        assert dialog.tabs.tabText(1).startswith("⛔")
        hours.setText("mon-sat 07:00-20:00")
        assert dialog.save_button.isEnabled() and not dialog.problems["opening_hours"].isVisible()
        assert dialog.hours_words.text() == "Opening hours Mon–Sat 07:00–20:00"
        dialog.addresses["email"].setCurrentIndex(dialog.addresses["email"].findData("du"))
        await save(dialog)

        saved = stored(tmp_path)
        assert saved["agent_name"] == "Kim Weber" and saved["opening_hours"] == "mon-sat 07:00-20:00"
        assert saved["default_form_of_address"]["email"] == "du"  # type: ignore[index]
        assert win.status.hours.text() == "Opening hours Mon–Sat 07:00–20:00"
        conversation = win.shown_conversation()
        assert conversation is not None
        assert win.templates.values(conversation)["agent.name"] == "Kim Weber"
        assert win.service_levels.calendar.hours[5] == ((7 * 60, 20 * 60),)
        assert "Preferences saved." in win.messages.label.text()


async def test_working_hours_and_notification_kinds_reach_the_notifications_menu(tmp_path: Path) -> None:
    async with opened(tmp_path) as win:
        win.activateWindow()
        QTest.keyClick(win.list.view, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)  # no clash with Ctrl+,
        await wait_until(lambda: getattr(win, "preferences", None) is not None and win.preferences.isVisible())
        dialog = win.preferences
        assert set(dialog.kinds) == {NoticeKind.ASSIGNED, NoticeKind.AT_RISK, NoticeKind.NEW_MESSAGE}  # no storm
        dialog.kinds[NoticeKind.AT_RISK].setChecked(False)
        dialog.fields["working_hours"].setText("mo-fr 9-12")
        await save(dialog)
        assert stored(tmp_path)["notifications_off"] == ["at_risk"]
        assert not win.notifier.actions[NoticeKind.AT_RISK].isChecked()
        quiet = [a.text() for a in win.notifier.menu.actions() if "working hours" in a.text()]  # type: ignore[union-attr]
        assert quiet == ["Quiet outside your working hours (Mon–Fri 09:00–12:00)"]


async def test_a_trainee_sees_the_role_but_saving_never_writes_it(tmp_path: Path) -> None:
    ws = open_workspace(tmp_path, sandbox_mode=True)
    async with window_on(ws) as win:
        dialog = await opened_preferences(win)
        assert dialog.role.text() == "Trainee"
        assert any("agentdesk settings set role" in label.text() for label in dialog.findChildren(QLabel))
        dialog.fields["holidays"].setText("de-xx")
        assert "regions of DE" in dialog.problems["holidays"].text() and not dialog.save_button.isEnabled()
        dialog.fields["holidays"].setText("de-by")
        await save(dialog)
        assert stored(tmp_path)["holidays"] == "DE-BY"
        assert stored(tmp_path)["role"] == "agent"  # --sandbox is one session's, not the profile's
        win.notifier.actions[NoticeKind.ASSIGNED].setChecked(False)  # the menu's own save keeps it too
        await wait_until(lambda: stored(tmp_path)["notifications_off"] == ["assigned"])
        assert stored(tmp_path)["role"] == "agent" and stored(tmp_path)["holidays"] == "DE-BY"


async def test_with_a_team_backend_the_dialog_says_which_name_the_queues_use(qtbot) -> None:  # type: ignore[no-untyped-def]
    async def never(_settings: Settings) -> str:
        raise AssertionError("nothing is saved")

    dialog = PreferencesDialog(Settings(), {}, never, lambda *_a, **_k: None, team_name=("Acme", "Kim Weber"))
    qtbot.addWidget(dialog)
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert "Templates sign with this name. Mine and Assign to me use the name Acme knows you by: Kim Weber." in texts
    dialog.fields["agent_name"].setText("")
    assert "it is empty" in dialog.problems["agent_name"].text() and not dialog.save_button.isEnabled()
    assert dialog.status.text() == "Fix the fields marked ⛔ to save."


async def test_a_new_name_keeps_the_conversations_assigned_to_the_old_one(tmp_path: Path) -> None:
    async with opened(tmp_path) as win:
        await wait_until(lambda: win.shown_conversation() is not None, timeout=10)
        [first, *_] = await win.ops.conversation_ids(Queue.ALL_OPEN, SortOrder.DUE, "")
        await win.ops.assign_to_me(first)
        mine = await win.ops.conversation_ids(Queue.MINE, SortOrder.DUE, "")
        assert first in mine
        dialog = await opened_preferences(win)
        dialog.fields["agent_name"].setText("Kim Weber")
        await save(dialog)

        async def moved() -> bool:
            return await win.ops.conversation_ids(Queue.MINE, SortOrder.DUE, "") == mine

        for _ in range(100):
            if await moved():
                break
            await asyncio.sleep(0.1)
        assert await moved()
        assert await win.ops.agent_queue_ids("Alex Berger") == []
        assert "now yours as “Kim Weber”" in win.messages.label.text()
