"""Common ground of the supervisor's charts, painted with QPainter (Qt Charts is not shipped).

A chart says in words when there is nothing to show, and gives the exact numbers on hover from
the areas its last paint registered. Colours come from the Okabe–Ito palette, which colour-blind
readers can tell apart, and every colour also has a pattern or a number beside it.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

MET = QColor("#0072B2")  # within the target: blue
MISSED = QColor("#D55E00")  # over the target: vermillion, always hatched as well
UNANSWERED = QColor("#7F7F7F")
INK = QColor("#222222")
FAINT = QColor("#6B6B6B")
GRID = QColor("#DDDDDD")


def hatched(color: QColor, pattern: Qt.BrushStyle = Qt.BrushStyle.BDiagPattern) -> QBrush:
    """A light fill of ``color`` under a pattern in ``color``: the pattern carries the meaning in grey print."""
    return QBrush(color, pattern)


def fill_bar(painter: QPainter, rect: QRectF, color: QColor, pattern: Qt.BrushStyle | None = None) -> None:
    if pattern is None:
        painter.fillRect(rect, color)
        return
    painter.fillRect(rect, color.lighter(175))
    painter.fillRect(rect, hatched(color.darker(115), pattern))
    painter.setPen(QPen(color, 1))
    painter.drawRect(rect.adjusted(0.5, 0.5, -0.5, -0.5))


def nice_ticks(top: float, most: int = 5) -> list[int]:
    """Whole-number ticks from 0 to at least ``top`` with a 1, 2 or 5 step: at most ``most`` + 1 of them."""
    top = max(1, math.ceil(top))
    k = 0
    while top / (step := (1, 2, 5)[k % 3] * 10 ** (k // 3)) > most:
        k += 1
    return list(range(0, (top + step - 1) // step * step + 1, step))


class ChartWidget(QWidget):
    """Base for the three charts: subclasses paint into ``paint_chart`` and register hover texts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(360, 220)
        self.setMouseTracking(True)
        self.empty_text = ""
        self._hits: list[tuple[QRectF, str]] = []

    def show_empty(self, text: str) -> None:
        """Nothing to draw: say so in words instead of an empty frame."""
        self.empty_text = text
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        self._hits = []
        try:
            self._paint(painter)
        finally:
            painter.end()  # also after an error, or Qt's backing store is left with a live painter

    def _paint(self, painter: QPainter) -> None:
        if self.empty_text:
            painter.setPen(FAINT)
            painter.drawText(
                QRectF(self.rect()).adjusted(12, 12, -12, -12),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                self.empty_text,
            )
        else:
            self.paint_chart(painter, QRectF(self.rect()))

    def paint_chart(self, painter: QPainter, area: QRectF) -> None:
        raise NotImplementedError

    def add_hit(self, rect: QRectF, text: str) -> None:
        self._hits.append((rect, text))

    def tooltip_at(self, pos: QPointF) -> str:
        """The hover text at ``pos`` as of the last paint; "" where there is none."""
        return next((text for rect, text in reversed(self._hits) if rect.contains(pos)), "")

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        """The widget's tooltip follows the pointer, so hovering shows the numbers under it."""
        text = self.tooltip_at(event.position())
        if text != self.toolTip():
            self.setToolTip(text)
            if not text:
                QToolTip.hideText()
        super().mouseMoveEvent(event)

    def small_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
        return font


def draw_tag(painter: QPainter, rect: QRectF, text: str) -> None:
    """A number on a white patch, legible over hatching and grid lines."""
    width = painter.fontMetrics().horizontalAdvance(text) + 6
    patch = QRectF(rect.center().x() - width / 2, rect.top(), width, rect.height())
    painter.fillRect(patch, QColor(255, 255, 255, 225))
    painter.setPen(INK)
    painter.drawText(patch, Qt.AlignmentFlag.AlignCenter, text)


def draw_value_axis(painter: QPainter, plot: QRectF, ticks: list[int], title: str, suffix: str = "") -> None:
    """Grid lines and labels on the left of ``plot``, the axis title turned upright beside them."""
    top = ticks[-1] or 1
    metrics = painter.fontMetrics()
    for tick in ticks:
        y = plot.bottom() - plot.height() * tick / top
        painter.setPen(QPen(GRID, 1))
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        painter.setPen(FAINT)
        label = f"{tick}{suffix}"
        painter.drawText(
            QRectF(plot.left() - 44, y - metrics.height() / 2, 40, metrics.height()),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            label,
        )
    painter.save()
    painter.translate(plot.left() - 50, plot.center().y())
    painter.rotate(-90)
    painter.setPen(INK)
    painter.drawText(
        QRectF(-plot.height() / 2, -metrics.height(), plot.height(), metrics.height()),
        Qt.AlignmentFlag.AlignCenter,
        title,
    )
    painter.restore()


def draw_legend(
    painter: QPainter, right: float, top: float, items: list[tuple[QColor, Qt.BrushStyle | None, str]]
) -> None:
    """Swatches with words, right-aligned at (``right``, ``top``)."""
    metrics = painter.fontMetrics()
    x = right
    for color, pattern, text in reversed(items):
        width = metrics.horizontalAdvance(text)
        x -= width
        painter.setPen(INK)
        painter.drawText(QRectF(x, top, width, metrics.height()), Qt.AlignmentFlag.AlignVCenter, text)
        x -= 16
        fill_bar(painter, QRectF(x, top + (metrics.height() - 11) / 2, 11, 11), color, pattern)
        x -= 12
