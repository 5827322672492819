"""The SLA in plain words for the list, the conversation header and the status bar (de and en)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Literal

from agentdesk.core.sla.calendar import BusinessCalendar
from agentdesk.core.sla.state import SlaState, SlaStatus

Language = Literal["de", "en"]

_WEEKDAYS = {
    "de": ("Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"),
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
}
_MINUTE = timedelta(minutes=1)
_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def describe_due(status: SlaStatus, now: datetime, language: Language) -> str:
    """'fällig Mo 09:30 · noch 1 h 12 min', 'überschritten seit 25 min', or the English equivalent."""
    days = _WEEKDAYS[_checked(language)]
    when = _when(status.due, now, language, days)
    left = format_span(status.business_left)
    if status.state is SlaState.BREACHED:
        # Overdue only by closed hours (due Fri 18:00, now Saturday): name the moment instead.
        if status.business_left > -_MINUTE:
            return f"überschritten seit {when}" if language == "de" else f"overdue since {when}"
        overdue = format_span(-status.business_left)
        return f"überschritten seit {overdue}" if language == "de" else f"overdue by {overdue}"
    if status.state is SlaState.PAUSED:
        if language == "de":
            return f"pausiert · wartet auf Kunde · noch {left}"
        return f"paused, waiting on the customer, {left} of business time left"
    if language == "de":
        return f"fällig {when} · noch {left}"
    return f"due {when}, {left} of business time left"


def format_opening_hours(calendar: BusinessCalendar, language: Language) -> str:
    """'Öffnungszeiten Mo–Fr 8–18' for the status bar; runs of days with equal hours are joined."""
    days = _WEEKDAYS[_checked(language)]
    groups: list[tuple[int, int]] = []  # (first weekday, last weekday) with the same hours
    for index, hours in enumerate(calendar.hours):
        if hours and groups and groups[-1][1] == index - 1 and calendar.hours[groups[-1][0]] == hours:
            groups[-1] = (groups[-1][0], index)
        elif hours:
            groups.append((index, index))
    parts = []
    for first, last in groups:
        label = days[first] if first == last else f"{days[first]}–{days[last]}"
        spans = ", ".join(f"{_clock(a, language)}–{_clock(b, language)}" for a, b in calendar.hours[first])
        parts.append(f"{label} {spans}")
    prefix = "Öffnungszeiten" if language == "de" else "Opening hours"
    return f"{prefix} {'; '.join(parts)}"


def _checked(language: str) -> str:
    if language not in _WEEKDAYS:
        raise ValueError(f"unsupported language {language!r}; use 'de' or 'en'")
    return language


def _when(due: datetime, now: datetime, language: str, days: tuple[str, ...]) -> str:
    """Weekday and time; the date too once the weekday alone would be ambiguous (a week or more away)."""
    local_now = now.astimezone(due.tzinfo)
    label = f"{days[due.weekday()]} {due:%H:%M}"
    if abs((due.date() - local_now.date()).days) < 7:
        return label
    if language == "de":
        return f"{days[due.weekday()]} {due:%d.%m.} {due:%H:%M}"
    return f"{days[due.weekday()]} {due.day} {_MONTHS_EN[due.month - 1]} {due:%H:%M}"


def format_span(span: timedelta) -> str:
    """Whole minutes, rounded down so the time shown is never more than there is."""
    minutes = max(int(span // _MINUTE), 0)
    if minutes == 0:
        return "< 1 min"
    hours, minutes = divmod(minutes, 60)
    if not hours:
        return f"{minutes} min"
    return f"{hours} h {minutes} min" if minutes else f"{hours} h"


def _clock(minutes: int, language: str) -> str:
    hour, minute = divmod(minutes, 60)
    if language == "en":
        return f"{hour:02d}:{minute:02d}"
    return f"{hour}:{minute:02d}" if minute else str(hour)
