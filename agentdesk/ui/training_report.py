"""After a practice: the score dialog, the trainee's history file and the printable report.

The history is one JSON list in ``<data dir>/training-history.json``, written whole to a temporary
file and swapped in with ``os.replace``, so a crash mid-write never leaves half a history behind.
Each session keeps the reasons as worded at the time (and the reply that decided each), so a
report reads the same later even if the scenarios or their wording change.

The report is plain HTML with every text escaped: scenario titles, reasons and above all the
trainee's own replies are text, never markup.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from html import escape
from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from agentdesk.core.training import ScenarioPlayer, Score
from agentdesk.ui.time_words import local

HISTORY_FILE = "training-history.json"
MET, NOT_MET = "✓", "✗"  # never colour alone: the mark says it


@dataclass(frozen=True, slots=True)
class Session:
    """One finished practice as the history keeps it."""

    scenario: str
    title: str
    finished: datetime  # real time, UTC
    score: int
    reasons: list[dict[str, Any]]  # behaviour, met, why, turn, reply, weight

    def as_json(self) -> dict[str, Any]:
        return {
            "scenario": self.scenario,
            "title": self.title,
            "finished": self.finished.isoformat(),
            "score": self.score,
            "reasons": self.reasons,
        }

    @classmethod
    def from_json(cls, item: dict[str, Any]) -> Session:
        return cls(
            str(item["scenario"]),
            str(item.get("title", item["scenario"])),
            datetime.fromisoformat(str(item["finished"])),
            int(item["score"]),
            list(item.get("reasons", [])),
        )


def session_of(player: ScenarioPlayer, result: Score, finished: datetime) -> Session:
    """The session to keep: each reason with the text of the reply that decided it."""
    reasons = []
    for reason in result.reasons:
        turn = player.turns[reason.turn - 1] if reason.turn is not None else None
        handling = turn.handling if turn is not None else None
        reasons.append(
            {
                "behaviour": reason.behaviour,
                "met": reason.met,
                "why": reason.why,
                "turn": reason.turn,
                "reply": handling.text if handling is not None else "",
                "weight": reason.weight,
            }
        )
    return Session(player.scenario.id, player.scenario.title, finished, result.points, reasons)


def read_history(data_dir: Path) -> list[Session]:
    """The sessions so far, oldest first; a missing file is an empty history."""
    path = data_dir / HISTORY_FILE
    if not path.exists():
        return []
    return [Session.from_json(item) for item in json.loads(path.read_text(encoding="utf-8"))]


def append_session(data_dir: Path, session: Session) -> None:
    """Add one session; the whole file is replaced atomically (temp file in the same folder + os.replace)."""
    items = [s.as_json() for s in read_history(data_dir)] + [session.as_json()]
    fd, temp = tempfile.mkstemp(prefix=".training-history-", suffix=".tmp", dir=data_dir)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(items, out, ensure_ascii=False, indent=1)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, data_dir / HISTORY_FILE)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def report_html(trainee: str, sessions: list[Session], words: dict[str, str]) -> str:
    """A printable page: one section per session with score and reasons; all text escaped.

    ``words`` holds the page's translated headings (title, score, behaviour, why, reply).
    """
    parts = [
        "<!DOCTYPE html><html><head><meta charset='utf-8'>",
        f"<title>{escape(words['title'])} · {escape(trainee)}</title>",
        "<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;width:100%}"
        "td,th{border:1px solid #999;padding:4px;text-align:left;vertical-align:top}"
        "section{page-break-inside:avoid;margin-bottom:2em}</style></head><body>",
        f"<h1>{escape(words['title'])} · {escape(trainee)}</h1>",
    ]
    for session in sessions:
        when = local(session.finished).strftime("%d.%m.%Y %H:%M")
        parts.append(
            f"<section><h2>{escape(session.title)}</h2>"
            f"<p>{escape(session.scenario)} · {escape(when)} · "
            f"{escape(words['score'])}: <strong>{session.score}/100</strong></p>"
            f"<table><tr><th></th><th>{escape(words['behaviour'])}</th><th>{escape(words['why'])}</th>"
            f"<th>{escape(words['reply'])}</th></tr>"
        )
        for reason in session.reasons:
            mark = MET if reason.get("met") else NOT_MET
            parts.append(
                f"<tr><td>{mark}</td><td>{escape(str(reason.get('behaviour', '')))}</td>"
                f"<td>{escape(str(reason.get('why', '')))}</td><td>{escape(str(reason.get('reply', '')))}</td></tr>"
            )
        parts.append("</table></section>")
    parts.append("</body></html>")
    return "".join(parts)


def _reason_item(reason: dict[str, Any]) -> QTreeWidgetItem:
    item = QTreeWidgetItem(
        [
            MET if reason.get("met") else NOT_MET,
            str(reason.get("behaviour", "")),
            str(reason.get("why", "")),
            str(reason.get("reply", "")),
        ]
    )
    for column in (1, 2, 3):
        item.setToolTip(column, item.text(column))
    return item


class ScoreDialog(QDialog):
    """The score out of 100 and one line per behaviour: met or not, why, and which reply decided it."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trainingScore")
        self.setWindowTitle(self.tr("Training score"))
        self.resize(760, 420)
        self.score_label = QLabel(
            self.tr("{title}: {score} of 100 points")
            .replace("{title}", session.title)
            .replace("{score}", str(session.score))
        )
        self.score_label.setObjectName("trainingScoreValue")
        self.score_label.setStyleSheet("font-size:16pt;font-weight:bold;")
        self.reasons = QTreeWidget()
        self.reasons.setRootIsDecorated(False)
        self.reasons.setWordWrap(True)
        self.reasons.setHeaderLabels(["", self.tr("Behaviour"), self.tr("Why"), self.tr("Reply")])
        self.reasons.addTopLevelItems([_reason_item(r) for r in session.reasons])
        for column, width in enumerate((30, 220, 300)):
            self.reasons.setColumnWidth(column, width)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.score_label)
        layout.addWidget(self.reasons, 1)
        layout.addWidget(buttons)


class HistoryDialog(QDialog):
    """Every finished session, newest first, and "Export report" for a printable page."""

    #: How the exported report is opened; tests replace it to read the file instead.
    open_url: Callable[[QUrl], object] = staticmethod(QDesktopServices.openUrl)

    def __init__(self, data_dir: Path, trainee: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trainingHistory")
        self.setWindowTitle(self.tr("Training history"))
        self.resize(760, 460)
        self.data_dir = data_dir
        self.trainee = trainee
        self.sessions = read_history(data_dir)
        self.list = QTreeWidget()
        self.list.setHeaderLabels([self.tr("Finished"), self.tr("Scenario"), self.tr("Score")])
        self.list.setColumnWidth(0, 140)
        self.list.setColumnWidth(1, 420)
        for session in reversed(self.sessions):
            item = QTreeWidgetItem(
                [local(session.finished).strftime("%d.%m.%Y %H:%M"), session.title, f"{session.score}/100"]
            )
            item.addChildren([_reason_item(r) for r in session.reasons])
            self.list.addTopLevelItem(item)
        self.empty = QLabel(self.tr("No finished practice yet."))
        self.empty.setVisible(not self.sessions)
        self.export_button = QPushButton(self.tr("Export report …"))
        self.export_button.setEnabled(bool(self.sessions))
        self.export_button.clicked.connect(self.export_report)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)

    def report_path(self) -> Path:
        """One report file per trainee in the profile folder; the name keeps only safe characters."""
        safe = "".join(c if c.isalnum() else "-" for c in self.trainee).strip("-") or "trainee"
        return self.data_dir / f"training-report-{safe}.html"

    def export_report(self) -> Path:
        """Write the report (replacing the last one) and open it in the system's browser to print."""
        words = {
            "title": self.tr("Training report"),
            "score": self.tr("Score"),
            "behaviour": self.tr("Behaviour"),
            "why": self.tr("Why"),
            "reply": self.tr("Reply"),
        }
        path = self.report_path()
        temp = path.with_suffix(".tmp")
        temp.write_text(report_html(self.trainee, self.sessions, words), encoding="utf-8")
        os.replace(temp, path)
        self.open_url(QUrl.fromLocalFile(str(path)))
        return path
