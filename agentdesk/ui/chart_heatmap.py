"""Volume per hour of the week as a 7 × 24 heat map: darker is busier, empty hours stay grey, and
each busy cell carries its number, so the colour is never the only carrier."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QLinearGradient, QPainter, QPen
from PySide6.QtWidgets import QWidget

from agentdesk.core.reports import WeekHours
from agentdesk.ui.chart_base import FAINT, INK, ChartWidget

EMPTY = QColor("#F0F0F0")
LOW = QColor("#C6DBEF")  # one request: already clearly not empty
HIGH = QColor("#08306B")


def shade(count: int, peak: int) -> QColor:
    """EMPTY for no requests, else from LOW (one) to HIGH (the peak), linear in the count."""
    if count <= 0 or peak <= 0:
        return EMPTY
    t = 0.0 if peak == 1 else (count - 1) / (peak - 1)
    return QColor.fromRgbF(
        LOW.redF() + (HIGH.redF() - LOW.redF()) * t,
        LOW.greenF() + (HIGH.greenF() - LOW.greenF()) * t,
        LOW.blueF() + (HIGH.blueF() - LOW.blueF()) * t,
    )


class HeatmapChart(ChartWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.volume = WeekHours(tuple((0,) * 24 for _ in range(7)))
        self.day_names: list[str] = []
        self.zone = ""

    def set_volume(self, volume: WeekHours, day_names: Sequence[str], zone: str) -> None:
        self.volume, self.day_names, self.zone = volume, list(day_names), zone
        self.empty_text = ""
        self.update()

    def paint_chart(self, painter: QPainter, area: QRectF) -> None:
        painter.setFont(self.small_font())
        metrics = painter.fontMetrics()
        line = metrics.height()
        peak = self.volume.peak
        grid = area.adjusted(
            12 + max(metrics.horizontalAdvance(d) for d in self.day_names) + 8, line + 8, -12, -(2 * line + 22)
        )
        cell_w, cell_h = grid.width() / 24, grid.height() / 7
        for hour in range(24):
            if cell_w >= metrics.horizontalAdvance("00") + 2 or hour % 3 == 0:
                painter.setPen(FAINT)
                painter.drawText(
                    QRectF(grid.left() + cell_w * hour, area.top() + 4, cell_w, line),
                    Qt.AlignmentFlag.AlignCenter,
                    f"{hour:02d}",
                )
        for day, counts in enumerate(self.volume.counts):
            top = grid.top() + cell_h * day
            painter.setPen(INK)
            painter.drawText(
                QRectF(area.left() + 12, top, grid.left() - area.left() - 20, cell_h),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                self.day_names[day],
            )
            for hour, count in enumerate(counts):
                cell = QRectF(grid.left() + cell_w * hour, top, cell_w, cell_h).adjusted(1, 1, -1, -1)
                color = shade(count, peak)
                painter.fillRect(cell, color)
                if count and cell_w >= metrics.horizontalAdvance(str(count)) + 2:
                    painter.setPen(QColor("white") if color.lightnessF() < 0.55 else INK)
                    painter.drawText(cell, Qt.AlignmentFlag.AlignCenter, str(count))
                self.add_hit(cell, self._hover(day, hour, count))
        self._legend(painter, QRectF(grid.left(), grid.bottom() + 8, grid.width(), line + 4), peak)
        painter.setPen(FAINT)
        painter.drawText(
            QRectF(grid.left(), grid.bottom() + line + 16, grid.width(), line),
            Qt.AlignmentFlag.AlignCenter,
            self.tr("Hour of the day ({zone}); rows: weekdays").replace("{zone}", self.zone),
        )

    def _legend(self, painter: QPainter, row: QRectF, peak: int) -> None:
        metrics = painter.fontMetrics()
        x = row.left()
        painter.fillRect(QRectF(x, row.top() + 2, 14, row.height() - 4), EMPTY)
        painter.setPen(INK)
        none = self.tr("no requests")
        painter.drawText(
            QRectF(x + 18, row.top(), metrics.horizontalAdvance(none) + 4, row.height()),
            Qt.AlignmentFlag.AlignVCenter,
            none,
        )
        x += 18 + metrics.horizontalAdvance(none) + 20
        label = self.tr("requests per hour:")
        painter.drawText(
            QRectF(x, row.top(), metrics.horizontalAdvance(label) + 4, row.height()),
            Qt.AlignmentFlag.AlignVCenter,
            label,
        )
        x += metrics.horizontalAdvance(label) + 10
        painter.drawText(
            QRectF(x, row.top(), 24, row.height()), Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, "1"
        )
        x += 28
        ramp = QRectF(x, row.top() + 2, 160, row.height() - 4)
        gradient = QLinearGradient(ramp.topLeft(), ramp.topRight())
        gradient.setColorAt(0, LOW)
        gradient.setColorAt(1, HIGH)
        painter.fillRect(ramp, gradient)
        painter.setPen(QPen(FAINT, 1))
        painter.drawRect(ramp)
        painter.setPen(INK)
        painter.drawText(
            QRectF(ramp.right() + 4, row.top(), 60, row.height()), Qt.AlignmentFlag.AlignVCenter, str(max(1, peak))
        )

    def _hover(self, day: int, hour: int, count: int) -> str:
        return (
            self.tr("{day} {from}:00–{to}:00: {n} requests")
            .replace("{day}", self.day_names[day])
            .replace("{from}", f"{hour:02d}")
            .replace("{to}", f"{(hour + 1) % 24:02d}" if hour < 23 else "24")
            .replace("{n}", str(count))
        )
