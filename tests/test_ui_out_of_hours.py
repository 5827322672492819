"""Outside opening hours the editor offers the out-of-hours reply; inside them, or over a draft, never."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtGui import QAction

from agentdesk.core.channels import Audience, Channel
from agentdesk.core.entities import Queue, Status
from agentdesk.sync.sandbox.script import ScriptConversation, ScriptCustomer, ScriptMessage, Sender
from agentdesk.sync.workspace import Workspace
from agentdesk.ui.main_window import MainWindow
from tests.conftest import wait_until
from tests.test_ui_notifications import conversation_of, next_day, set_clock
from tests.test_ui_triage import _show as show_in_list
from tests.test_ui_triage import opened

pytestmark = pytest.mark.asyncio
SATURDAY, MONDAY = 5, 0


def _customers(weekday: int):  # type: ignore[no-untyped-def]
    """The clock at 10:00 on ``weekday``; Mia writes German and is a du, Tom writes English."""

    def prepare(ws: Workspace) -> None:
        set_clock(ws, next_day(ws, weekday, 10))
        world = ws.sandbox.world  # type: ignore[union-attr]
        for source_id, name, language, form in (("mia", "Mia Sommer", "de", "du"), ("tom", "Tom Baker", "en", "")):
            world.scripts[source_id] = ScriptConversation(
                id=source_id,
                channel=Channel.INSTAGRAM,
                audience=Audience.PRIVATE,
                language=language,
                status=Status.OPEN,
                assignee="me",
                subject="",
                customer=ScriptCustomer(id=f"{source_id}-c", name=name, handle=source_id, form=form),
                messages=(ScriptMessage(ws.now() - world.start - timedelta(minutes=5), Sender.CUSTOMER, "", "Hallo?"),),
            )

    return prepare


async def _show(win: MainWindow, name: str) -> None:
    """Open ``name``'s conversation from the list, and wait until the window is done showing it."""
    cid = await conversation_of(win, name)  # synced
    shown: list[int] = []

    def record(conversation_id: int) -> None:
        shown.append(conversation_id)

    win.conversation_shown.connect(record)
    try:
        await show_in_list(win, Queue.ALL_OPEN, name)
        await wait_until(lambda: cid in shown)
    finally:
        win.conversation_shown.disconnect(record)


def _menu_action(win: MainWindow, text: str) -> QAction:
    return next(a for a in win.menuBar().actions()[0].menu().actions() if a.text() == text)


async def test_offered_on_saturday_in_the_customers_language_and_form_of_address(tmp_path: Path) -> None:
    async with opened(tmp_path, _customers(SATURDAY)) as win:
        await wait_until(lambda: win.templates.library is not None, timeout=10)
        await _show(win, "Mia Sommer")
        offer = win.out_of_hours
        assert offer.isVisible() and "Outside opening hours" in offer.label.text()
        assert win.editor.text() == ""  # offered, never inserted by itself
        offer.button.click()
        text = win.editor.text()
        assert text.startswith("Hallo Mia,\n\ndanke für deine Nachricht!")  # German, du
        assert "Wir sind Mo–Fr 8–18 für dich da" in text  # the desk's own opening hours filled in
        assert not offer.isVisible()

        await _show(win, "Tom Baker")
        assert offer.isVisible()
        action = _menu_action(win, "Insert out-of-hours reply")
        assert action.shortcut().toString() == "Ctrl+Shift+O"
        action.trigger()
        assert win.editor.text().startswith("Hi Tom,")
        assert "We're here Mon–Fri 08:00–18:00 and will get back to you" in win.editor.text()


async def test_not_offered_over_a_draft(tmp_path: Path) -> None:
    async with opened(tmp_path, _customers(SATURDAY)) as win:
        await _show(win, "Tom Baker")
        win.editor.set_text("Give me a moment, please")
        win.editor.draft_edited.emit()
        assert not win.out_of_hours.isVisible()
        await _show(win, "Mia Sommer")  # saves Tom's draft on the way
        assert win.out_of_hours.isVisible()
        await _show(win, "Tom Baker")
        assert win.editor.text() == "Give me a moment, please" and not win.out_of_hours.isVisible()
        _menu_action(win, "Insert out-of-hours reply").trigger()  # the key never replaces a draft
        assert win.editor.text() == "Give me a moment, please"
        assert "already has text" in win.messages.label.text()


async def test_not_offered_inside_opening_hours(tmp_path: Path) -> None:
    async with opened(tmp_path, _customers(MONDAY)) as win:
        await _show(win, "Mia Sommer")
        assert win.editor.text() == "" and not win.out_of_hours.isVisible()
