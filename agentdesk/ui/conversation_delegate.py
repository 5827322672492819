"""Paints one conversation row: channel badge, customer, private tag, first line, waiting time."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from agentdesk.core.channels import Audience
from agentdesk.core.entities import ConversationRow
from agentdesk.core.sla import SlaState, SlaStatus
from agentdesk.ui.channel_badges import channel_pixmap
from agentdesk.ui.conversation_model import ConversationListModel
from agentdesk.ui.escalation_dialog import priority_word
from agentdesk.ui.time_words import short_age
from agentdesk.ui.triage_widgets import badge_text

PRIVATE_COLOUR = QColor("#6B3FA0")  # violet "privat"/"DM" tag, see UI.md
REASON_BG, REASON_FG = QColor("#E6EEF9"), QColor("#1F3A68")  # triage marks: a word, never colour alone
ROW_HEIGHT = 50


#: Badge colours and marks per service-level state (never colour alone: each has a mark).
_BADGE: dict[SlaState, tuple[str, str, str]] = {
    SlaState.ON_TRACK: ("#ECEEF1", "#4B5563", ""),
    SlaState.AT_RISK: ("#FFF1D6", "#8A5300", "⏳ "),
    SlaState.BREACHED: ("#FDE2E4", "#B00020", "⛔ "),
    SlaState.PAUSED: ("#ECEEF1", "#6B7280", "⏸ "),
}

#: Priority marks (background, text, mark): the word always shows, the colour only adds to it.
_PRIORITY: dict[str, tuple[str, str, str]] = {
    "urgent": ("#FDE2E4", "#B00020", "▲▲"),
    "high": ("#FFF1D6", "#8A5300", "▲"),
    "medium": ("#ECEEF1", "#4B5563", "■"),
    "low": ("#ECEEF1", "#6B7280", "▼"),
}

SlaLookup = Callable[[ConversationRow, datetime], SlaStatus | None]


class ConversationDelegate(QStyledItemDelegate):
    def __init__(self, now: Callable[[], datetime], sla: SlaLookup, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._now = now
        self._sla = sla

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        return QSize(320, ROW_HEIGHT)

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        painter.save()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)  # type: ignore[attr-defined]
        palette: QPalette = option.palette  # type: ignore[attr-defined]
        rect: QRect = option.rect  # type: ignore[attr-defined]
        if selected:
            painter.fillRect(rect, palette.highlight())
        text_colour = palette.highlightedText().color() if selected else palette.text().color()
        muted = QColor(text_colour)
        muted.setAlpha(150)
        row: ConversationRow | None = index.data(ConversationListModel.ROW_ROLE)
        if row is None:
            painter.setPen(muted)
            painter.drawText(rect.adjusted(12, 0, 0, 0), Qt.AlignmentFlag.AlignVCenter, "…")
            painter.restore()
            return
        self._paint_row(painter, rect, row, text_colour, muted, option.font)  # type: ignore[attr-defined]
        painter.setPen(QColor(0, 0, 0, 25))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        painter.restore()

    def _paint_row(
        self, painter: QPainter, rect: QRect, row: ConversationRow, text_colour: QColor, muted: QColor, base: QFont
    ) -> None:
        painter.drawPixmap(rect.left() + 8, rect.top() + 7, channel_pixmap(row.channel, 18))
        left = rect.left() + 34
        right = rect.right() - 8
        top = rect.top() + 5
        line_h = (ROW_HEIGHT - 10) // 2

        name_font = QFont(base)
        name_font.setBold(row.unread)
        painter.setFont(name_font)
        age = short_age(row.waiting_since or row.last_message_at, self._now())
        small = QFont(base)
        small.setPointSizeF(base.pointSizeF() * 0.9)
        age_width = QFontMetrics(small).horizontalAdvance(age) + 4

        x = left
        if row.audience is Audience.PRIVATE:
            tag = QCoreApplication.translate("ConversationList", "private")
            tag_font = QFont(small)
            tag_font.setBold(True)
            width = QFontMetrics(tag_font).horizontalAdvance(tag) + 10
            tag_rect = QRect(right - age_width - width - 6, top + 2, width, line_h - 4)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(PRIVATE_COLOUR)
            painter.drawRoundedRect(tag_rect, 4, 4)
            painter.setFont(tag_font)
            painter.setPen(QColor("white"))
            painter.drawText(tag_rect, Qt.AlignmentFlag.AlignCenter, tag)
            name_right = tag_rect.left() - 6
        else:
            name_right = right - age_width - 6
        painter.setFont(name_font)
        painter.setPen(text_colour)
        name = row.customer_name or row.customer_handle
        handle = f"  {row.customer_handle}" if row.customer_handle and row.customer_handle != name else ""
        metrics = QFontMetrics(name_font)
        shown = metrics.elidedText(name + handle, Qt.TextElideMode.ElideRight, max(20, name_right - x))
        painter.drawText(QRect(x, top, name_right - x, line_h), Qt.AlignmentFlag.AlignVCenter, shown)

        painter.setFont(small)
        painter.setPen(muted)
        painter.drawText(QRect(right - age_width, top, age_width, line_h), Qt.AlignmentFlag.AlignRight, age)

        second = QRect(left, top + line_h, right - left, line_h)
        preview_right = right - self._paint_badge(painter, row, second, small)
        preview_right -= self._paint_priority(painter, row, second.adjusted(0, 0, preview_right - right, 0), small)
        preview_right -= self._paint_reasons(painter, row, second.adjusted(0, 0, preview_right - right, 0), small)
        preview_font = QFont(base)
        painter.setFont(preview_font)
        painter.setPen(muted)
        preview = QFontMetrics(preview_font).elidedText(row.preview, Qt.TextElideMode.ElideRight, preview_right - left)
        painter.drawText(
            QRect(left, top + line_h, preview_right - left, line_h), Qt.AlignmentFlag.AlignVCenter, preview
        )

    def _paint_badge(self, painter: QPainter, row: ConversationRow, line: QRect, font: QFont) -> int:
        """The service-level countdown at the line's right end; returns the width it took."""
        status = self._sla(row, self._now())
        if status is None:
            return 0
        background, colour, mark = _BADGE[status.state]
        minutes = int(abs(status.business_left.total_seconds()) // 60)
        sign = "−" if status.state is SlaState.BREACHED else ""
        text = f"{mark}{sign}{minutes // 60}:{minutes % 60:02d}"
        bold = status.state in (SlaState.AT_RISK, SlaState.BREACHED)
        return _paint_pill(painter, line, text, font, bold, background, colour, padding=12)

    @staticmethod
    def _paint_priority(painter: QPainter, row: ConversationRow, line: QRect, font: QFont) -> int:
        """The priority as a word with a mark ("▲ dringend"), never colour alone; returns its width."""
        if row.priority not in _PRIORITY:
            return 0
        background, colour, mark = _PRIORITY[row.priority]
        text = f"{mark} {priority_word(row.priority)}"
        bold = row.priority in ("high", "urgent")
        return _paint_pill(painter, line, text, font, bold, background, colour, padding=10)

    @staticmethod
    def _paint_reasons(painter: QPainter, row: ConversationRow, line: QRect, font: QFont) -> int:
        """Why it ranks high, as small word marks ("Anwalt", "Presse") right-aligned before the
        service-level badge; returns the width they took. At most two, so the preview keeps room."""
        words = [w for w in (badge_text(code) for code in row.reasons) if w][:2]
        if not words:
            return 0
        mark_font = QFont(font)
        mark_font.setBold(True)
        metrics = QFontMetrics(mark_font)
        x = line.right()
        painter.setFont(mark_font)
        for word in reversed(words):
            width = metrics.horizontalAdvance(word) + 10
            rect = QRect(x - width, line.top() + 3, width, line.height() - 6)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(REASON_BG)
            painter.drawRoundedRect(rect, 4, 4)
            painter.setPen(REASON_FG)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, word)
            x -= width + 4
        return line.right() - x + 2


def _paint_pill(
    painter: QPainter, line: QRect, text: str, font: QFont, bold: bool, background: str, colour: str, *, padding: int
) -> int:
    """A rounded word mark at the line's right end (badge, priority); returns the width it took."""
    pill_font = QFont(font)
    pill_font.setBold(bold)
    width = QFontMetrics(pill_font).horizontalAdvance(text) + padding
    rect = QRect(line.right() - width, line.top() + 3, width, line.height() - 6)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(background))
    painter.drawRoundedRect(rect, 4, 4)
    painter.setFont(pill_font)
    painter.setPen(QColor(colour))
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
    return width + 6
