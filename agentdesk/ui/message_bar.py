"""The one place where the window tells the user something went wrong: a calm inline bar.

Messages sent before the window exists are kept and shown when it appears, so nothing said at
start-up is lost.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget


class MessageBar(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setObjectName("messageText")
        close = QToolButton()
        close.setText("✕")
        close.setToolTip(self.tr("Dismiss"))
        close.clicked.connect(self.dismiss)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(close)
        self.setStyleSheet("#messageBar { background: #FFF4E5; border: 1px solid #E8A33D; border-radius: 4px; }")
        self._lines: list[str] = []
        self.hide()

    def show_message(self, text: str) -> None:
        if text in self._lines:
            return
        self._lines = [*self._lines[-2:], text]
        self.label.setText("\n".join(self._lines))
        self.show()

    def dismiss(self) -> None:
        self._lines = []
        self.hide()
