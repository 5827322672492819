"""The numbers behind each chart as rows for a CSV file: a header row, then one row per bar or day.

Column names and values are plain (English ids, minutes, ISO dates, percent with a dot) so a
spreadsheet in any language reads them the same way.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from agentdesk.core.reports.attainment import Attainment, AttainmentBy
from agentdesk.core.reports.response_times import BUCKETS, Histogram
from agentdesk.core.reports.volume import WeekHours

Table = list[list[str]]
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def _minutes(span: timedelta | None) -> str:
    return "" if span is None else str(int(span.total_seconds() // 60))


def histogram_table(histogram: Histogram) -> Table:
    rows = [["bucket", "above_minutes", "up_to_minutes", "requests"]]
    for index, (bucket, count) in enumerate(zip(BUCKETS, histogram.counts, strict=True)):
        rows.append([str(index + 1), _minutes(bucket.low), _minutes(bucket.high), str(count)])
    rows.append(["unanswered", "", "", str(histogram.unanswered)])
    return rows


def attainment_table(bars: Sequence[Attainment], by: AttainmentBy) -> Table:
    rows = [[by.value, "met", "missed", "open", "attainment_percent"]]
    for bar in bars:
        share = "" if bar.share is None else f"{100 * bar.share:.1f}"
        rows.append([bar.key, str(bar.met), str(bar.missed), str(bar.open), share])
    return rows


def volume_table(volume: WeekHours) -> Table:
    rows = [["weekday", *(f"{hour:02d}" for hour in range(24))]]
    for name, counts in zip(WEEKDAYS, volume.counts, strict=True):
        rows.append([name, *(str(n) for n in counts)])
    return rows
