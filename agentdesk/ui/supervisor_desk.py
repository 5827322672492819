"""The supervisor's desk: a window of its own beside the agent window, one tab per view.

Each view (team board, escalations, charts, trainees) is a widget of its own module; the desk
only holds them and says, above them all, when team data needs a backend.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget


class SupervisorDesk(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("supervisorDesk")
        self.setWindowTitle(self.tr("Supervisor desk – AgentDesk"))
        self.resize(1100, 720)
        self.notice = QLabel()
        self.notice.setObjectName("deskNotice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("background:#FFF4CE;border:1px solid #C19C00;padding:6px;")
        self.notice.hide()
        self.tabs = QTabWidget()
        layout = QVBoxLayout(self)
        layout.addWidget(self.notice)
        layout.addWidget(self.tabs, 1)

    def add_page(self, page: QWidget, title: str) -> None:
        self.tabs.addTab(page, title)

    def set_notice(self, text: str) -> None:
        """A plain-words line above every tab, e.g. that team data needs a backend; "" hides it."""
        self.notice.setText(text)
        self.notice.setVisible(bool(text))
