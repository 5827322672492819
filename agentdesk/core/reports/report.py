"""All numbers of the charts tab at once, from one list of facts: each request is timed once."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from agentdesk.core.reports.attainment import Attainment, AttainmentBy, attainment_by_all
from agentdesk.core.reports.facts import DateRange, RequestFact, timed
from agentdesk.core.reports.response_times import Histogram, response_histogram
from agentdesk.core.reports.volume import WeekHours, weekly_volume
from agentdesk.core.sla import BusinessCalendar, SlaPolicy


@dataclass(frozen=True, slots=True)
class TeamReport:
    days: DateRange
    requests: int
    histogram: Histogram
    attainment: dict[AttainmentBy, list[Attainment]]
    volume: WeekHours


def team_report(
    facts: Iterable[RequestFact], days: DateRange, policy: SlaPolicy, calendar: BusinessCalendar, now: datetime
) -> TeamReport:
    """The numbers for ``days``; facts received outside the range are ignored."""
    start, end = days.instants(calendar.tz)
    requests = timed((f for f in facts if start <= f.received < end), calendar, now)
    return TeamReport(
        days,
        len(requests),
        response_histogram(requests),
        attainment_by_all(requests, policy, days),
        weekly_volume(requests),
    )
