"""Business-time arithmetic: the clock that runs only while the desk is open.

An instant's *position* is the business time elapsed since 1 January of its local year; due
times and time left are differences of positions, so no call walks more than a year table.
"""

from __future__ import annotations

from bisect import bisect_left
from datetime import date, datetime, timedelta

from agentdesk.core.sla.calendar import BusinessCalendar, from_instant_micros, instant_micros, micros

#: How far ahead a calendar may stay shut before a due time counts as unreachable.
_MAX_YEARS = 5


def add_business_time(start: datetime, duration: timedelta, calendar: BusinessCalendar) -> datetime:
    """The earliest instant with ``duration`` of opening hours after ``start``, in the calendar's zone.

    Landing exactly on a closing time gives that closing time (due by 18:00), not the next opening.
    """
    if duration <= timedelta(0):
        raise ValueError("business time to add must be positive")
    year, target = _position(start, calendar)
    target += micros(duration)
    for _ in range(_MAX_YEARS):
        table = calendar.year_table(year)
        if target <= table.cumulative[-1]:
            day = bisect_left(table.cumulative, target) - 1
            rest = target - table.cumulative[day]
            for begin, end in table.days[day]:
                if rest <= end - begin:
                    return from_instant_micros(begin + rest, calendar.tz)
                rest -= end - begin
        target -= table.cumulative[-1]
        year += 1
    raise ValueError(f"the calendar has no opening hours within {_MAX_YEARS} years after {start.isoformat()}")


def business_time_between(start: datetime, end: datetime, calendar: BusinessCalendar) -> timedelta:
    """Opening hours from ``start`` to ``end``; negative when ``end`` comes first."""
    start_year, start_pos = _position(start, calendar)
    end_year, end_pos = _position(end, calendar)
    forward = sum(calendar.year_table(y).cumulative[-1] for y in range(start_year, end_year))
    backward = sum(calendar.year_table(y).cumulative[-1] for y in range(end_year, start_year))
    return timedelta(microseconds=end_pos - start_pos + forward - backward)


def is_open(at: datetime, calendar: BusinessCalendar) -> bool:
    """True while the desk is open at ``at`` (opening instant included, closing instant not)."""
    us = instant_micros(at)
    return any(begin <= us < end for begin, end in _day(at, calendar))


def next_opening(at: datetime, calendar: BusinessCalendar) -> datetime:
    """``at`` itself when open, otherwise the instant the desk opens next: when the clock resumes."""
    us = instant_micros(at)
    day = at.astimezone(calendar.tz).date()
    for offset in range(_MAX_YEARS * 366):
        current = date.fromordinal(day.toordinal() + offset)
        table = calendar.year_table(current.year)
        for begin, end in table.days[current.toordinal() - table.first_ordinal]:
            if end > us:
                return from_instant_micros(max(begin, us), calendar.tz)
    raise ValueError(f"the calendar has no opening hours within {_MAX_YEARS} years after {at.isoformat()}")


def _position(at: datetime, calendar: BusinessCalendar) -> tuple[int, int]:
    """(local year, business microseconds elapsed in that year before ``at``)."""
    local = at.astimezone(calendar.tz)
    table = calendar.year_table(local.year)
    index = local.toordinal() - table.first_ordinal
    us = instant_micros(at)
    elapsed = table.cumulative[index]
    for begin, end in table.days[index]:
        if us <= begin:
            break
        elapsed += min(us, end) - begin
    return local.year, elapsed


def _day(at: datetime, calendar: BusinessCalendar) -> tuple[tuple[int, int], ...]:
    local = at.astimezone(calendar.tz)
    table = calendar.year_table(local.year)
    return table.days[local.toordinal() - table.first_ordinal]
