"""The findings under the reply editor: one row per pre-send finding, with the fix where one exists.

Severity is shown by an icon and a word as well as by colour (⛔ blocking, ⚠ warning), so it reads
the same without colour. Rows are rebuilt only when what they say changes: while the agent types,
most keystrokes only move the findings, and the rows just take the new positions.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from agentdesk.core.checks import BLOCKING, Finding
from agentdesk.core.checks.finding import FIX_ANSWER_PRIVATELY, FIX_LOWERCASE, FIX_SINGLE_MARK, FIX_SPLIT_THREAD

BLOCKING_COLOUR = "#B00020"
WARNING_COLOUR = "#B26A00"


class FindingRow(QWidget):
    """One finding: icon, one-line reason, and a fix button if the editor can apply one."""

    fix_clicked = Signal()
    clicked = Signal()

    def __init__(self, finding: Finding, fix_label: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.finding = finding
        blocking = finding.severity == BLOCKING
        self.icon = QLabel("⛔" if blocking else "⚠")
        self.icon.setStyleSheet(f"color: {BLOCKING_COLOUR if blocking else WARNING_COLOUR};")
        self.icon.setAccessibleName(self.tr("Blocks sending") if blocking else self.tr("Warning"))
        self.reason = QLabel(finding.message)
        self.reason.setObjectName("findingReason")
        self.reason.setToolTip(finding.message)
        self.reason.setCursor(Qt.CursorShape.PointingHandCursor)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.icon)
        layout.addWidget(self.reason, 1)
        self.fix_button: QPushButton | None = None
        if fix_label:
            self.fix_button = QPushButton(fix_label)
            self.fix_button.setObjectName("findingFix")
            self.fix_button.clicked.connect(self.fix_clicked)
            layout.addWidget(self.fix_button)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.clicked.emit()
        super().mousePressEvent(event)


class FindingsList(QWidget):
    """The rows for the current findings; hidden when there are none."""

    fix_requested = Signal(object)  # Finding
    finding_activated = Signal(object)  # Finding: show its span in the text

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findings")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 2, 0, 2)
        self._layout.setSpacing(2)
        self.rows: list[FindingRow] = []
        self._shown: list[tuple[str, str, str, str | None]] = []
        self.hide()

    def set_findings(self, findings: list[Finding]) -> None:
        shown = [(f.code, f.severity, f.message, f.fix) for f in findings]
        if shown == self._shown:
            for row, finding in zip(self.rows, findings, strict=True):
                row.finding = finding
            return
        self._shown = shown
        for row in self.rows:
            self._layout.removeWidget(row)
            row.deleteLater()
        self.rows = [self._row(finding) for finding in findings]
        self.setVisible(bool(self.rows))

    def _row(self, finding: Finding) -> FindingRow:
        row = FindingRow(finding, self._fix_label(finding.fix), self)
        row.fix_clicked.connect(lambda: self.fix_requested.emit(row.finding))
        row.clicked.connect(lambda: self.finding_activated.emit(row.finding))
        self._layout.addWidget(row)
        return row

    def _fix_label(self, fix: str | None) -> str | None:
        labels = {
            FIX_ANSWER_PRIVATELY: self.tr("Answer privately"),
            FIX_SPLIT_THREAD: self.tr("Split into a thread"),
            FIX_LOWERCASE: self.tr("Lowercase"),
            FIX_SINGLE_MARK: self.tr("Use one mark"),
        }
        return labels.get(fix) if fix else None
