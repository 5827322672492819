"""Training in the real window of a trainee profile: the banner, a scenario played at 60× with the
real editor, the score dialog, the history file and the exported report."""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QLabel

from agentdesk.core.channels import Audience
from agentdesk.sync.workspace import open_workspace
from agentdesk.ui.main_window import MainWindow
from agentdesk.ui.training_panel import PracticeDialog, open_history
from agentdesk.ui.training_report import HISTORY_FILE, HistoryDialog, ScoreDialog
from tests.conftest import wait_until

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
async def opened(data_dir: Path) -> AsyncIterator[MainWindow]:
    """A trainee window, opened and closed inside the test so everything runs on the test's loop."""
    ws = open_workspace(data_dir, sandbox_mode=True)
    win = MainWindow(ws)
    try:
        win.show()
        ws.engine.start()
        await win.initial_load()
        yield win
    finally:
        await win.shutdown()
        await ws.close()
        win.close()
        win.deleteLater()


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
    monkeypatch.setattr(HistoryDialog, "open_url", staticmethod(opened_urls.append))
    async with opened(tmp_path) as win:
        banner = win.findChild(QLabel, "trainingBanner")
        assert banner is not None and banner.isVisible() and "TRAINING" in banner.text()
        assert win.training is not None

        panel = win.training.open_panel()
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

        history = json.loads((tmp_path / HISTORY_FILE).read_text(encoding="utf-8"))
        assert [(s["scenario"], s["score"]) for s in history] == [("paket-verspaetet", points)]
        assert history[0]["reasons"] and history[0]["finished"]
        assert any(r["reply"] == FIRST for r in history[0]["reasons"])

        dialog = open_history(win)
        assert dialog is not None and dialog.list.topLevelItemCount() == 1
        path = dialog.export_report()
        report = path.read_text(encoding="utf-8")
        assert "Paket seit einer Woche unterwegs" in report and f"{points}/100" in report
        assert opened_urls == [QUrl.fromLocalFile(str(path))]
        dialog.reject()


async def test_the_report_escapes_the_trainee_reply(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(HistoryDialog, "open_url", staticmethod(lambda _url: None))
    async with opened(tmp_path) as win:
        assert win.training is not None
        panel = win.training.open_panel()
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
        dialog = open_history(win)
        assert dialog is not None
        report = dialog.export_report().read_text(encoding="utf-8")
        assert "<b>sorry</b>" not in report and "&lt;b&gt;sorry&lt;/b&gt; &amp;" in report

        (tmp_path / HISTORY_FILE).write_text("{not json", encoding="utf-8")
        assert open_history(win) is None
        assert "cannot be read" in win.messages.label.text()
