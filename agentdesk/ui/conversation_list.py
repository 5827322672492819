"""The middle pane: search over all message text, the sort order, and the conversation list."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QTableView, QVBoxLayout, QWidget

from agentdesk.store import SortOrder
from agentdesk.ui.conversation_delegate import ROW_HEIGHT, ConversationDelegate, SlaLookup
from agentdesk.ui.conversation_model import ConversationListModel


class ConversationList(QWidget):
    conversation_selected = Signal(int)
    query_changed = Signal()  # search text or order changed: the window reloads the ids

    def __init__(
        self,
        model: ConversationListModel,
        now: Callable[[], datetime],
        sla: SlaLookup,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("Ctrl+K  Search all messages …"))
        self.search.setClearButtonEnabled(True)
        self.order = QComboBox()
        self.order.setObjectName("sortOrder")
        for order, label in (
            (SortOrder.DUE, self.tr("Due first")),
            (SortOrder.NEWEST, self.tr("Newest first")),
            (SortOrder.CUSTOMER, self.tr("Customer")),
            (SortOrder.CHANNEL, self.tr("Channel")),
            (SortOrder.RELEVANCE, self.tr("Relevance")),
        ):
            self.order.addItem(label, order)
        self.order.setToolTip(self.tr("Sort order"))
        # A one-column table with fixed row heights: Qt needs no per-row layout, so a reset of
        # 100,000 rows costs about a millisecond and no scroll step comes near a frame.
        self.view = QTableView()
        self.view.setObjectName("conversationList")
        self.view.setModel(model)
        self.view.setItemDelegate(ConversationDelegate(now, sla, self.view))
        header = self.view.verticalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setDefaultSectionSize(ROW_HEIGHT)
        header.hide()
        self.view.horizontalHeader().hide()
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.setShowGrid(False)
        self.view.setWordWrap(False)
        self.view.setTabKeyNavigation(False)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setVerticalScrollMode(QTableView.ScrollMode.ScrollPerPixel)
        self.view.setAccessibleName(self.tr("Conversations"))
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        # Ctrl/Shift+click select several (to reassign them together, or drag them onto the team
        # board); j/k and a plain click still select exactly one and open it.
        self.view.setSelectionMode(QTableView.SelectionMode.ExtendedSelection)
        self.view.setDragEnabled(True)
        self.view.setDragDropMode(QTableView.DragDropMode.DragOnly)
        self.empty = QLabel(self.tr("No conversations here."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setObjectName("emptyList")
        self.empty.hide()

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.order)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty)

        self._search_timer = QTimer(self, singleShot=True, interval=200)
        self._search_timer.timeout.connect(self.query_changed)
        self.search.textChanged.connect(self._search_timer.start)
        self.order.currentIndexChanged.connect(self.query_changed)
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        model.modelReset.connect(self._update_empty)

    def sort_order(self) -> SortOrder:
        return SortOrder(self.order.currentData())  # Qt hands enums back as str

    def search_text(self) -> str:
        return self.search.text().strip()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def current_id(self) -> int | None:
        index = self.view.currentIndex()
        return index.data(ConversationListModel.ID_ROLE) if index.isValid() else None

    def selected_ids(self) -> list[int]:
        """The selected conversations in list order; the current one if nothing is selected."""
        rows = sorted(index.row() for index in self.view.selectionModel().selectedRows())
        ids = [self.model.ids()[row] for row in rows]
        current = self.current_id()
        return ids or ([] if current is None else [current])

    def select_id(self, conversation_id: int | None) -> bool:
        row = None if conversation_id is None else self.model.row_of(conversation_id)
        if row is None:
            return False
        index = self.model.index(row)
        self.view.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.view.scrollTo(index)
        return True

    def step(self, delta: int) -> None:
        """j / k: the next or previous conversation."""
        count = self.model.rowCount()
        if not count:
            return
        current = self.view.currentIndex().row()
        row = 0 if current < 0 else max(0, min(count - 1, current + delta))
        index = self.model.index(row)
        self.view.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.view.scrollTo(index)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.conversation_selected.emit(current.data(ConversationListModel.ID_ROLE))

    def _update_empty(self) -> None:
        empty = self.model.rowCount() == 0
        self.empty.setText(self.tr("No results.") if self.search_text() else self.tr("No conversations here."))
        self.empty.setVisible(empty)
