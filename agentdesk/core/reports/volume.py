"""Volume per hour of the week: when customers write, for staffing the desk."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from agentdesk.core.reports.facts import TimedRequest


@dataclass(frozen=True, slots=True)
class WeekHours:
    """``counts[weekday][hour]``: requests received, Monday = 0, hours in local wall time."""

    counts: tuple[tuple[int, ...], ...]

    @property
    def peak(self) -> int:
        return max(max(row) for row in self.counts)

    @property
    def total(self) -> int:
        return sum(sum(row) for row in self.counts)


def weekly_volume(requests: Iterable[TimedRequest]) -> WeekHours:
    counts = [[0] * 24 for _ in range(7)]
    for request in requests:
        counts[request.local.weekday()][request.local.hour] += 1
    return WeekHours(tuple(tuple(row) for row in counts))
