"""The small dialog behind Escalate (Shift+E): which path, and why (required, it becomes the note)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from agentdesk.core.escalation import EscalationPath


class EscalationDialog(QDialog):
    chosen = Signal(object, str)  # EscalationPath, reason

    def __init__(
        self,
        paths: Sequence[EscalationPath],
        title: Callable[[EscalationPath], str],
        current: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("escalationDialog")
        self.setWindowTitle(self.tr("Escalate conversation"))
        self.setMinimumWidth(460)
        self._paths = list(paths)
        self.path_box = QComboBox()
        for path in self._paths:
            self.path_box.addItem(title(path), path.id)
        self.path_box.setAccessibleName(self.tr("Escalation path"))
        self.target = QLabel()
        self.target.setWordWrap(True)
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("escalationReason")
        self.reason.setPlaceholderText(self.tr("Why? This becomes an internal note the customer never sees."))
        self.reason.setAccessibleName(self.tr("Reason"))
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(90)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Escalate"))
        form = QFormLayout()
        form.addRow(self.tr("&Path"), self.path_box)
        form.addRow("", self.target)
        form.addRow(self.tr("&Reason"), self.reason)
        layout = QVBoxLayout(self)
        if current:
            already = next((title(p) for p in self._paths if p.id == current), current)
            note = QLabel(self.tr("Already escalated to {path}.").replace("{path}", already))
            note.setObjectName("alreadyEscalated")
            layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.path_box.currentIndexChanged.connect(self._describe)
        self.reason.textChanged.connect(self._enable)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        self._describe()
        self._enable()
        self.reason.setFocus()

    def path(self) -> EscalationPath:
        return self._paths[self.path_box.currentIndex()]

    def _describe(self) -> None:
        path = self.path()
        whom = (
            self.tr("Goes to the team {team}").replace("{team}", path.team)
            if path.team
            else self.tr("Goes to {person}").replace("{person}", path.person)
        )
        parts = [whom]
        if path.priority:
            parts.append(self.tr("priority at least {priority}").replace("{priority}", priority_word(path.priority)))
        if path.notify and path.person:
            parts.append(self.tr("notified at once"))
        self.target.setText(" · ".join(parts))

    def _enable(self) -> None:
        self.ok_button.setEnabled(bool(self.reason.toPlainText().strip()))

    def _accept(self) -> None:
        reason = self.reason.toPlainText().strip()
        if not reason:  # the button is off then; Enter in a field must not slip past it
            return
        self.chosen.emit(self.path(), reason)
        self.accept()


def priority_word(priority: str) -> str:
    """Chatwoot's priority in the UI's words."""
    words = {
        "low": QCoreApplication.translate("Priority", "low"),
        "medium": QCoreApplication.translate("Priority", "medium"),
        "high": QCoreApplication.translate("Priority", "high"),
        "urgent": QCoreApplication.translate("Priority", "urgent"),
    }
    return words.get(priority, priority)
