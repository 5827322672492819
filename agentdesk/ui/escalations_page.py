"""The supervisor desk's Escalations tab: the Escalated queue with the path, the reason, since when
and who has it. It reads the same store query as the queue (``Queue.ESCALATED``), so the two
never disagree; a double click opens the conversation in the agent window."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from agentdesk.core.escalation import Escalated
from agentdesk.sync.operations import Operations
from agentdesk.ui.escalation_actions import EscalationActions
from agentdesk.ui.escalation_dialog import priority_word
from agentdesk.ui.task_runner import TaskRunner
from agentdesk.ui.time_words import message_time

REFRESH_MS = 300  # changes arrive in bursts while a sync runs: one read after the burst


class EscalationsPage(QWidget):
    def __init__(
        self,
        ops: Operations,
        tasks: TaskRunner,
        escalation: EscalationActions,
        open_conversation: Callable[[int], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("escalationsPage")
        self._ops, self._tasks, self._escalation = ops, tasks, escalation
        self._open = open_conversation
        self.summary = QLabel()
        self.table = QTableWidget(0, 6)
        self.table.setObjectName("escalationsTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Customer"),
                self.tr("Path"),
                self.tr("Reason"),
                self.tr("Since"),
                self.tr("Assigned to"),
                self.tr("Priority"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.cellDoubleClicked.connect(self._double_clicked)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        self._timer = QTimer(self, singleShot=True, interval=REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self.entries: list[Escalated] = []

    def changed(self) -> None:
        """Something changed in the store: read again once the burst is over."""
        if not self._timer.isActive():
            self._timer.start()

    def refresh(self) -> None:
        self._tasks.run(self._refresh(), what="reading the escalations")

    async def _refresh(self) -> None:
        entries = await self._ops.escalations()
        paths = await self._escalation.paths()
        self.entries = entries
        self.table.setRowCount(len(entries))
        now = self._ops.now()
        for row, entry in enumerate(entries):
            path = paths.get(entry.path)
            cells = (
                entry.customer,
                self._escalation.title(path) if path else entry.path,
                entry.reason,
                self._since(entry.since, now),
                " · ".join(who for who in (entry.team, entry.assignee) if who),
                priority_word(entry.priority) if entry.priority else "",
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        self.summary.setText(
            self.tr("{n} open escalated conversations").replace("{n}", str(len(entries)))
            if entries
            else self.tr("No open escalated conversations.")
        )

    @staticmethod
    def _since(at: datetime | None, now: datetime) -> str:
        return message_time(at, now) if at else ""

    def _double_clicked(self, row: int, _column: int) -> None:
        if 0 <= row < len(self.entries):
            self._open(self.entries[row].conversation_id)

    def showEvent(self, event: QShowEvent) -> None:
        self.refresh()
        super().showEvent(event)
