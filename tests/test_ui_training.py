"""Training in the real window of a trainee profile: the banner, a scenario played at 60× with the
real editor, its templates and its thread split, the score dialog, the history file and the
exported report."""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QApplication, QLabel

from agentdesk.core.channels import Audience
from agentdesk.core.training import Action
from agentdesk.sync.workspace import open_workspace
from agentdesk.ui.main_window import MainWindow
from agentdesk.ui.split_dialog import SplitDialog
from agentdesk.ui.template_picker import TemplatePicker
from agentdesk.ui.training_files import HISTORY_FILE
from agentdesk.ui.training_panel import PracticeDialog, open_history
from agentdesk.ui.training_report import ScoreDialog, SessionsView
from tests.conftest import wait_until
from tests.windows import window_on

pytestmark = pytest.mark.asyncio

FIRST = (
    "Hallo Kim, das tut mir leid, dass du so lange warten musst! "
    "Schick uns bitte eine DM, dann schauen wir uns deine Sendung gleich an."
)
SECOND = (
    "Danke dir, Kim! Ich habe nachgesehen: Dein Paket lag im Verteilzentrum fest und ist seit heute früh "
    "wieder unterwegs. Es kommt voraussichtlich am Donnerstag bei dir an."
)


@contextlib.asynccontextmanager
async def opened(data_dir: Path, *, trainee: bool = True) -> AsyncIterator[MainWindow]:
    """A trainee window (or the profile's own role's), opened and closed inside the test so everything
    runs on the test's loop."""
    async with window_on(open_workspace(data_dir, sandbox_mode=trainee)) as win:
        yield win


async def _practice(win: MainWindow, scenario: str) -> PracticeDialog:
    assert win.training is not None
    panel = await win.training.open_panel()
    panel.select(scenario)
    panel.clock.set_speed(60)
    practice = await panel.start_practice()
    assert practice is not None
    await wait_until(lambda: practice.waiting_turn_shown() and practice.editor.isEnabled(), timeout=15)
    return practice


async def _send(practice: PracticeDialog, text: str, audience: Audience) -> None:
    await wait_until(lambda: practice.waiting_turn_shown() and practice.editor.isEnabled(), timeout=15)
    practice.editor.set_audience(audience)
    practice.editor.set_text(text)
    turns = len(practice.player.turns)
    practice.editor.request_send()
    assert practice.editor.text() == "", [f.message for f in practice.editor._findings]
    assert len(practice.player.turns) == turns + 1 or practice.player.finished


async def test_a_trainee_practises_a_scenario_and_gets_score_history_and_report(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened_urls: list[QUrl] = []
    monkeypatch.setattr(SessionsView, "open_url", staticmethod(opened_urls.append))
    async with opened(tmp_path) as win:
        banner = win.findChild(QLabel, "trainingBanner")
        assert banner is not None and banner.isVisible() and "TRAINING" in banner.text()
        assert win.training is not None

        panel = await win.training.open_panel()
        assert panel.list.topLevelItemCount() >= 15
        panel.select("paket-verspaetet")
        panel.clock.set_speed(60)
        assert win.ws.sandbox is not None and win.ws.sandbox.world.clock().speed == 60
        practice = await panel.start_practice()
        assert practice is not None

        await _send(practice, FIRST, Audience.PUBLIC)
        assert "DM" in practice.thread_view.toPlainText()
        await _send(practice, SECOND, Audience.PRIVATE)  # the DM follow-up arrives 5 simulated minutes later
        assert practice.player.finished
        score_dialog = practice.finish()

        assert isinstance(score_dialog, ScoreDialog) and score_dialog.isVisible()
        assert "Paket seit einer Woche unterwegs" in score_dialog.score_label.text()
        points = int(score_dialog.score_label.text().split(": ")[1].split()[0])
        assert points >= 90
        rows = [score_dialog.reasons.topLevelItem(i) for i in range(score_dialog.reasons.topLevelItemCount())]
        assert len(rows) == 7 and all(row.text(0) in ("✓", "✗") and row.text(2) for row in rows)
        score_dialog.reject()

        await wait_until(lambda: (tmp_path / HISTORY_FILE).exists())  # written on the files thread
        history = json.loads((tmp_path / HISTORY_FILE).read_text(encoding="utf-8"))
        assert [(s["scenario"], s["score"]) for s in history] == [("paket-verspaetet", points)]
        assert history[0]["reasons"] and history[0]["finished"]
        assert any(r["reply"] == FIRST for r in history[0]["reasons"])

        dialog = await open_history(win, win.training.files)
        assert dialog is not None and dialog.view.list.topLevelItemCount() == 1
        path = await dialog.view.export_report()
        assert path is not None
        report = path.read_text(encoding="utf-8")
        assert "Paket seit einer Woche unterwegs" in report and f"{points}/100" in report
        assert opened_urls == [QUrl.fromLocalFile(str(path))]
        dialog.reject()


async def test_the_report_escapes_the_trainee_reply(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(SessionsView, "open_url", staticmethod(lambda _url: None))
    async with opened(tmp_path) as win:
        assert win.training is not None
        panel = await win.training.open_panel()
        panel.select("paket-verspaetet")
        panel.clock.set_speed(60)
        practice = await panel.start_practice()
        assert practice is not None
        panel.clock.set_speed(0)  # paused: the practice's time stands still, then runs on without a jump
        paused_at = practice.now()
        await asyncio.sleep(0.3)
        assert practice.now() == paused_at
        panel.clock.set_speed(60)
        await _send(practice, "Hallo Kim, <b>sorry</b> & schreib uns per DM.", Audience.PUBLIC)
        practice.finish().reject()
        await wait_until(lambda: (tmp_path / HISTORY_FILE).exists())
        dialog = await open_history(win, win.training.files)
        assert dialog is not None
        path = await dialog.view.export_report()
        assert path is not None
        report = path.read_text(encoding="utf-8")
        assert "<b>sorry</b>" not in report and "&lt;b&gt;sorry&lt;/b&gt; &amp;" in report
        dialog.reject()

        (tmp_path / HISTORY_FILE).write_text("{not json", encoding="utf-8")
        assert await open_history(win, win.training.files) is None
        assert "cannot be read" in win.messages.label.text() and HISTORY_FILE in win.messages.label.text()

        # The next practice keeps the broken file aside, names it, and starts a new history with its session.
        practice = await _practice(win, "lob")
        practice.finish().reject()
        await wait_until(lambda: "training-history.broken-" in win.messages.label.text(), timeout=5)
        broken = next(tmp_path.glob("training-history.broken-*.json"))
        assert broken.read_text(encoding="utf-8") == "{not json" and broken.name in win.messages.label.text()
        assert [s["scenario"] for s in json.loads((tmp_path / HISTORY_FILE).read_text(encoding="utf-8"))] == ["lob"]


def _picker() -> TemplatePicker | None:
    return next((w for w in QApplication.topLevelWidgets() if isinstance(w, TemplatePicker) and w.isVisible()), None)


async def test_a_template_goes_into_a_practice_reply_and_is_scored(qtbot, tmp_path: Path) -> None:
    async with opened(tmp_path) as win:
        await wait_until(lambda: win.templates.library is not None)
        practice = await _practice(win, "paket-verspaetet")
        practice.activateWindow()
        await wait_until(lambda: QApplication.activeWindow() is practice)
        qtbot.keyClick(practice, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)  # as in the main window
        await wait_until(lambda: _picker() is not None)
        picker = _picker()
        assert picker is not None and picker.parent() is practice
        qtbot.keyClicks(picker.search, "Lieferverz")
        await wait_until(lambda: picker.current_template() is not None)
        assert picker.current_template().address == "du"  # Kim writes with du: the picker offers du
        qtbot.keyClick(picker.search, Qt.Key.Key_Return)
        await wait_until(lambda: "Kim" in practice.editor.text())  # filled from the scenario's customer
        inserted = practice.editor.text()
        assert "{{" not in inserted and "Bestellnummer" in inserted

        qtbot.keyClick(practice, Qt.Key.Key_4, Qt.KeyboardModifier.AltModifier)  # apologetic, still du
        await wait_until(lambda: practice.editor.text() != inserted)
        reply = practice.editor.text()
        assert "Kim" in reply and "tut uns wirklich leid" in reply

        practice.editor.set_audience(Audience.PRIVATE)  # the same words as a DM
        practice.editor.request_send()
        first = practice.player.turns[0]
        assert first.handling is not None and first.handling.text == reply.strip()
        assert first.facts is not None and first.facts.apologised and first.facts.private
        score_dialog = practice.finish()
        reasons = {
            score_dialog.reasons.topLevelItem(i).text(1): score_dialog.reasons.topLevelItem(i)
            for i in range(score_dialog.reasons.topLevelItemCount())
        }
        apology = next(item for label, item in reasons.items() if "ntschuldig" in label or "pologi" in label)
        assert apology.text(0) == "✓" and apology.text(3) == reply.strip()  # the template's reply decided it
        score_dialog.reject()

        # "/" at the start of the practice reply opens the picker too.
        practice = await _practice(win, "lob")
        practice.editor.focus_editor()
        qtbot.keyClicks(practice.editor.edit, "/")
        await wait_until(lambda: _picker() is not None)
        assert practice.editor.text() == ""
        _picker().reject()
        practice.close()


LONG = (
    "Hallo Kim, das tut mir wirklich leid, dass dein Paket seit einer Woche unterwegs ist und die "
    "Sendungsverfolgung nichts Neues zeigt. So sollte das nicht laufen, und ich verstehe gut, dass du "
    "genervt bist. Schick uns bitte eine DM, dann schauen wir uns deine Sendung sofort an und melden "
    "uns dort mit dem aktuellen Stand bei dir. Danke dir für deine Geduld!"
)


async def test_a_reply_split_into_a_thread_is_recorded_as_its_parts(qtbot, tmp_path: Path) -> None:
    async with opened(tmp_path) as win:
        practice = await _practice(win, "paket-verspaetet")
        practice.editor.set_text(LONG)
        assert not practice.editor.counter.text().startswith("0") and practice.editor.split_button.isVisible()
        practice.editor.open_split_dialog()
        split = practice.editor.findChild(SplitDialog)
        assert split is not None and len(split.parts()) == 2
        parts = split.parts()
        split.accept()
        first = practice.player.turns[0]
        assert first.handling is not None and first.handling.action is Action.REPLY
        assert first.handling.parts == tuple(parts)
        assert first.facts is not None and first.facts.fits  # each part fits; the whole would not
        assert first.facts.length <= 280 < len(LONG)
        shown = practice.thread_view.toPlainText()
        assert parts[0] in shown and parts[1] in shown
        score_dialog = practice.finish()
        rows = [score_dialog.reasons.topLevelItem(i) for i in range(score_dialog.reasons.topLevelItemCount())]
        fits = next(row for row in rows if "Limit" in row.text(1) or "limit" in row.text(1))
        assert fits.text(0) == "✓"
        score_dialog.reject()
