"""After a practice: the score dialog; a trainee's sessions (per scenario, with the trend) and the
printable report, shown to the trainee (History) and to a supervisor (the desk's Trainees tab).

The report is plain HTML with every text escaped: scenario titles, reasons and above all the
trainee's own replies are text, never markup. It is written on the files thread.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from agentdesk.core.training.history import ScenarioSummary, Session, per_scenario
from agentdesk.ui.task_runner import TaskRunner
from agentdesk.ui.time_words import local
from agentdesk.ui.training_files import TrainingFiles, safe_name, write_report

MET, NOT_MET = "✓", "✗"  # never colour alone: the mark says it


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


def report_file(folder: Path, trainee: str) -> Path:
    """One report file per trainee; the name keeps only safe characters."""
    return folder / f"training-report-{safe_name(trainee).replace(' ', '-')}.html"


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


def trend_text(summary: ScenarioSummary) -> str:
    """ "↑ +25", "↓ −10" or "→ 0": the arrow and the sign say it, not a colour."""
    if summary.trend > 0:
        return f"↑ +{summary.trend}"
    if summary.trend < 0:
        return f"↓ −{-summary.trend}"
    return "→ 0"


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


class SessionsView(QWidget):
    """One trainee's sessions: per scenario (attempts, last, best, trend), then every session newest
    first with its reasons; a double-click opens a session's score; "Export report" writes the page."""

    #: How the exported report is opened; tests replace it to read the file instead.
    open_url: Callable[[QUrl], object] = staticmethod(QDesktopServices.openUrl)

    def __init__(self, files: TrainingFiles, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.files, self.tasks = files, tasks
        self.trainee = ""
        self.sessions: list[Session] = []
        self.report_folder: Path | None = None
        self.heading = QLabel()
        self.heading.setObjectName("trainingTrainee")
        self.heading.setStyleSheet("font-weight:bold;")
        self.scenarios = QTreeWidget()
        self.scenarios.setObjectName("trainingPerScenario")
        self.scenarios.setRootIsDecorated(False)
        self.scenarios.setHeaderLabels(
            [self.tr("Scenario"), self.tr("Attempts"), self.tr("Last"), self.tr("Best"), self.tr("Trend")]
        )
        self.scenarios.setColumnWidth(0, 360)
        self.list = QTreeWidget()
        self.list.setObjectName("trainingSessions")
        self.list.setHeaderLabels([self.tr("Finished"), self.tr("Scenario"), self.tr("Score")])
        self.list.setColumnWidth(0, 140)
        self.list.setColumnWidth(1, 420)
        self.list.itemActivated.connect(self._activated)
        self.empty = QLabel(self.tr("No finished practice yet."))
        self.export_button = QPushButton(self.tr("Export report …"))
        self.export_button.setObjectName("trainingExport")
        self.export_button.clicked.connect(self._export_clicked)
        self.exported = QLabel()
        self.exported.setObjectName("trainingExported")
        self.exported.setWordWrap(True)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.scenarios)
        split.addWidget(self.list)
        split.setSizes([160, 300])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.empty)
        layout.addWidget(split, 1)
        layout.addWidget(self.exported)
        layout.addWidget(self.export_button)
        self.show_sessions("", [], None)

    def show_sessions(self, trainee: str, sessions: list[Session], report_folder: Path | None) -> None:
        """Show ``trainee``'s sessions; the report goes to ``report_folder`` (None: no export)."""
        self.trainee, self.sessions, self.report_folder = trainee, sessions, report_folder
        self.heading.setText(trainee)
        self.heading.setVisible(bool(trainee))
        self.scenarios.clear()
        for summary in per_scenario(sessions):
            item = QTreeWidgetItem(
                [summary.title, str(len(summary.scores)), str(summary.last), str(summary.best), trend_text(summary)]
            )
            item.setToolTip(4, " → ".join(str(s) for s in summary.scores))
            self.scenarios.addTopLevelItem(item)
        self.list.clear()
        for session in reversed(sessions):
            item = QTreeWidgetItem(
                [local(session.finished).strftime("%d.%m.%Y %H:%M"), session.title, f"{session.score}/100"]
            )
            item.addChildren([_reason_item(r) for r in session.reasons])
            self.list.addTopLevelItem(item)
        self.empty.setVisible(not sessions)
        self.export_button.setEnabled(bool(sessions) and report_folder is not None)
        self.exported.clear()

    def _activated(self, item: QTreeWidgetItem) -> None:
        if item.parent() is None:
            self.open_session(self.list.indexOfTopLevelItem(item))

    def open_session(self, row: int) -> ScoreDialog:
        """The score dialog of the session in ``row`` (newest first): its score and every reason."""
        dialog = ScoreDialog(self.sessions[len(self.sessions) - 1 - row], self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()  # never exec(): no nested event loop under qasync
        return dialog

    def _export_clicked(self) -> None:
        self.tasks.run(self.export_report(), what="exporting the training report")

    async def export_report(self) -> Path | None:
        """Write the report (replacing the last one) on the files thread, then open it to print.

        A folder that cannot be written is said below the list; None then.
        """
        if self.report_folder is None:
            return None
        words = {
            "title": self.tr("Training report"),
            "score": self.tr("Score"),
            "behaviour": self.tr("Behaviour"),
            "why": self.tr("Why"),
            "reply": self.tr("Reply"),
        }
        html = report_html(self.trainee, self.sessions, words)
        try:
            path = await self.files.run(write_report, report_file(self.report_folder, self.trainee), html)
        except OSError as exc:
            self.exported.setText(self.tr("The report could not be saved: {0}").replace("{0}", str(exc)))
            return None
        self.exported.setText(self.tr("Report saved: {path}").replace("{path}", str(path)))
        self.open_url(QUrl.fromLocalFile(str(path)))
        return path


class HistoryDialog(QDialog):
    """The trainee's own sessions and report (the history was read on the files thread)."""

    def __init__(
        self,
        files: TrainingFiles,
        tasks: TaskRunner,
        trainee: str,
        sessions: list[Session],
        data_dir: Path,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("trainingHistory")
        self.setWindowTitle(self.tr("Training history"))
        self.resize(760, 560)
        self.view = SessionsView(files, tasks)
        self.view.show_sessions(trainee, sessions, data_dir)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
