"""The business calendar: when the desk is open, in which time zone, and which days it stays shut.

Opening hours are wall-clock times; each local day is turned into UTC instants once, with the
day's real offset, so a daylight-saving change never shifts the hours or miscounts a day.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from functools import cache, lru_cache
from itertools import accumulate
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import holidays as holiday_data

from agentdesk.core.sla.hours import WeeklyHours, parse_hours

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)

#: Open intervals of one local day as ``(start, end)`` UTC microseconds since the epoch.
DayIntervals = tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class YearTable:
    """A local calendar year laid out once, so business time is a lookup, not a walk over minutes."""

    first_ordinal: int  # date.toordinal() of 1 January
    days: tuple[DayIntervals, ...]
    cumulative: tuple[int, ...]  # business microseconds before each day; the last item is the year's total


@dataclass(frozen=True, slots=True)
class BusinessCalendar:
    """Weekly hours in a time zone, minus public holidays of a region and the company's closing days."""

    hours: WeeklyHours
    tz: ZoneInfo = field(default_factory=lambda: ZoneInfo("Europe/Berlin"))
    holidays: str = ""  # region for the `holidays` package: "DE", "DE-BY", "AT-9"; empty for none
    closed: frozenset[date] = frozenset()
    closed_every_year: frozenset[tuple[int, int]] = frozenset()  # (month, day), e.g. (12, 24)
    _years: dict[int, YearTable] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if len(self.hours) != 7 or not any(self.hours):
            raise ValueError("opening hours must name seven weekdays and be open at least once a week")
        object.__setattr__(self, "holidays", normalise_region(self.holidays))

    @classmethod
    def parse_hours(
        cls, spec: str, *, tz: str = "Europe/Berlin", holidays: str = "", closed: str = ""
    ) -> BusinessCalendar:
        """Build a calendar from the text forms the settings and the CLI use; ValueError on bad input."""
        closed_dates, yearly = parse_closed_days(closed)
        return cls(parse_hours(spec), zone(tz), holidays, closed_dates, yearly)

    def is_closed_day(self, day: date) -> bool:
        """True on a public holiday of the region or a company closing day."""
        return (
            day in self.closed
            or (day.month, day.day) in self.closed_every_year
            or (bool(self.holidays) and day in _holiday_dates(self.holidays, day.year))
        )

    def year_table(self, year: int) -> YearTable:
        """The year's open intervals and running totals, built on first use and kept."""
        table = self._years.get(year)
        if table is None:
            first = date(year, 1, 1).toordinal()
            count = date(year + 1, 1, 1).toordinal() - first
            days = tuple(self._day_intervals(date.fromordinal(first + i)) for i in range(count))
            totals = accumulate((sum(end - start for start, end in day) for day in days), initial=0)
            table = self._years[year] = YearTable(first, days, tuple(totals))
        return table

    def _day_intervals(self, day: date) -> DayIntervals:
        if self.is_closed_day(day):
            return ()
        midnight = datetime(day.year, day.month, day.day)
        result: list[tuple[int, int]] = []
        for start_min, end_min in self.hours[day.weekday()]:
            start = self._utc_us(midnight + timedelta(minutes=start_min))
            end = self._utc_us(midnight + timedelta(minutes=end_min))
            # Wall times inside a spring-forward gap can map before an earlier interval's end.
            start = max(start, result[-1][1]) if result else start
            if end > start:
                result.append((start, end))
        return tuple(result)

    def _utc_us(self, local: datetime) -> int:
        return micros(local.replace(tzinfo=self.tz) - _EPOCH)


def micros(span: timedelta) -> int:
    """Whole microseconds of a timedelta; attribute arithmetic, several times faster than ``span // µs``."""
    return (span.days * 86_400 + span.seconds) * 1_000_000 + span.microseconds


def instant_micros(at: datetime) -> int:
    """Microseconds since the epoch of an aware instant: exact, unlike ``timestamp()``."""
    if at.tzinfo is None:
        raise ValueError(f"{at.isoformat()} has no time zone; pass an aware datetime")
    return micros(at - _EPOCH)


def from_instant_micros(us: int, tz: ZoneInfo) -> datetime:
    return (_EPOCH + timedelta(microseconds=us)).astimezone(tz)


def zone(name: str) -> ZoneInfo:
    """A time zone by IANA name, or a ValueError that says what is expected."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"unknown time zone {name!r}; use an IANA name such as Europe/Berlin") from None


def normalise_region(text: str) -> str:
    """'de-by' -> 'DE-BY'; a ValueError lists the subdivisions when the region is unknown."""
    country, _, subdiv = text.strip().partition("-")
    if not country:
        return ""
    country = country.upper()
    subdivisions = _supported().get(country)
    if subdivisions is None:
        raise ValueError(f"unknown holiday country {country!r}; use an ISO code such as DE, AT or CH")
    if not subdiv:
        return country
    match = next((s for s in subdivisions if s.lower() == subdiv.lower()), None)
    if match is None:
        raise ValueError(f"unknown region {text.strip()!r}; regions of {country}: {', '.join(subdivisions)}")
    return f"{country}-{match}"


def parse_closed_days(text: str) -> tuple[frozenset[date], frozenset[tuple[int, int]]]:
    """'2026-12-24,12-31' -> that one date, and 31 December of every year."""
    dates: set[date] = set()
    yearly: set[tuple[int, int]] = set()
    for item in (part.strip() for part in text.split(",")):
        if not item:
            continue
        try:
            if item.count("-") == 1:
                month, day = (int(x) for x in item.split("-"))
                date(2000, month, day)  # a leap year, so 02-29 is accepted
                yearly.add((month, day))
            else:
                dates.add(date.fromisoformat(item))
        except ValueError:
            raise ValueError(
                f"invalid closing day {item!r}; use YYYY-MM-DD for one date or MM-DD for every year"
            ) from None
    return frozenset(dates), frozenset(yearly)


@cache
def _supported() -> dict[str, list[str]]:
    return holiday_data.list_supported_countries()


@lru_cache(maxsize=256)
def _holiday_dates(region: str, year: int) -> frozenset[date]:
    country, _, subdiv = region.partition("-")
    return frozenset(holiday_data.country_holidays(country, subdiv=subdiv or None, years=year))
