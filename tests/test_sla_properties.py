"""Properties that must hold for any request time and any target, in any of a few real calendars."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from agentdesk.core.sla import (
    BusinessCalendar,
    add_business_time,
    business_time_between,
    is_open,
    next_opening,
)

CALENDARS = st.sampled_from(
    [
        BusinessCalendar.parse_hours("mon-fri 08:00-18:00", holidays="DE-BY", closed="12-24,12-31"),
        BusinessCalendar.parse_hours(
            "mon-fri 08:00-12:00, 13:00-17:00; sat 10:00-14:00", tz="Europe/London", holidays="GB"
        ),
        BusinessCalendar.parse_hours("mon-sun 00:00-02:30, 03:00-24:00", tz="America/New_York", holidays="US"),
    ]
)
INSTANTS = st.datetimes(
    min_value=datetime(2025, 1, 1),
    max_value=datetime(2028, 12, 31),
    timezones=st.sampled_from([UTC, ZoneInfo("Europe/Berlin")]),
)
TARGETS = st.integers(min_value=1, max_value=7 * 24 * 60).map(lambda m: timedelta(minutes=m))
_TICK = timedelta(microseconds=1)


def _utc(moment: datetime) -> datetime:
    """Python compares and subtracts datetimes sharing a tzinfo by wall time; UTC makes it real time."""
    return moment.astimezone(UTC)


@settings(max_examples=300, deadline=None)
@given(calendar=CALENDARS, received=INSTANTS, target=TARGETS)
def test_due_is_never_inside_closed_time(calendar: BusinessCalendar, received: datetime, target: timedelta) -> None:
    due = add_business_time(received, target, calendar)
    # Open at the due instant, or due exactly at a closing time (the instant before is open).
    assert is_open(due, calendar) or is_open(due - _TICK, calendar)
    assert not calendar.is_closed_day(due.date())
    assert business_time_between(received, due, calendar) == target


@settings(max_examples=300, deadline=None)
@given(calendar=CALENDARS, first=INSTANTS, second=INSTANTS, a=TARGETS, b=TARGETS)
def test_adding_business_time_is_monotonic(
    calendar: BusinessCalendar, first: datetime, second: datetime, a: timedelta, b: timedelta
) -> None:
    early, late = sorted((first, second), key=_utc)
    short, long = sorted((a, b))
    assert add_business_time(early, short, calendar) <= add_business_time(late, short, calendar)
    assert add_business_time(early, short, calendar) <= add_business_time(early, long, calendar)


@settings(max_examples=200, deadline=None)
@given(calendar=CALENDARS, instants=st.lists(INSTANTS, min_size=3, max_size=3))
def test_business_time_adds_up(calendar: BusinessCalendar, instants: list[datetime]) -> None:
    a, b, c = instants
    between = business_time_between
    assert between(a, b, calendar) + between(b, c, calendar) == between(a, c, calendar)
    early, late = sorted((a, b), key=_utc)
    assert timedelta(0) <= between(early, late, calendar) <= _utc(late) - _utc(early)


@settings(max_examples=200, deadline=None)
@given(calendar=CALENDARS, moment=INSTANTS)
def test_the_clock_resumes_at_the_next_opening(calendar: BusinessCalendar, moment: datetime) -> None:
    opening = next_opening(moment, calendar)
    assert _utc(opening) >= _utc(moment)
    assert is_open(opening, calendar)
    assert business_time_between(moment, opening, calendar) == timedelta(0)
