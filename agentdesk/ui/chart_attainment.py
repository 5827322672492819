"""SLA attainment as bars from 0 to 100 % against the 100 % target line, per day, agent or channel.

A bar below the target is hatched as well as coloured; its percentage stands above it, and a
bar with nothing decided yet shows a dash instead of pretending to be 0 %.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QWidget

from agentdesk.core.reports import Attainment
from agentdesk.ui.chart_base import (
    FAINT,
    INK,
    MET,
    MISSED,
    ChartWidget,
    draw_legend,
    draw_tag,
    draw_value_axis,
    fill_bar,
)

BELOW = Qt.BrushStyle.BDiagPattern


class AttainmentChart(ChartWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bars: list[Attainment] = []
        self.names: list[str] = []
        self.axis_title = ""

    def set_bars(self, bars: Sequence[Attainment], names: Sequence[str], axis_title: str) -> None:
        """``names``: what each bar is called on screen (a day, an agent, a channel)."""
        self.bars, self.names, self.axis_title = list(bars), list(names), axis_title
        self.empty_text = ""
        self.update()

    def paint_chart(self, painter: QPainter, area: QRectF) -> None:
        painter.setFont(self.small_font())
        metrics = painter.fontMetrics()
        line = metrics.height()
        plot = area.adjusted(66, 2 * line + 8, -12, -(2 * line + 14))
        draw_legend(
            painter,
            area.right() - 12,
            area.top() + 4,
            [(MET, None, self.tr("target met")), (MISSED, BELOW, self.tr("below the target"))],
        )
        draw_value_axis(painter, plot, [0, 25, 50, 75, 100], self.tr("Answered in time"), " %")
        slot = plot.width() / max(1, len(self.bars))
        widest = max((metrics.horizontalAdvance(n) for n in self.names), default=0) + 6
        every = max(1, int(widest // slot) + 1) if len(self.bars) > 8 else 1  # thin out crowded labels
        for index, (bar, name) in enumerate(zip(self.bars, self.names, strict=True)):
            left = plot.left() + slot * index
            column = QRectF(left + slot * 0.15, plot.top(), slot * 0.7, plot.height())
            if bar.share is None:
                painter.setPen(FAINT)
                painter.drawText(QRectF(left, plot.bottom() - line - 2, slot, line), Qt.AlignmentFlag.AlignCenter, "–")
            else:
                height = plot.height() * bar.share
                rect = QRectF(column.left(), plot.bottom() - height, column.width(), height)
                percent = round(100 * bar.share)
                text = f"{percent} %" if slot >= metrics.horizontalAdvance("100 %") + 4 else str(percent)
                if bar.missed:
                    fill_bar(painter, rect, MISSED, BELOW)
                    top = max(plot.top() + 1, rect.top() - line - 2)
                    draw_tag(painter, QRectF(left, top, slot, line), text)
                else:
                    fill_bar(painter, rect, MET)
                    painter.setPen(QColor("white"))
                    painter.drawText(QRectF(left, rect.top() + 2, slot, line), Qt.AlignmentFlag.AlignCenter, text)
            if index % every == 0:
                painter.setPen(INK)
                painter.drawText(
                    QRectF(left - slot * (every - 1) / 2, plot.bottom() + 4, slot * every, line),
                    Qt.AlignmentFlag.AlignCenter,
                    metrics.elidedText(name, Qt.TextElideMode.ElideRight, int(slot * every)),
                )
            self.add_hit(QRectF(left, plot.top(), slot, plot.height() + line + 4), self._hover(bar, name))
        painter.setPen(QPen(INK, 1))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        painter.setPen(QPen(INK, 1.5, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(plot.left(), plot.top()), QPointF(plot.right(), plot.top()))
        painter.setPen(INK)
        painter.drawText(
            QRectF(plot.left(), plot.top() - line - 4, plot.width(), line),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            self.tr("Target 100 %"),
        )
        painter.setPen(FAINT)
        painter.drawText(
            QRectF(plot.left(), plot.bottom() + line + 8, plot.width(), line),
            Qt.AlignmentFlag.AlignCenter,
            self.axis_title,
        )

    def _hover(self, bar: Attainment, name: str) -> str:
        if bar.share is None:
            head = self.tr("{name}: no request answered or overdue yet").replace("{name}", name)
        else:
            head = (
                self.tr("{name}: {share} % answered in time")
                .replace("{name}", name)
                .replace("{share}", f"{100 * bar.share:.1f}")
            )
        return "\n".join(
            [
                head,
                self.tr("{n} in time").replace("{n}", str(bar.met)),
                self.tr("{n} late or unanswered past the target").replace("{n}", str(bar.missed)),
                self.tr("{n} still within the target").replace("{n}", str(bar.open)),
            ]
        )
