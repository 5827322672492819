"""Sending from the window: confirmed warnings are recorded with the reply, a thread goes out in
order, a change by someone else while writing is shown and asked about, and a broken guidelines
file is named while the standard rules apply."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import pytest_asyncio
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from agentdesk.core.channels import Audience
from agentdesk.core.entities import Queue
from agentdesk.store.models import OutboxRow
from agentdesk.sync.workspace import open_workspace
from agentdesk.ui.main_window import MainWindow
from agentdesk.ui.split_dialog import SplitDialog
from tests.conftest import wait_until
from tests.windows import window_on

pytestmark = pytest.mark.asyncio


@pytest_asyncio.fixture
async def window(tmp_path: Path):  # type: ignore[no-untyped-def]
    async with window_on(open_workspace(tmp_path), engine=False, synced=True) as win:
        yield win


async def _open(win: MainWindow, source_id: str) -> int:
    ids = await win.ops.conversation_ids(Queue.ALL_OPEN, win.list.sort_order(), "")
    win.queues.setCurrentIndex(win.queues.queues.index(win.queues.queues.row_of(Queue.ALL_OPEN)))
    for cid in ids:
        if (await win.ops.conversation(cid)).source_id == source_id:
            # the sandbox may still be syncing: wait for this row, not for the list to stand still
            await wait_until(lambda cid=cid: cid in win.list_model.ids())
            win.list.select_id(cid)
            await wait_until(
                lambda cid=cid: win.shown_conversation() is not None and win.shown_conversation().id == cid
            )
            return cid
    raise KeyError(source_id)


def _box(win: MainWindow, name: str | None = None) -> QMessageBox | None:
    """A visible message box of this window (never one left over from another test)."""
    return next(
        (
            box
            for box in win.findChildren(QMessageBox)
            if box.isVisible() and (name is None or box.objectName() == name)
        ),
        None,
    )


def _payloads(win: MainWindow, cid: int) -> list[dict[str, str]]:
    with win.ws.store._sessions() as s:
        rows = s.scalars(select(OutboxRow).where(OutboxRow.conversation_id == cid).order_by(OutboxRow.id))
        return [json.loads(r.payload_json) for r in rows]


async def test_a_confirmed_warning_is_kept_with_the_reply(window: MainWindow) -> None:
    cid = await _open(window, "lief-hermes-allermoehe")  # public, on X
    window.editor.set_audience(Audience.PUBLIC)
    window.editor.set_text("Hi Jana, ruf uns gern an: 040 1234567, dann klären wir das.")
    window.editor.request_send()
    await wait_until(lambda: _box(window, "sendConfirmation") is not None)
    box = _box(window, "sendConfirmation")
    assert "Telefon" in box.text() or "phone" in box.text().lower()
    box.button(QMessageBox.StandardButton.Yes).click()
    await wait_until(lambda: len(_payloads(window, cid)) == 1)
    assert "personal-data" in _payloads(window, cid)[0]["confirmed_warnings"]


async def test_cancelling_the_warning_keeps_the_text(window: MainWindow) -> None:
    cid = await _open(window, "lief-hermes-allermoehe")
    window.editor.set_text("Hi Jana, ruf uns gern an: 040 1234567.")
    window.editor.request_send()
    await wait_until(lambda: _box(window, "sendConfirmation") is not None)
    _box(window, "sendConfirmation").button(QMessageBox.StandardButton.Cancel).click()
    await wait_until(lambda: _box(window, "sendConfirmation") is None)
    assert window.editor.text() == "Hi Jana, ruf uns gern an: 040 1234567."
    assert _payloads(window, cid) == []


async def test_a_long_reply_goes_out_as_a_numbered_thread_in_order(window: MainWindow) -> None:
    cid = await _open(window, "lief-hermes-allermoehe")
    sentence = "Wir haben bei Hermes nachgefragt und melden uns heute noch mit dem Stand. "
    window.editor.set_text(sentence * 6)
    window.editor.open_split_dialog()
    shown = window.shown_conversation()
    assert shown is not None and shown.id == cid, f"another conversation is shown: {shown and shown.source_id}"
    assert window.editor.text() == sentence * 6 and window.editor.channel_label.text() == "X"
    await wait_until(
        lambda: any(isinstance(w, SplitDialog) and w.isVisible() for w in window.findChildren(SplitDialog))
    )
    dialog = next(w for w in window.findChildren(SplitDialog) if w.isVisible())
    parts = dialog.parts()
    assert len(parts) >= 2
    dialog.accept()
    await wait_until(lambda: len(_payloads(window, cid)) == len(parts), timeout=10)
    sent = _payloads(window, cid)
    assert [p["thread"] for p in sent] == [f"{i}/{len(parts)}" for i in range(1, len(parts) + 1)]
    assert [p["text"] for p in sent] == parts


async def test_a_reassignment_while_writing_is_shown_and_send_asks(window: MainWindow) -> None:
    cid = await _open(window, "lief-hermes-allermoehe")
    window.editor.set_text("Hi Jana, kurze Info: ")
    # a colleague takes the conversation over on the source; the next sync brings it in
    window.ws.sandbox.world.update("colleague-1", "lief-hermes-allermoehe", assignee="Aylin Demir")
    await window.ws.engine.sync_once(window.ws.accounts[0].id)
    await wait_until(lambda: "Aylin Demir" in window.messages.label.text(), timeout=5)
    assert window.editor.text() == "Hi Jana, kurze Info: "  # the draft stays
    window.editor.set_text("Hi Jana, kurze Info: das Paket ist unterwegs.")
    window.editor.request_send()
    await wait_until(lambda: _box(window) is not None and "Aylin Demir" in _box(window).text())
    box = _box(window)
    cancel = box.button(QMessageBox.StandardButton.Cancel)
    cancel.click()
    await wait_until(lambda: _box(window) is None)
    assert window.editor.text() == "Hi Jana, kurze Info: das Paket ist unterwegs."
    assert _payloads(window, cid) == []


async def test_a_broken_guidelines_file_is_named_and_the_defaults_apply(tmp_path: Path) -> None:
    (tmp_path / "guidelines.toml").write_text('[personal_data]\npatterns = ["unclosed\n', encoding="utf-8")
    async with window_on(open_workspace(tmp_path), engine=False, synced=True) as win:
        await wait_until(lambda: "guidelines.toml" in win.messages.label.text(), timeout=5)
        assert "line" in win.messages.label.text() or "Zeile" in win.messages.label.text()
        await _open(win, "lief-hermes-allermoehe")
        win.editor.set_text("Ruf uns an: 040 1234567")
        await wait_until(lambda: any(f.code == "personal-data" for f in win.editor._findings), timeout=5)


async def test_a_reply_sent_just_before_switching_goes_to_its_own_conversation_and_leaves_no_draft(
    window: MainWindow,
) -> None:
    cid = await _open(window, "lief-hermes-allermoehe")
    other = next(i for i in window.list_model.ids() if i != cid)
    window.editor.set_text("Wir sind dran und melden uns heute noch.")
    window.editor.request_send()
    window.open_conversation(other)  # before the send has even started

    await wait_until(lambda: len(_payloads(window, cid)) == 1)
    assert _payloads(window, cid)[0]["text"] == "Wir sind dran und melden uns heute noch."
    assert _payloads(window, other) == []
    await wait_until(lambda: window.shown_conversation() is not None and window.shown_conversation().id == other)
    draft = await window.ops.draft(cid)
    assert draft is None or draft.text == ""  # coming back, the sent reply is not offered again
