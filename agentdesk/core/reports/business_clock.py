"""Business time for many requests at once: the calendar's years flattened into one sorted list
of open intervals with running totals, so each request costs one binary search, not a walk
through year tables (the same numbers as :func:`agentdesk.core.sla.business_time_between`)."""

from __future__ import annotations

from bisect import bisect_right
from datetime import datetime, timedelta
from itertools import accumulate

from agentdesk.core.sla import BusinessCalendar, business_time_between
from agentdesk.core.sla.calendar import instant_micros


class BusinessClock:
    """Positions on the business clock for instants within ``first_year`` to ``last_year`` (local years)."""

    def __init__(self, calendar: BusinessCalendar, first_year: int, last_year: int) -> None:
        self.calendar = calendar
        intervals = [
            interval
            for year in range(first_year, last_year + 1)
            for day in calendar.year_table(year).days
            for interval in day
        ]
        self._starts = [start for start, _end in intervals]
        self._ends = [end for _start, end in intervals]
        self._before = list(accumulate((end - start for start, end in intervals), initial=0))
        self._low = self._starts[0] if intervals else 0
        self._high = self._ends[-1] if intervals else 0

    @classmethod
    def around(cls, calendar: BusinessCalendar, first: datetime, last: datetime) -> BusinessClock:
        """A clock covering ``first`` to ``last`` (a year either side, for instants near New Year)."""
        return cls(calendar, first.astimezone(calendar.tz).year - 1, last.astimezone(calendar.tz).year + 1)

    def between(self, start: datetime, end: datetime) -> timedelta:
        a, b = instant_micros(start), instant_micros(end)
        if not (self._low <= a <= self._high and self._low <= b <= self._high):
            return business_time_between(start, end, self.calendar)
        return timedelta(microseconds=self._position(b) - self._position(a))

    def _position(self, us: int) -> int:
        index = bisect_right(self._starts, us) - 1
        if index < 0:
            return 0
        return self._before[index] + min(us, self._ends[index]) - self._starts[index]
