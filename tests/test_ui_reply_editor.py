"""The reply editor as an agent sees it: counter, highlights, findings and fixes, confirmation, thread, spelling."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QMessageBox

from agentdesk.core.channels import Audience, Channel
from agentdesk.core.length import ChannelRules, measure
from agentdesk.ui.draft_highlights import FINDING, HIGHLIGHT_KIND, OVER, SPELLING
from agentdesk.ui.length_counter import NEAR_COLOUR, OVER_COLOUR
from agentdesk.ui.reply_editor import ReplyEditor
from agentdesk.ui.split_dialog import SplitDialog

PHONE_REPLY = "Rufen Sie uns gern an unter 040 1234567, dann klären wir das."


@pytest.fixture
def editor(qtbot) -> ReplyEditor:  # type: ignore[no-untyped-def]
    widget = ReplyEditor()
    qtbot.addWidget(widget)
    widget.resize(700, 400)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_context(Channel.X, Audience.PUBLIC, form_of_address="sie", known_names=frozenset({"Nordwelle"}))
    return widget


def highlighted(editor: ReplyEditor, kind: str) -> list[str]:
    """The texts marked in the editor with one kind of highlight."""
    return [s.cursor.selectedText() for s in editor.edit.extraSelections() if s.format.property(HIGHLIGHT_KIND) == kind]


def type_text(qtbot, editor: ReplyEditor, text: str) -> None:  # type: ignore[no-untyped-def]
    editor.edit.setFocus()
    editor.edit.insertPlainText(text)  # QTest types ASCII only; this goes through the same signals


def test_counter_turns_amber_near_the_limit_and_red_past_it(qtbot, editor: ReplyEditor) -> None:  # type: ignore[no-untyped-def]
    editor.set_text("a" * 200)
    assert editor.counter.text() == "80"
    assert editor.counter.styleSheet() == ""

    type_text(qtbot, editor, "a" * 70)
    assert editor.counter.text() == "⏳ 10"
    assert NEAR_COLOUR in editor.counter.styleSheet()
    assert editor.send_button.isEnabled()

    type_text(qtbot, editor, "a" * 15)
    assert editor.counter.text() == "⛔ -5"
    assert OVER_COLOUR in editor.counter.styleSheet()
    assert not editor.send_button.isEnabled()


def test_sms_counter_shows_segments_and_what_forces_ucs2(editor: ReplyEditor) -> None:
    editor.set_context(Channel.SMS, Audience.PRIVATE)
    editor.set_text("Ihr Paket kommt morgen. " * 8)
    assert "2 SMS · GSM-7" in editor.counter.text()
    editor.set_text("Ihr Paket kommt morgen 😀 „bis 12 Uhr“")
    assert "1 SMS · UCS-2 because of: 😀„“" in editor.counter.text()


def test_over_limit_highlight_is_exactly_what_the_platform_counts_past_the_limit(editor: ReplyEditor) -> None:
    # Emoji count 2 on X and are two UTF-16 units in Qt: the highlight must still start at the right character.
    text = "Hallo 👋👋 " + "Sendung " * 40 + "https://www.beispiel-versand.de/sendungsverfolgung?id=DE123"
    editor.set_text(text)
    (over,) = measure(text, Channel.X, Audience.PUBLIC).over
    assert highlighted(editor, OVER) == [text[over[0] : over[1]]]
    editor.set_audience(Audience.PRIVATE)  # a DM on X may be 10,000 characters
    assert highlighted(editor, OVER) == []


def test_phone_number_in_a_public_reply_warns_and_answer_privately_switches(qtbot, editor: ReplyEditor) -> None:  # type: ignore[no-untyped-def]
    editor.set_text(PHONE_REPLY)
    (row,) = editor.findings.rows
    assert row.icon.text() == "⚠"
    assert "Telefonnummer" in row.reason.text()  # the reasons come in the language set_context asked for
    assert highlighted(editor, FINDING) == ["040 1234567"]
    assert row.fix_button is not None and row.fix_button.text() == "Answer privately"

    qtbot.mouseClick(row.fix_button, Qt.MouseButton.LeftButton)
    assert editor.audience() is Audience.PRIVATE
    assert editor.findings.rows == []
    assert not editor.findings.isVisible()


def test_shouting_fixes_lowercase_the_word_and_leave_one_mark(qtbot, editor: ReplyEditor) -> None:  # type: ignore[no-untyped-def]
    editor.set_text("Das ist WIRKLICH erledigt!!!")
    fixes = {row.fix_button.text(): row for row in editor.findings.rows if row.fix_button}
    qtbot.mouseClick(fixes["Lowercase"].fix_button, Qt.MouseButton.LeftButton)
    assert editor.text() == "Das ist wirklich erledigt!!!"
    (row,) = editor.findings.rows
    qtbot.mouseClick(row.fix_button, Qt.MouseButton.LeftButton)
    assert editor.text() == "Das ist wirklich erledigt!"
    assert editor.findings.rows == []


def test_unfilled_placeholder_blocks_send(qtbot, editor: ReplyEditor) -> None:  # type: ignore[no-untyped-def]
    editor.set_text("Ihre Bestellung {{ order_id }} ist unterwegs.")
    (row,) = editor.findings.rows
    assert row.icon.text() == "⛔"
    assert not editor.send_button.isEnabled()
    with qtbot.assertNotEmitted(editor.send_requested), qtbot.assertNotEmitted(editor.warnings_confirmed):
        editor.request_send()
    assert editor.findChild(QMessageBox) is None


def _record(editor: ReplyEditor) -> list[tuple]:  # type: ignore[type-arg]
    events: list[tuple] = []  # type: ignore[type-arg]
    editor.warnings_confirmed.connect(lambda codes: events.append(("confirmed", codes)))
    editor.send_requested.connect(lambda text, audience, note: events.append(("send", text, audience, note)))
    editor.thread_requested.connect(lambda parts, audience: events.append(("thread", parts, audience)))
    return events


def test_warnings_ask_first_and_confirming_records_them_before_sending(qtbot, editor: ReplyEditor) -> None:  # type: ignore[no-untyped-def]
    events = _record(editor)
    editor.set_text(PHONE_REPLY)
    qtbot.mouseClick(editor.send_button, Qt.MouseButton.LeftButton)
    box = editor.findChild(QMessageBox, "sendConfirmation")
    assert box is not None and box.isVisible()
    assert "Telefonnummer" in box.text()
    assert events == []  # nothing is sent while the agent decides

    box.button(QMessageBox.StandardButton.Yes).click()
    assert events == [("confirmed", ["personal-data"]), ("send", PHONE_REPLY, Audience.PUBLIC, False)]


def test_cancelling_the_confirmation_sends_nothing(qtbot, editor: ReplyEditor) -> None:  # type: ignore[no-untyped-def]
    events = _record(editor)
    editor.set_text(PHONE_REPLY)
    editor.request_send()
    box = editor.findChild(QMessageBox, "sendConfirmation")
    assert box is not None
    box.button(QMessageBox.StandardButton.Cancel).click()
    qtbot.waitUntil(lambda: editor.findChild(QMessageBox, "sendConfirmation") is None)
    assert events == []


def test_a_clean_reply_sends_without_asking(qtbot, editor: ReplyEditor) -> None:  # type: ignore[no-untyped-def]
    events = _record(editor)
    editor.set_text("Danke für Ihre Geduld, das Paket ist unterwegs.")
    editor.activateWindow()
    editor.focus_editor()
    qtbot.waitUntil(editor.edit.hasFocus)
    qtbot.keyClick(editor.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert events == [("send", "Danke für Ihre Geduld, das Paket ist unterwegs.", Audience.PUBLIC, False)]


def test_split_dialog_shows_numbered_parts_that_fit_and_sends_the_edited_thread(qtbot, editor: ReplyEditor) -> None:  # type: ignore[no-untyped-def]
    events = _record(editor)
    text = " ".join(f"Satz {n} über die Zustellung Ihres Pakets morgen." for n in range(14))
    editor.set_text(text)
    over = next(row for row in editor.findings.rows if row.finding.code == "over-limit")
    assert over.icon.text() == "⛔" and over.fix_button is not None
    qtbot.mouseClick(over.fix_button, Qt.MouseButton.LeftButton)

    dialog = editor.findChild(SplitDialog)
    assert dialog is not None and dialog.isVisible()
    parts = dialog.parts()
    assert len(parts) >= 3
    assert [p.rsplit(" ", 1)[1] for p in parts] == [f"{n}/{len(parts)}" for n in range(1, len(parts) + 1)]
    assert all(measure(p, Channel.X, Audience.PUBLIC).fits for p in parts)
    assert all("⛔" not in counter.text() for counter in dialog.counters)
    assert dialog.send_button.isEnabled()

    dialog.edits[1].setPlainText("x" * 300)  # too long: the part's counter says so and the thread cannot go
    assert "⛔" in dialog.counters[1].text()
    assert not dialog.send_button.isEnabled()
    dialog.edits[1].setPlainText("Geändert. 2/" + str(len(parts)))
    assert dialog.send_button.isEnabled()

    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    expected = [parts[0], "Geändert. 2/" + str(len(parts)), *parts[2:]]
    assert events == [("thread", expected, Audience.PUBLIC)]


def test_misspelt_word_is_underlined_after_a_pause_and_add_to_dictionary_removes_it(
    qtbot,  # type: ignore[no-untyped-def]
    editor: ReplyEditor,
    tmp_path: Path,
) -> None:
    words = tmp_path / "profile" / "words.txt"
    editor.set_user_words_path(words)
    editor.set_text("Nordwelle hat Ihr Paket heute verschikt.")
    assert highlighted(editor, SPELLING) == []  # not before the pause: typing is never held up
    qtbot.waitUntil(lambda: highlighted(editor, SPELLING) == ["verschikt"], timeout=15_000)  # the company name is fine

    editor.edit.moveCursor(QTextCursor.MoveOperation.Start)
    editor.edit.insertPlainText("Gute Nachricht: ")
    assert highlighted(editor, SPELLING) == ["verschikt"]  # the underline moves with the word at once

    cursor = QTextCursor(editor.edit.document())
    cursor.setPosition(editor.text().index("verschikt") + 2)
    menu = editor.context_menu(editor.edit.cursorRect(cursor).center())
    labels = [action.text() for action in menu.actions()]
    assert "verschickt" in labels
    add = next(action for action in menu.actions() if action.objectName() == "addToDictionary")
    add.trigger()
    assert highlighted(editor, SPELLING) == []
    qtbot.waitUntil(lambda: words.exists() and words.read_text(encoding="utf-8") == "verschikt\n")

    with qtbot.waitSignal(editor.spelling.checked, timeout=5_000):
        editor.set_text("Das Paket wurde verschikt.")  # the word stays known in later drafts
    assert highlighted(editor, SPELLING) == []


def test_a_mastodon_reply_is_counted_with_the_handle_the_connector_puts_in_front(editor: ReplyEditor) -> None:
    rules = ChannelRules(max_characters=30)
    editor.set_context(Channel.MASTODON, Audience.PUBLIC, rules=rules, mention="@ada@social.example")
    editor.set_text("Danke, wir prüfen das.")  # 22 characters, and "@ada " in front: 27 of 30
    assert editor.counter.text() == "⏳ 3"
    editor.set_text("Danke, wir prüfen das sofort.")  # 29 + 5 = 34: the last four are over
    assert editor.counter.text().endswith("-4") and highlighted(editor, OVER) == ["ort."]
    editor.set_text("@ada@social.example danke!")  # written by the agent: not counted twice
    assert editor.counter.text().endswith(str(30 - len("@ada danke!")))
    editor.set_context(Channel.X, Audience.PUBLIC, mention="@ada")  # X threads replies without a mention
    editor.set_text("Danke!")
    assert editor.counter.text() == str(280 - 6)
