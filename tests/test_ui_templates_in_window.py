"""Templates in the agent window: Ctrl+T and "/" open the picker, Enter inserts, Alt+1…6 switch the
tone, a new company template appears without a restart, and Sie/du is remembered per customer."""

from __future__ import annotations

from pathlib import Path

import pytest
import pytest_asyncio
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from agentdesk.core.entities import Queue
from agentdesk.sync.workspace import open_workspace
from agentdesk.ui.main_window import MainWindow
from agentdesk.ui.template_picker import TemplatePicker
from tests.conftest import wait_until
from tests.windows import window_on

pytestmark = pytest.mark.asyncio


@pytest_asyncio.fixture
async def window(tmp_path: Path):  # type: ignore[no-untyped-def]
    async with window_on(open_workspace(tmp_path), engine=False, synced=True) as win:
        await wait_until(lambda: win.templates.library is not None)  # read in the background after start
        yield win


async def _open(win: MainWindow, source_id: str) -> None:
    win.queues.setCurrentIndex(win.queues.queues.index(win.queues.queues.row_of(Queue.ALL_OPEN)))
    ids = await win.ops.conversation_ids(Queue.ALL_OPEN, win.list.sort_order(), "")
    await wait_until(lambda: win.list_model.ids() == ids)
    for cid in ids:
        if (await win.ops.conversation(cid)).source_id == source_id:
            win.list.select_id(cid)
            await wait_until(
                lambda cid=cid: win.shown_conversation() is not None and win.shown_conversation().id == cid
            )
            return
    raise KeyError(source_id)


def _picker() -> TemplatePicker | None:
    return next((w for w in QApplication.topLevelWidgets() if isinstance(w, TemplatePicker) and w.isVisible()), None)


async def test_ctrl_t_inserts_a_filled_template_and_alt_keys_switch_its_tone(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    await _open(window, "lief-hermes-allermoehe")  # Jana on X, addressed with du
    qtbot.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    await wait_until(lambda: _picker() is not None)
    picker = _picker()
    qtbot.keyClicks(picker.search, "Lieferverz")
    await wait_until(lambda: picker.current_template() is not None)
    assert picker.current_template().intent == "shipping-delay"
    assert picker.current_template().address == "du"
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    await wait_until(lambda: "Jana" in window.editor.text())
    informal = window.editor.text()
    assert "{{" not in informal and "dein" in informal.lower()
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.AltModifier)  # apologetic, still du
    await wait_until(lambda: window.editor.text() != informal)
    assert "Jana" in window.editor.text()
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)  # formal: Sie
    await wait_until(lambda: "Ihre" in window.editor.text() or "Sie" in window.editor.text())


async def test_slash_in_an_empty_reply_opens_the_picker(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    await _open(window, "lief-hermes-allermoehe")
    window.editor.focus_editor()
    qtbot.keyClicks(window.editor.edit, "/")
    await wait_until(lambda: _picker() is not None)
    assert window.editor.text() == ""
    _picker().reject()


async def test_a_new_company_template_appears_without_a_restart(window: MainWindow, tmp_path: Path) -> None:
    folder = tmp_path / "templates"
    (folder / "weihnachten.md").write_text(
        "---\nid: xmas-de-du\ntitle: Weihnachtsgruß\nintent: praise-thanks\nlanguage: de\ntone: informal\n"
        "channels: [x, bluesky]\n---\nFrohe Weihnachten, {{ customer.first_name }}!\n",
        encoding="utf-8",
    )
    await wait_until(lambda: window.templates.library.get("xmas-de-du") is not None, timeout=5)


async def test_the_chosen_form_of_address_is_remembered_for_the_customer(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    await _open(window, "lief-hermes-allermoehe")
    qtbot.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    await wait_until(lambda: _picker() is not None)
    picker = _picker()
    picker.show_all.setChecked(True)
    qtbot.keyClicks(picker.search, "Lieferverz")
    await wait_until(lambda: picker.current_template() is not None)
    sie = next(
        t for t in window.templates.library.family("shipping-delay") if t.address == "sie" and t.tone.value == "formal"
    )
    picker.list.setCurrentIndex(picker.model.index(picker.model.row_of(sie.id)))
    picker.accept()
    await wait_until(lambda: window.shown_conversation().customer.form_of_address == "sie", timeout=5)
