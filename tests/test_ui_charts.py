"""The supervisor's charts on the sandbox demo: they paint the numbers, the date range changes
them, each chart's numbers export as CSV (written off the GUI thread), and the desk has the tab."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QEvent, QLocale, QPoint, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QMouseEvent
from PySide6.QtWidgets import QApplication, QLabel

from agentdesk.core.reports import AttainmentBy
from agentdesk.ui.chart_heatmap import EMPTY
from agentdesk.ui.charts_view import ChartsView
from agentdesk.ui.main_window import MainWindow
from agentdesk.ui.translations import install_translators
from tests.conftest import wait_until
from tests.test_ui_triage import opened

pytestmark = pytest.mark.asyncio


async def _charts(win: MainWindow) -> ChartsView:
    view = ChartsView(win.ops, win.tasks, win.service_levels)
    view.resize(1100, 680)
    view.show()
    await wait_until(lambda: view.report is not None, timeout=20)
    return view


def _pixel(image: QImage, view: ChartsView, chart: object, rect: QRectF) -> QColor:
    corner = chart.mapTo(view, QPoint(int(rect.left()) + 2, int(rect.top()) + 2))  # type: ignore[attr-defined]
    return image.pixelColor(corner)


async def test_charts_paint_the_demo_numbers(tmp_path: Path) -> None:
    async with opened(tmp_path / "profile") as win:
        view = await _charts(win)
        report = view.report
        assert report is not None and report.requests > 0
        assert view.summary.text().startswith(f"{report.requests} customer requests")
        png = tmp_path / "charts.png"
        assert view.grab().save(str(png))
        image = QImage(str(png))
        assert image.width() >= 1000

        cells = view.heatmap._hits  # day-major, as painted
        counts = [n for row in report.volume.counts for n in row]
        busy = next(i for i, n in enumerate(counts) if n)
        idle = next(i for i, n in enumerate(counts) if not n)
        busy_colour = _pixel(image, view, view.heatmap, cells[busy][0])
        idle_colour = _pixel(image, view, view.heatmap, cells[idle][0])
        assert idle_colour == EMPTY
        assert busy_colour != idle_colour
        assert f": {counts[busy]} requests" in cells[busy][1]

        bars = view.histogram._hits
        assert len(bars) == 7  # six buckets and the unanswered
        for (_rect, text), n in zip(bars, (*report.histogram.counts, report.histogram.unanswered), strict=True):
            assert f": {n} requests" in text
        middle = bars[0][0].center()
        hover = QMouseEvent(
            QEvent.Type.MouseMove,
            middle,
            view.histogram.mapToGlobal(middle),
            Qt.MouseButton.NoButton,
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
        )
        QApplication.sendEvent(view.histogram, hover)
        assert view.histogram.toolTip() == bars[0][1]  # what the pointer shows on hover

        view.by_buttons[AttainmentBy.AGENT].click()
        assert view.by is AttainmentBy.AGENT and not view.by_buttons[AttainmentBy.DAY].isChecked()
        agents = [b.key for b in report.attainment[AttainmentBy.AGENT]]
        assert view.attainment.names == [name or "Unassigned" for name in agents]
        assert view.grab().save(str(tmp_path / "per-agent.png"))
        view.close()


async def test_the_date_range_changes_the_numbers(tmp_path: Path) -> None:
    async with opened(tmp_path / "profile") as win:
        view = await _charts(win)
        week = view.report
        assert week is not None and week.requests > 0

        view.first.setDate(QDate(2020, 1, 6))
        view.last.setDate(QDate(2020, 1, 12))
        await wait_until(lambda: view.report is not None and view.report.days.first == date(2020, 1, 6), timeout=10)
        assert view.report.requests == 0
        assert "No customer requests" in view.summary.text()
        assert view.heatmap.empty_text == "No customer requests in this range."
        png = tmp_path / "empty.png"
        assert view.grab().save(str(png))

        view.show_last_days(30)
        await wait_until(lambda: view.report is not None and view.report.requests > 0, timeout=10)
        assert view.report.requests >= week.requests
        assert len(view.report.attainment[AttainmentBy.DAY]) == 30

        view.first.setDate(QDate(2020, 1, 12))
        view.last.setDate(QDate(2020, 1, 6))
        await wait_until(lambda: "before the start date" in view.summary.text(), timeout=5)
        view.close()


async def test_each_chart_exports_its_numbers_as_csv(tmp_path: Path) -> None:
    async with opened(tmp_path / "profile") as win:
        view = await _charts(win)
        report = view.report
        assert report is not None
        view.show_by(AttainmentBy.CHANNEL)
        written: dict[str, list[list[str]]] = {}
        for key in ("histogram", "attainment", "volume"):
            dialog = view.export(key)
            assert dialog is not None and dialog.isVisible()  # opened with open(), not exec()
            target = tmp_path / f"{key}.csv"
            dialog.fileSelected.emit(str(target))
            dialog.close()
            await wait_until(lambda t=target: "Saved" in view.summary.text() and t.exists(), timeout=10)
            with target.open(encoding="utf-8-sig", newline="") as fh:
                written[key] = list(csv.reader(fh))

        histogram = written["histogram"]
        assert histogram[0] == ["bucket", "above_minutes", "up_to_minutes", "requests"]
        assert sum(int(row[3]) for row in histogram[1:]) == report.requests
        assert histogram[-1][0] == "unanswered"

        channels = written["attainment"]
        assert channels[0] == ["channel", "met", "missed", "open", "attainment_percent"]
        shown = report.attainment[AttainmentBy.CHANNEL]
        assert [row[0] for row in channels[1:]] == [b.key for b in shown]
        assert sum(int(row[1]) + int(row[2]) + int(row[3]) for row in channels[1:]) == report.requests

        volume = written["volume"]
        assert volume[0][0] == "weekday" and len(volume) == 8
        assert sum(int(n) for row in volume[1:] for n in row[1:]) == report.requests

        dialog = view.export("histogram")
        assert dialog is not None
        dialog.fileSelected.emit(str(tmp_path / "no-such-folder" / "x.csv"))
        dialog.close()
        await wait_until(lambda: "cannot be written" in view.summary.text(), timeout=10)
        view.close()


async def test_the_supervisor_desk_has_the_charts_tab(tmp_path: Path) -> None:
    async with opened(tmp_path / "profile") as win:
        win.open_desk()
        assert win.desk is not None
        titles = [win.desk.tabs.tabText(i) for i in range(win.desk.tabs.count())]
        assert "Charts" in titles
        view = win.desk.tabs.widget(titles.index("Charts"))
        assert isinstance(view, ChartsView)
        await wait_until(lambda: view.report is not None, timeout=20)
        win.desk.close()


async def test_in_german_the_charts_read_naturally(tmp_path: Path) -> None:
    app = QApplication.instance()
    translators = install_translators(app, "de")  # type: ignore[arg-type]
    try:
        async with opened(tmp_path / "profile") as win:
            view = await _charts(win)
            titles = {label.text() for label in view.findChildren(QLabel)}
            assert {"Erste Antwortzeit", "SLA-Erfüllung", "Eingänge je Stunde und Wochentag"} <= titles
            assert view.day_names() == ["Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"]
            assert "Kundenanfragen vom" in view.summary.text()
            assert view.export_buttons["volume"].text() == "Als CSV exportieren …"
            assert view.grab().save(str(tmp_path / "charts-de.png"))
            view.close()
    finally:
        for translator in translators:
            app.removeTranslator(translator)  # type: ignore[union-attr]
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
