"""*Split into a thread*: the long reply as numbered parts the agent can still edit before sending.

The parts come from ``agentdesk.core.split``; each has its own counter, counted the platform's
way, and the thread can only be sent when every part fits and nothing in a part blocks sending.
Opened with ``open()`` (never ``exec()``), so the qasync loop keeps running underneath.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from agentdesk.core.checks import BLOCKING, Finding, is_blocked
from agentdesk.core.length import Measure
from agentdesk.ui.length_counter import LengthCounter

#: Counts a part and runs the pre-send checks on it (the editor's own rules).
Assess = Callable[[str], tuple[Measure, list[Finding]]]


class SplitDialog(QDialog):
    def __init__(self, parts: list[str], assess: Assess, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("splitDialog")
        self.setWindowTitle(self.tr("Split into a thread"))
        self._assess = assess
        self.edits: list[QPlainTextEdit] = []
        self.counters: list[LengthCounter] = []
        grid = QGridLayout()
        for number, part in enumerate(parts, 1):
            label = QLabel(f"{number}/{len(parts)}")
            edit = QPlainTextEdit(part)
            edit.setObjectName("threadPart")
            edit.setAccessibleName(self.tr("Part {n}").replace("{n}", str(number)))
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 5)
            counter = LengthCounter()
            edit.textChanged.connect(self._update)
            grid.addWidget(label, number - 1, 0)
            grid.addWidget(edit, number - 1, 1)
            grid.addWidget(counter, number - 1, 2)
            self.edits.append(edit)
            self.counters.append(counter)
        body = QWidget()
        body.setLayout(grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.send_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.send_button.setText(self.tr("Send as thread"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Each part is sent as a reply to the one before.")))
        layout.addWidget(scroll, 1)
        layout.addWidget(self.buttons)
        self.resize(640, 480)
        self._update()

    def parts(self) -> list[str]:
        return [edit.toPlainText().strip() for edit in self.edits]

    def _update(self) -> None:
        sendable = True
        for part, counter in zip(self.parts(), self.counters, strict=True):
            result, findings = self._assess(part)
            counter.show_measure(result)
            blocking = [f.message for f in findings if f.severity == BLOCKING]
            if blocking:
                counter.setToolTip("\n".join(blocking))
            sendable = sendable and bool(part) and not is_blocked(findings)
        self.send_button.setEnabled(sendable)
