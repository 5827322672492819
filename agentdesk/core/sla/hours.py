"""Weekly opening hours and their text form ("mon-fri 08:00-18:00; sat 10:00-14:00").

Hours are kept as minutes since local midnight so the calendar can place them on any date,
including the days a daylight-saving change makes 23 or 25 hours long.
"""

from __future__ import annotations

import re

#: Open intervals ``(start, end)`` in minutes since local midnight, one tuple per weekday, Monday first.
WeeklyHours = tuple[tuple[tuple[int, int], ...], ...]

DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
# German abbreviations too, so a German team can write "mo-fr 8-18".
_DAYS = {name: i for i, name in enumerate(DAY_NAMES)} | {
    name: i for i, name in enumerate(("mo", "di", "mi", "do", "fr", "sa", "so"))
}
_TIME = re.compile(r"(\d{1,2})(?::(\d{2}))?")
_EXAMPLE = "expected e.g. 'mon-fri 08:00-18:00; sat 10:00-14:00'"


def parse_hours(spec: str) -> WeeklyHours:
    """Parse opening hours; a ValueError says what is wrong in words an admin can act on."""
    days: list[list[tuple[int, int]]] = [[] for _ in DAY_NAMES]
    clauses = [c.strip() for c in spec.split(";") if c.strip()]
    if not clauses:
        raise ValueError(f"opening hours are empty; {_EXAMPLE}")
    for clause in clauses:
        split = next((i for i, ch in enumerate(clause) if ch.isdigit()), len(clause))
        day_part, range_part = clause[:split], clause[split:]
        ranges = [_parse_range(r.strip(), clause) for r in range_part.split(",") if r.strip()]
        if not ranges:
            raise ValueError(f"no hours given in {clause!r}; {_EXAMPLE}")
        if not day_part.strip():
            raise ValueError(f"no days given in {clause!r}; {_EXAMPLE}")
        for day in _parse_days(day_part, clause):
            days[day].extend(ranges)
    return tuple(_merge(intervals, DAY_NAMES[i]) for i, intervals in enumerate(days))


def _parse_days(text: str, clause: str) -> list[int]:
    result: list[int] = []
    for item in text.lower().split(","):
        first, sep, last = item.partition("-")
        start = _day(first, clause)
        end = _day(last, clause) if sep else start
        if end < start:
            raise ValueError(f"day range {item.strip()!r} runs backwards in {clause!r}; write e.g. 'mon-fri'")
        result.extend(range(start, end + 1))
    return result


def _day(name: str, clause: str) -> int:
    try:
        return _DAYS[name.strip()]
    except KeyError:
        known = ", ".join(DAY_NAMES)
        raise ValueError(f"unknown day {name.strip()!r} in {clause!r}; use {known}") from None


def _parse_range(text: str, clause: str) -> tuple[int, int]:
    start_text, sep, end_text = text.partition("-")
    if not sep:
        raise ValueError(f"hours {text!r} in {clause!r} need a start and an end, e.g. 08:00-18:00")
    start, end = _minutes(start_text, clause), _minutes(end_text, clause)
    if end <= start:
        raise ValueError(
            f"closing time must be after opening time in {clause!r}; "
            "split hours past midnight over two days, e.g. 'mon 22:00-24:00; tue 00:00-06:00'"
        )
    return start, end


def _minutes(text: str, clause: str) -> int:
    match = _TIME.fullmatch(text.strip())
    hour, minute = (int(match[1]), int(match[2] or 0)) if match else (99, 0)
    if hour * 60 + minute > 24 * 60 or minute > 59:
        raise ValueError(f"invalid time {text.strip()!r} in {clause!r}; use HH:MM from 00:00 to 24:00")
    return hour * 60 + minute


def _merge(intervals: list[tuple[int, int]], day: str) -> tuple[tuple[int, int], ...]:
    """Sort and join touching intervals; overlaps are almost always typos, so they are refused."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(intervals):
        if merged and start < merged[-1][1]:
            prev = merged[-1]
            raise ValueError(
                f"overlapping hours on {day}: {_hhmm(prev[0])}-{_hhmm(prev[1])} and {_hhmm(start)}-{_hhmm(end)}"
            )
        if merged and start == merged[-1][1]:
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return tuple(merged)


def _hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"
