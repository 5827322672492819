"""First-response times as a histogram: one bar per business-time bucket plus the unanswered,
with the target drawn as a line between the buckets that meet it and those that do not."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import QWidget

from agentdesk.core.reports import BUCKETS, Bucket, Histogram
from agentdesk.ui.chart_base import (
    FAINT,
    INK,
    MET,
    MISSED,
    UNANSWERED,
    ChartWidget,
    draw_legend,
    draw_value_axis,
    fill_bar,
    nice_ticks,
)

OVER = Qt.BrushStyle.BDiagPattern
OPEN = Qt.BrushStyle.DiagCrossPattern


def span_words(span: timedelta) -> str:
    """'15 min', '1 h', '1 h 30 min': the same in English and German."""
    minutes = int(span.total_seconds() // 60)
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h" if not rest else f"{hours} h {rest} min"


def bucket_label(bucket: Bucket) -> str:
    low = int(bucket.low.total_seconds() // 60)
    if bucket.high is None:
        return f"> {span_words(bucket.low)}"
    high = int(bucket.high.total_seconds() // 60)
    if not low:
        return f"≤ {span_words(bucket.high)}"
    if high <= 60:
        return f"{low}–{high} min"
    if low % 60 == 0 and high % 60 == 0:
        return f"{low // 60}–{high // 60} h"
    return f"{span_words(bucket.low)}–{span_words(bucket.high)}"


class HistogramChart(ChartWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.histogram = Histogram((0,) * len(BUCKETS), 0)
        self.target = timedelta(hours=2)

    def set_histogram(self, histogram: Histogram, target: timedelta) -> None:
        self.histogram, self.target = histogram, target
        self.empty_text = ""
        self.update()

    def labels(self) -> list[str]:
        return [*(bucket_label(b) for b in BUCKETS), self.tr("No reply")]

    def paint_chart(self, painter: QPainter, area: QRectF) -> None:
        counts = [*self.histogram.counts, self.histogram.unanswered]
        total = max(1, self.histogram.total)
        labels = self.labels()
        painter.setFont(self.small_font())
        metrics = painter.fontMetrics()
        line = metrics.height()
        plot = area.adjusted(66, 2 * line + 8, -12, -(3 * line + 14))
        draw_legend(
            painter,
            area.right() - 12,
            area.top() + 4,
            [
                (MET, None, self.tr("within the target")),
                (MISSED, OVER, self.tr("over the target")),
                (UNANSWERED, OPEN, self.tr("no reply")),
            ],
        )
        ticks = nice_ticks(max(counts) * 1.1)
        draw_value_axis(painter, plot, ticks, self.tr("Requests"))
        slot = plot.width() / len(counts)
        met_buckets = sum(1 for b in BUCKETS if b.high is not None and b.high <= self.target)
        for index, (count, label) in enumerate(zip(counts, labels, strict=True)):
            height = plot.height() * count / ticks[-1]
            bar = QRectF(plot.left() + slot * (index + 0.15), plot.bottom() - height, slot * 0.7, height)
            if not count:
                pass  # no bar at all: a flat outline would read as a tiny one
            elif index == len(BUCKETS):
                fill_bar(painter, bar, UNANSWERED, OPEN)
            elif index < met_buckets:
                fill_bar(painter, bar, MET)
            else:
                fill_bar(painter, bar, MISSED, OVER)
            painter.setPen(INK)
            painter.drawText(
                QRectF(bar.left() - 10, bar.top() - line - 2, bar.width() + 20, line),
                Qt.AlignmentFlag.AlignCenter,
                str(count),
            )
            painter.drawText(
                QRectF(plot.left() + slot * index, plot.bottom() + 4, slot, 2 * line),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
                label,
            )
            share = round(100 * count / total)
            self.add_hit(
                QRectF(plot.left() + slot * index, plot.top(), slot, plot.height() + line + 4),
                self.tr("{label}: {n} requests ({share} %)")
                .replace("{label}", label)
                .replace("{n}", str(count))
                .replace("{share}", str(share)),
            )
        painter.setPen(QPen(INK, 1))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        x = plot.left() + slot * met_buckets
        painter.setPen(QPen(INK, 1.5, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(x, plot.top() - 4), QPointF(x, plot.bottom()))
        painter.setPen(INK)
        painter.drawText(
            QRectF(x + 4, plot.top() - line - 2, 160, line),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            self.tr("Target {span}").replace("{span}", span_words(self.target)),
        )
        painter.setPen(FAINT)
        painter.drawText(
            QRectF(plot.left(), plot.bottom() + 2 * line + 8, plot.width(), line),
            Qt.AlignmentFlag.AlignCenter,
            self.tr("Business time until the first reply"),
        )
