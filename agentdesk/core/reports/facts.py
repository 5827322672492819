"""What the reports count: one customer request and our first reply to it, and the days asked for."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from agentdesk.core.channels import Channel
from agentdesk.core.reports.business_clock import BusinessClock
from agentdesk.core.sla import BusinessCalendar


@dataclass(frozen=True, slots=True)
class RequestFact:
    """A customer request: the first inbound message after our last reply (or the conversation's start).

    ``replied`` is our first reply after it (internal notes and failed sends do not count); None
    while nobody has answered. ``opening`` marks a conversation's first request, which the
    first-response target judges; later requests are judged by the next-response target.
    """

    conversation_id: int
    received: datetime
    replied: datetime | None
    channel: Channel
    assignee: str  # "" = unassigned
    opening: bool = True


@dataclass(frozen=True, slots=True)
class TimedRequest:
    """A request with the business time it waited: until the reply, or until now while unanswered.

    Computed once per request, because every chart needs it and it is the costly part.
    """

    fact: RequestFact
    waited: timedelta
    local: datetime  # received, in the calendar's time zone: the day and hour it counts for

    @property
    def answered(self) -> bool:
        return self.fact.replied is not None


def timed(facts: Iterable[RequestFact], calendar: BusinessCalendar, now: datetime) -> list[TimedRequest]:
    facts = list(facts)
    if not facts:
        return []
    clock = BusinessClock.around(calendar, min(f.received for f in facts), now)
    tz = calendar.tz
    return [TimedRequest(f, clock.between(f.received, f.replied or now), f.received.astimezone(tz)) for f in facts]


@dataclass(frozen=True, slots=True)
class DateRange:
    """Whole local days, ``first`` to ``last`` inclusive, in the profile's time zone."""

    first: date
    last: date

    def __post_init__(self) -> None:
        if self.last < self.first:
            raise ValueError(f"the range ends ({self.last.isoformat()}) before it begins ({self.first.isoformat()})")

    @classmethod
    def last_days(cls, days: int, today: date) -> DateRange:
        """The ``days`` days up to and including ``today``: 1 is today, 7 a week."""
        return cls(today - timedelta(days=days - 1), today)

    @property
    def days(self) -> list[date]:
        return [self.first + timedelta(days=i) for i in range((self.last - self.first).days + 1)]

    def instants(self, tz: ZoneInfo) -> tuple[datetime, datetime]:
        """[start, end) in UTC: local midnight of the first day to that after the last.

        UTC, because Python subtracts and compares datetimes sharing a zone by wall time.
        """
        start = datetime.combine(self.first, time(), tz).astimezone(UTC)
        end = datetime.combine(self.last + timedelta(days=1), time(), tz).astimezone(UTC)
        return start, end
