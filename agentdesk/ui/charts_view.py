"""The charts tab of the supervisor's desk: first-response times, SLA attainment and volume per
hour of the week for a range of days, each with its numbers as a CSV file.

The numbers are read and computed off the GUI thread (one store read), and a CSV file is
written on a thread of its own; a newer range wins over a slower older one.
"""

from __future__ import annotations

import asyncio
import csv
import io
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QButtonGroup,
    QDateEdit,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from agentdesk.core.channels import CHANNEL_NAMES, Channel
from agentdesk.core.reports import (
    AttainmentBy,
    DateRange,
    TeamReport,
    attainment_table,
    histogram_table,
    volume_table,
)
from agentdesk.core.reports.tables import Table
from agentdesk.sync.operations import Operations
from agentdesk.ui.chart_attainment import AttainmentChart
from agentdesk.ui.chart_heatmap import HeatmapChart
from agentdesk.ui.chart_histogram import HistogramChart
from agentdesk.ui.service_levels import ServiceLevels
from agentdesk.ui.task_runner import TaskRunner
from agentdesk.ui.training_files import atomic_write


def write_csv(path: Path, rows: Table) -> None:
    """UTF-8 with a byte-order mark, so spreadsheet programs read umlauts in names correctly;
    swapped in whole, so a full disk never leaves half a file (or empties the one it replaces)."""
    text = io.StringIO(newline="")
    csv.writer(text).writerows(rows)
    atomic_write(path, text.getvalue(), encoding="utf-8-sig", newline="")


class ChartsView(QWidget):
    def __init__(
        self, ops: Operations, tasks: TaskRunner, levels: ServiceLevels, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("chartsView")
        self.ops, self.tasks, self.levels = ops, tasks, levels
        self.report: TeamReport | None = None
        self.by = AttainmentBy.DAY
        self._generation = 0
        self._files = ThreadPoolExecutor(1, thread_name_prefix="csv")
        self._debounce = QTimer(self, singleShot=True, interval=300)
        self._debounce.timeout.connect(self.reload)

        self.first = self._date_edit()
        self.last = self._date_edit()
        presets = QHBoxLayout()
        presets.addWidget(QLabel(self.tr("From")))
        presets.addWidget(self.first)
        presets.addWidget(QLabel(self.tr("to")))
        presets.addWidget(self.last)
        for text, days in ((self.tr("Today"), 1), (self.tr("Last 7 days"), 7), (self.tr("Last 30 days"), 30)):
            button = QPushButton(text)
            button.clicked.connect(lambda _checked=False, n=days: self.show_last_days(n))
            presets.addWidget(button)
        presets.addStretch(1)
        self.summary = QLabel()
        self.summary.setObjectName("chartsSummary")
        self.summary.setWordWrap(True)

        self.histogram = HistogramChart()
        self.attainment = AttainmentChart()
        self.heatmap = HeatmapChart()
        switch = QHBoxLayout()
        self._by_buttons = QButtonGroup(self)  # exclusive: one grouping at a time
        self.by_buttons: dict[AttainmentBy, QPushButton] = {}
        for by, text in (
            (AttainmentBy.DAY, self.tr("per day")),
            (AttainmentBy.AGENT, self.tr("per agent")),
            (AttainmentBy.CHANNEL, self.tr("per channel")),
        ):
            button = QPushButton(text)
            button.setCheckable(True)
            button.setChecked(by is self.by)
            button.clicked.connect(lambda _checked=False, b=by: self.show_by(b))
            self._by_buttons.addButton(button)
            self.by_buttons[by] = button
            switch.addWidget(button)
        self.export_buttons: dict[str, QPushButton] = {}
        grid = QGridLayout()
        grid.addWidget(self._card("histogram", self.tr("First response time"), self.histogram), 0, 0)
        grid.addWidget(self._card("attainment", self.tr("SLA attainment"), self.attainment, switch), 0, 1)
        grid.addWidget(self._card("volume", self.tr("Requests per hour of the week"), self.heatmap), 1, 0, 1, 2)
        grid.setRowStretch(0, 1)
        grid.setRowStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(presets)
        layout.addWidget(self.summary)
        layout.addLayout(grid, 1)
        for chart in (self.histogram, self.attainment, self.heatmap):
            chart.show_empty(self.tr("Counting the requests …"))
        self._set_range(DateRange.last_days(7, self._today()))
        self.first.dateChanged.connect(lambda _d: self._debounce.start())
        self.last.dateChanged.connect(lambda _d: self._debounce.start())
        self.reload()

    # --- building -------------------------------------------------------------------------
    def _date_edit(self) -> QDateEdit:
        edit = QDateEdit()
        edit.setCalendarPopup(True)
        edit.setDisplayFormat(self.tr("yyyy-MM-dd"))
        return edit

    def _card(self, key: str, title: str, chart: QWidget, extra: QHBoxLayout | None = None) -> QFrame:
        card = QFrame()
        card.setFrameShape(QFrame.Shape.StyledPanel)
        header = QHBoxLayout()
        label = QLabel(title)
        font = QFont(label.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        label.setFont(font)
        header.addWidget(label)
        header.addStretch(1)
        if extra is not None:
            header.addLayout(extra)
        export = QPushButton(self.tr("Export CSV …"))
        export.setToolTip(self.tr("Save the numbers behind this chart as a CSV file"))
        export.setEnabled(False)
        export.clicked.connect(lambda _checked=False, k=key: self.export(k))
        self.export_buttons[key] = export
        header.addWidget(export)
        layout = QVBoxLayout(card)
        layout.addLayout(header)
        layout.addWidget(chart, 1)
        return card

    # --- the range ------------------------------------------------------------------------
    def _today(self) -> date:
        return self.ops.now().astimezone(self.levels.calendar.tz).date()

    def _set_range(self, days: DateRange) -> None:
        for edit, day in ((self.first, days.first), (self.last, days.last)):
            edit.blockSignals(True)
            edit.setDate(QDate(day.year, day.month, day.day))
            edit.blockSignals(False)

    def days(self) -> DateRange | None:
        first, last = self.first.date().toPython(), self.last.date().toPython()
        return DateRange(first, last) if first <= last else None  # type: ignore[arg-type]

    def show_last_days(self, count: int) -> None:
        self._set_range(DateRange.last_days(count, self._today()))
        self.reload()

    def show_by(self, by: AttainmentBy) -> None:
        self.by = by
        self.by_buttons[by].setChecked(True)
        if self.report is not None:
            self._show_attainment(self.report)

    def reload(self) -> None:
        """Read the numbers for the chosen days; what an older, slower read brings is dropped."""
        self._debounce.stop()
        days = self.days()
        if days is None:
            self.summary.setText(self.tr("The end date is before the start date. Choose a later end date."))
            return
        self._generation += 1
        self.summary.setText(self.tr("Counting the requests …"))
        self.tasks.run(self._load(days, self._generation), what="reading the chart numbers")

    async def _load(self, days: DateRange, generation: int) -> None:
        report = await self.ops.team_report(days, self.levels.policy, self.levels.calendar)
        if generation == self._generation:
            self.show_report(report)

    # --- showing --------------------------------------------------------------------------
    def show_report(self, report: TeamReport) -> None:
        self.report = report
        span = (
            self.tr("{from} to {to}")
            .replace("{from}", self._date(report.days.first))
            .replace("{to}", self._date(report.days.last))
        )
        for button in self.export_buttons.values():
            button.setEnabled(True)
        if not report.requests:
            self.summary.setText(self.tr("No customer requests from {span}.").replace("{span}", span))
            for chart in (self.histogram, self.attainment, self.heatmap):
                chart.show_empty(self.tr("No customer requests in this range."))
            return
        decided = [b for b in report.attainment[AttainmentBy.DAY] if b.decided]
        met = sum(b.met for b in decided)
        total = sum(b.decided for b in decided)
        summary = (
            self.tr("{n} customer requests from {span}.").replace("{n}", str(report.requests)).replace("{span}", span)
        )
        if total:
            summary += " " + self.tr("{share} % answered within the target.").replace(
                "{share}", str(round(100 * met / total))
            )
        self.summary.setText(summary)
        self.histogram.set_histogram(report.histogram, self.levels.policy.first_response)
        self._show_attainment(report)
        self.heatmap.set_volume(report.volume, self.day_names(), self.levels.calendar.tz.key)

    def _show_attainment(self, report: TeamReport) -> None:
        if not report.requests:
            return
        bars = report.attainment[self.by]
        titles = {
            AttainmentBy.DAY: self.tr("Day the request came in"),
            AttainmentBy.AGENT: self.tr("Assigned agent"),
            AttainmentBy.CHANNEL: self.tr("Channel"),
        }
        self.attainment.set_bars(bars, [self.bar_name(b.key) for b in bars], titles[self.by])

    def bar_name(self, key: str) -> str:
        if self.by is AttainmentBy.DAY:
            day = date.fromisoformat(key)
            shown = QDate(day.year, day.month, day.day).toString(self.tr("MM/dd"))
            return f"{self.day_names()[day.weekday()]} {shown}"
        if self.by is AttainmentBy.AGENT:
            return key or self.tr("Unassigned")
        try:
            return CHANNEL_NAMES.get(Channel(key), key)
        except ValueError:
            return key

    def day_names(self) -> list[str]:
        return [
            self.tr("Mon"),
            self.tr("Tue"),
            self.tr("Wed"),
            self.tr("Thu"),
            self.tr("Fri"),
            self.tr("Sat"),
            self.tr("Sun"),
        ]

    def _date(self, day: date) -> str:
        return QDate(day.year, day.month, day.day).toString(self.tr("yyyy-MM-dd"))

    # --- export ---------------------------------------------------------------------------
    def table(self, key: str) -> tuple[Table, str]:
        """The numbers behind one chart and a file name that says which and for when."""
        assert self.report is not None
        report = self.report
        if key == "histogram":
            rows, name = histogram_table(report.histogram), "first-response-times"
        elif key == "attainment":
            rows, name = attainment_table(report.attainment[self.by], self.by), f"sla-attainment-per-{self.by.value}"
        else:
            rows, name = volume_table(report.volume), "requests-per-hour"
        return rows, f"{name}_{report.days.first.isoformat()}_{report.days.last.isoformat()}.csv"

    def export(self, key: str) -> QFileDialog | None:
        """Ask where to save (the dialog opens with open(), never exec()), then write off the GUI thread."""
        if self.report is None:
            return None
        rows, name = self.table(key)
        dialog = QFileDialog(
            self, self.tr("Export the numbers as CSV"), str(Path.home() / name), self.tr("CSV files (*.csv)")
        )
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("csv")
        dialog.fileSelected.connect(
            lambda path: self.tasks.run(self.save_csv(Path(path), rows), what="exporting the chart numbers")
        )
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    async def save_csv(self, path: Path, rows: Table) -> None:
        try:
            await asyncio.get_running_loop().run_in_executor(self._files, write_csv, path, rows)
        except OSError as exc:
            self.summary.setText(
                self.tr("The CSV file cannot be written ({reason}). Nothing was saved; choose another folder.").replace(
                    "{reason}", exc.strerror or str(exc)
                )
            )
            return
        self.summary.setText(
            self.tr("Saved {n} rows to {file}.").replace("{n}", str(len(rows) - 1)).replace("{file}", str(path))
        )
