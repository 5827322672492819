"""The team board, a tab of the supervisor's desk: one row per agent (online/away, open, at risk,
breached, oldest waiting) and the unassigned pool; Enter or a double-click lists that agent's
queue below it, where conversations can be selected and reassigned. Conversations dragged from
either list onto an agent's row go to that agent.

The numbers come from one store query off the GUI thread, again when conversations change and
every few seconds (SLA states move on with the clock; who is online arrives with the sync).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from PySide6.QtCore import (
    QAbstractTableModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QHideEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from agentdesk.core.entities import Account
from agentdesk.core.team import Availability, BoardRow
from agentdesk.sync.operations import Operations
from agentdesk.ui.conversation_drag import MIME_TYPE, DraggableConversationModel, ids_from_mime
from agentdesk.ui.conversation_list import ConversationList
from agentdesk.ui.event_bridge import EventBridge
from agentdesk.ui.reassign_dialog import ReassignFlow, availability_words
from agentdesk.ui.service_levels import ServiceLevels
from agentdesk.ui.task_runner import TaskRunner
from agentdesk.ui.time_words import short_age

#: Account kinds whose source knows the team (the sandbox simulates one).
TEAM_BACKENDS = frozenset({"chatwoot", "sandbox"})
REFRESH_MS = 10_000  # the clock moves SLA states on; availability arrives with the sync
_Index = QModelIndex | QPersistentModelIndex
_AT_RISK, _BREACHED = QColor("#FFF1D6"), QColor("#FDE2E4")  # as the list's badges; always with a mark
_AVAILABILITY_MARK = {Availability.ONLINE: "● ", Availability.BUSY: "◐ ", Availability.OFFLINE: "○ "}


class TeamBoardModel(QAbstractTableModel):
    """Board rows; an agent's row takes dropped conversations (the pool's row unassigns them)."""

    NAME_ROLE = Qt.ItemDataRole.UserRole + 1
    conversations_dropped = Signal(list, str)  # conversation ids, assignee ("" = the pool)

    def __init__(self, now: Callable[[], datetime], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._now = now
        self._rows: list[BoardRow] = []
        self._headers = [
            self.tr("Agent"),
            self.tr("Status"),
            self.tr("Open"),
            self.tr("At risk"),
            self.tr("Breached"),
            self.tr("Oldest waiting"),
        ]

    def set_rows(self, rows: Sequence[BoardRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[BoardRow]:
        return self._rows

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row, column = self._rows[index.row()], index.column()
        if role == self.NAME_ROLE:
            return row.name
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(row, column)
        if role == Qt.ItemDataRole.BackgroundRole:
            if column == 3 and row.at_risk:
                return _AT_RISK
            if column == 4 and row.breached:
                return _BREACHED
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (2, 3, 4, 5):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and not row.name:
            font = QFont()
            font.setItalic(True)  # the pool is no person
            return font
        return None

    def _text(self, row: BoardRow, column: int) -> str:
        match column:
            case 0:
                return row.name or self.tr("Unassigned")
            case 1:
                if row.availability is None:
                    return "—"
                return _AVAILABILITY_MARK[row.availability] + availability_words(row.availability)
            case 2:
                return str(row.open)
            case 3:
                return f"⏳ {row.at_risk}" if row.at_risk else "0"
            case 4:
                return f"⛔ {row.breached}" if row.breached else "0"
            case _:
                return short_age(row.oldest_waiting, self._now()) if row.oldest_waiting else "—"

    # --- dropping conversations on an agent ---------------------------------------------------------
    def flags(self, index: _Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsDropEnabled if index.isValid() else flags

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: _Index) -> bool:
        return self._target(row, parent) is not None and bool(ids_from_mime(data))

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: _Index) -> bool:
        target, ids = self._target(row, parent), ids_from_mime(data)
        if target is None or not ids:
            return False
        self.conversations_dropped.emit(ids, target.name)
        return True

    def _target(self, row: int, parent: _Index) -> BoardRow | None:
        """The row dropped on: Qt names it as ``parent`` (on an item) or as ``row`` (between items)."""
        at = parent.row() if parent.isValid() else row
        return self._rows[at] if 0 <= at < len(self._rows) else None


class TeamBoard(QWidget):
    notice_changed = Signal(str)  # "" when a team backend tells us who is who

    def __init__(
        self,
        ops: Operations,
        tasks: TaskRunner,
        service_levels: ServiceLevels,
        bridge: EventBridge,
        accounts: Sequence[Account],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("teamBoard")
        self._ops, self._tasks, self._levels = ops, tasks, service_levels
        self._has_backend = any(a.kind in TEAM_BACKENDS for a in accounts)
        self.flow = ReassignFlow(ops, tasks, self)
        self.model = TeamBoardModel(ops.now, self)
        self.board = QTableView()
        self.board.setObjectName("teamBoardTable")
        self.board.setAccessibleName(self.tr("Team board"))
        self.board.setModel(self.model)
        self.board.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.board.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.board.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.board.setAcceptDrops(True)
        self.board.setDragDropMode(QTableView.DragDropMode.DropOnly)
        self.board.setDragDropOverwriteMode(True)  # a drop lands on an agent, never between rows
        self.board.setDropIndicatorShown(True)
        self.board.verticalHeader().hide()
        header = self.board.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.board.setToolTip(self.tr("Enter or double-click: that agent's queue. Drop conversations on an agent."))

        self.queue_title = QLabel(self.tr("Pick an agent above to see their queue."))
        self.queue_title.setObjectName("agentQueueTitle")
        self.queue_model = DraggableConversationModel(ops.rows, tasks)
        self.queue = ConversationList(self.queue_model, ops.now, service_levels.row_status)
        self.queue.setObjectName("agentQueue")
        self.queue.search.hide()  # an agent's queue is short and ordered by due time
        self.queue.order.hide()
        self.reassign_button = QPushButton(self.tr("Reassign …"))
        self.reassign_button.setToolTip(self.tr("Reassign the selected conversations (Shift+R)"))
        self.status = QLabel()
        self.status.setObjectName("teamBoardStatus")

        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        title_row = QHBoxLayout()
        title_row.addWidget(self.queue_title, 1)
        title_row.addWidget(self.reassign_button)
        bottom_layout.addLayout(title_row)
        bottom_layout.addWidget(self.queue, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.board)
        split.addWidget(bottom)
        split.setSizes([300, 360])
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addWidget(self.status)

        self._agent: str | None = None  # whose queue is listed
        self._refresh_timer = QTimer(self, singleShot=True, interval=300)
        self._refresh_timer.timeout.connect(self.refresh)
        self._clock = QTimer(self, interval=REFRESH_MS)
        self._clock.timeout.connect(self.refresh)
        self.board.activated.connect(self._show_queue_of)
        self.model.conversations_dropped.connect(self.flow.reassign)
        self.reassign_button.clicked.connect(self.reassign_selected)
        QShortcut(QKeySequence("Shift+R"), self, activated=self.reassign_selected)
        self.flow.done.connect(self.status.setText)
        bridge.conversations_changed.connect(lambda _ids, _membership: self._changed())

    def _changed(self) -> None:
        if self.isVisible():
            self._refresh_timer.start()

    def refresh(self) -> None:
        if self.isVisible():
            self._tasks.run(self._refresh(), what="reading the team board")

    async def _refresh(self) -> None:
        rows = await self._ops.team_board(self._levels.policy, self._levels.calendar)
        current = self.board.currentIndex().row()
        self.model.set_rows(rows)
        if 0 <= current < len(rows):
            self.board.selectRow(current)
        knows_team = any(row.availability is not None for row in rows)
        self.notice_changed.emit("" if self._has_backend and knows_team else self._notice())
        if self._agent is not None:
            await self._load_queue(self._agent)

    def _notice(self) -> str:
        return self.tr(
            "Team data needs a backend (Chatwoot): with direct platform accounts only, AgentDesk does not "
            "know who is online or which channels and languages colleagues handle. The board shows what "
            "this computer knows: open conversations by assignee."
        )

    def _show_queue_of(self, index: QModelIndex) -> None:
        self.show_queue(str(index.data(TeamBoardModel.NAME_ROLE)))

    def show_queue(self, name: str) -> None:
        """List one agent's open conversations ("" : the unassigned pool) below the board."""
        self._agent = name
        self.queue_title.setText(
            self.tr("Queue of {name}").replace("{name}", name) if name else self.tr("Unassigned conversations")
        )
        self._tasks.run(self._load_queue(name), what="loading the agent's queue")

    async def _load_queue(self, name: str) -> None:
        ids = await self._ops.agent_queue_ids(name)
        if name == self._agent and ids != self.queue_model.ids():
            self.queue_model.set_ids(ids)

    def reassign_selected(self) -> None:
        self.flow.open_dialog(self.queue.selected_ids(), self)

    def showEvent(self, event: QShowEvent) -> None:
        """Read while shown, and only then: a closed desk costs nothing."""
        super().showEvent(event)
        self._clock.start()
        self.refresh()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._clock.stop()
        self._refresh_timer.stop()
