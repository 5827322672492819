"""The conversation list as a model that loads rows a page at a time, off the GUI thread.

It holds only the ordered ids (cheap even for 100,000 conversations) and the rows of pages that
were looked at; a row not yet loaded shows a placeholder until its page arrives.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from agentdesk.core.entities import ConversationRow
from agentdesk.ui.task_runner import TaskRunner
from agentdesk.ui.triage_widgets import reasons_tooltip

PAGE = 100
_Index = QModelIndex | QPersistentModelIndex


class ConversationListModel(QAbstractListModel):
    ROW_ROLE = Qt.ItemDataRole.UserRole + 1
    ID_ROLE = Qt.ItemDataRole.UserRole + 2

    def __init__(self, fetch_rows: Callable[[list[int]], Awaitable[list[ConversationRow]]], tasks: TaskRunner) -> None:
        super().__init__()
        self._fetch_rows = fetch_rows
        self._tasks = tasks
        self._ids: list[int] = []
        self._position: dict[int, int] = {}
        self._rows: dict[int, ConversationRow] = {}
        self._loading: set[int] = set()
        self._generation = 0

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._ids)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        conv_id = self._ids[index.row()]
        if role == self.ID_ROLE:
            return conv_id
        row = self._rows.get(conv_id)
        if row is None:
            self._request_page(index.row() // PAGE)
            return None
        if role == self.ROW_ROLE:
            return row
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{row.customer_name} ({row.customer_handle}): {row.preview}"
        if role == Qt.ItemDataRole.ToolTipRole:
            why = reasons_tooltip(row.reasons)
            return f"{row.preview}\n\n{why}" if why else row.preview
        return None

    # --- contents ----------------------------------------------------------------------------------
    def set_ids(self, ids: list[int]) -> None:
        """A new list (queue, order or search changed, or rows came and went)."""
        self.beginResetModel()
        self._generation += 1
        self._ids = ids
        self._position = {conv_id: i for i, conv_id in enumerate(ids)}
        self._rows = {k: v for k, v in self._rows.items() if k in self._position}
        self._loading.clear()
        self.endResetModel()

    def refresh_rows(self, ids: set[int]) -> None:
        """Reload rows whose content changed, in place."""
        pages = {self._position[i] // PAGE for i in ids if i in self._position}
        for page in pages:
            self._request_page(page, force=True)

    def ids(self) -> list[int]:
        return self._ids

    def row_of(self, conversation_id: int) -> int | None:
        return self._position.get(conversation_id)

    def loaded_row(self, conversation_id: int) -> ConversationRow | None:
        return self._rows.get(conversation_id)

    # --- paging ------------------------------------------------------------------------------------
    def _request_page(self, page: int, *, force: bool = False) -> None:
        if page in self._loading and not force:
            return
        self._loading.add(page)
        generation = self._generation
        ids = self._ids[page * PAGE : (page + 1) * PAGE]
        self._tasks.run(
            self._fetch_rows(ids), lambda rows: self._page_loaded(page, generation, rows), what="loading the list"
        )

    def _page_loaded(self, page: int, generation: int, rows: list[ConversationRow]) -> None:
        if generation != self._generation:
            return  # the list changed meanwhile; the new list asks again
        self._loading.discard(page)
        for row in rows:
            self._rows[row.id] = row
        first = page * PAGE
        last = min(len(self._ids), first + PAGE) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first), self.index(last))
