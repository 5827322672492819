"""Conversations as something to drag: selected rows of a conversation list carry their ids, and
the team board takes them on an agent's row (reassignment by drag and drop, also across windows)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QByteArray, QMimeData, QModelIndex, QPersistentModelIndex, Qt

from agentdesk.ui.conversation_model import ConversationListModel

MIME_TYPE = "application/x-agentdesk-conversation-ids"
_Index = QModelIndex | QPersistentModelIndex


def ids_to_mime(ids: Sequence[int]) -> QMimeData:
    data = QMimeData()
    data.setData(MIME_TYPE, QByteArray(",".join(str(i) for i in ids).encode("ascii")))
    data.setText("\n".join(f"conversation {i}" for i in ids))
    return data


def ids_from_mime(data: QMimeData) -> list[int]:
    """The dragged conversation ids; [] for anything else (text from another program)."""
    if not data.hasFormat(MIME_TYPE):
        return []
    raw = bytes(data.data(MIME_TYPE).data()).decode("ascii", errors="replace")
    return [int(part) for part in raw.split(",") if part.isdigit()]


class DraggableConversationModel(ConversationListModel):
    """The conversation list model whose rows can be dragged onto the team board."""

    def flags(self, index: _Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsDragEnabled if index.isValid() else flags

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = sorted({index.row() for index in indexes if index.isValid()})
        return ids_to_mime([self.ids()[row] for row in rows])

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction
