"""Above a conversation that a saved search found: why it is here, and take it or let it go.

A match is not a request yet: *Take into queue* makes it an open conversation like any other
(it then counts for the service level), *Dismiss* files it as resolved. Both go through the
outbox like every status change, so they can be undone the same way.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class MonitoringBar(QFrame):
    take = Signal()
    dismiss = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("monitoringBar")
        self.setStyleSheet("QFrame#monitoringBar{background:#E8F0FE;border:1px solid #1A73E8;border-radius:4px;}")
        self.reasons = QLabel()
        self.reasons.setWordWrap(True)
        self.take_button = QPushButton(self.tr("Take into queue"))
        self.take_button.setToolTip(self.tr("Make it an open conversation in the queue (Shift+T)"))
        self.dismiss_button = QPushButton(self.tr("Dismiss"))
        self.dismiss_button.setToolTip(self.tr("Not for us: file it as resolved (Shift+D)"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.reasons, 1)
        layout.addWidget(self.take_button)
        layout.addWidget(self.dismiss_button)
        self.take_button.clicked.connect(self.take)
        self.dismiss_button.clicked.connect(self.dismiss)
        self.hide()

    def show_reasons(self, reasons: list[str]) -> None:
        """Which searches of which accounts found it ("Mastodon: Wellenreich")."""
        self.reasons.setText(self.tr("Found by monitoring: {reasons}").replace("{reasons}", ", ".join(reasons) or "–"))
        self.show()
