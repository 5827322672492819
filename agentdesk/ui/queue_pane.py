"""The left pane: the queues with their live counts."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont, QPainter, QPalette
from PySide6.QtWidgets import QListView, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from agentdesk.core.entities import Queue

_Index = QModelIndex | QPersistentModelIndex


def queue_title(queue: Queue) -> str:
    titles = {
        Queue.MINE: QCoreApplication.translate("Queues", "Mine"),
        Queue.UNASSIGNED: QCoreApplication.translate("Queues", "Unassigned"),
        Queue.ALL_OPEN: QCoreApplication.translate("Queues", "All open"),
        Queue.ESCALATED: QCoreApplication.translate("Queues", "Escalated"),
        Queue.MONITORING: QCoreApplication.translate("Queues", "Monitoring"),
        Queue.WAITING: QCoreApplication.translate("Queues", "Waiting on customer"),
        Queue.RESOLVED: QCoreApplication.translate("Queues", "Resolved"),
        Queue.SPAM: QCoreApplication.translate("Queues", "Spam"),
    }
    return titles[queue]


class QueueModel(QAbstractListModel):
    QUEUE_ROLE = Qt.ItemDataRole.UserRole + 1
    COUNT_ROLE = Qt.ItemDataRole.UserRole + 2
    COUNT_TEXT_ROLE = Qt.ItemDataRole.UserRole + 3

    def __init__(self) -> None:
        super().__init__()
        self._queues = list(Queue)
        self._counts: dict[Queue, int] = {}

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._queues)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        queue = self._queues[index.row()]
        count = self._counts.get(queue)
        if role == Qt.ItemDataRole.DisplayRole:
            return queue_title(queue)
        if role == self.COUNT_TEXT_ROLE:
            return "" if count is None or queue is Queue.RESOLVED else str(count)
        if role == Qt.ItemDataRole.ToolTipRole and count is not None:
            return QCoreApplication.translate("Queues", "{n} conversations").replace("{n}", str(count))
        if role == Qt.ItemDataRole.FontRole and queue is Queue.MINE and count:
            font = QFont()
            font.setBold(True)
            return font
        if role == self.QUEUE_ROLE:
            return queue
        if role == self.COUNT_ROLE:
            return count
        return None

    def set_counts(self, counts: dict[Queue, int]) -> None:
        self._counts = counts
        self.dataChanged.emit(self.index(0), self.index(len(self._queues) - 1))

    def row_of(self, queue: Queue) -> int:
        return self._queues.index(queue)


class _CountDelegate(QStyledItemDelegate):
    """The queue's name on the left, its count on the right."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        super().paint(painter, option, index)
        count = index.data(QueueModel.COUNT_TEXT_ROLE)
        if count:
            painter.save()
            selected = option.state & QStyle.StateFlag.State_Selected  # type: ignore[attr-defined]
            role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
            painter.setPen(option.palette.color(role))  # type: ignore[attr-defined]
            rect = option.rect.adjusted(0, 0, -10, 0)  # type: ignore[attr-defined]
            painter.drawText(rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, count)
            painter.restore()


class QueuePane(QListView):
    queue_selected = Signal(object)  # Queue

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("queuePane")
        self.queues = QueueModel()
        self.setModel(self.queues)
        self.setItemDelegate(_CountDelegate(self))
        self.setAccessibleName(self.tr("Queues"))
        self.setUniformItemSizes(True)
        self.setSpacing(1)
        self.setStyleSheet("QListView#queuePane::item { padding: 5px 6px; }")
        self.selectionModel().currentChanged.connect(self._current_changed)
        self.setCurrentIndex(self.queues.index(self.queues.row_of(Queue.MINE)))

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.queue_selected.emit(current.data(QueueModel.QUEUE_ROLE))

    def current_queue(self) -> Queue:
        return self.currentIndex().data(QueueModel.QUEUE_ROLE) or Queue.MINE
