"""SLA attainment: the share of requests answered within the target, per day, agent or channel.

A request counts once it is decided: answered (in time or late), or unanswered with its target
already spent. A request still inside its target is *open* and left out of the share, so a busy
afternoon does not look like a failure before anyone could answer.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from agentdesk.core.reports.facts import DateRange, TimedRequest
from agentdesk.core.sla import SlaPolicy


class AttainmentBy(StrEnum):
    DAY = "day"
    AGENT = "agent"
    CHANNEL = "channel"


@dataclass(frozen=True, slots=True)
class Attainment:
    """One bar: ``key`` is an ISO date, an agent's name ("" = unassigned) or a channel id."""

    key: str
    met: int = 0
    missed: int = 0
    open: int = 0

    @property
    def decided(self) -> int:
        return self.met + self.missed

    @property
    def share(self) -> float | None:
        """Met / decided, 0–1; None when nothing is decided yet."""
        return self.met / self.decided if self.decided else None


def attainment(
    requests: Iterable[TimedRequest], by: AttainmentBy, policy: SlaPolicy, days: DateRange | None = None
) -> list[Attainment]:
    """Bars in reading order: days in date order (every day of ``days``, empty ones too), agents and
    channels by name with the unassigned pool last."""
    return attainment_by_all(requests, policy, days)[by]


def attainment_by_all(
    requests: Iterable[TimedRequest], policy: SlaPolicy, days: DateRange | None = None
) -> dict[AttainmentBy, list[Attainment]]:
    """All three groupings in one pass over the requests (each is judged once)."""
    per_day: dict[str, list[int]] = {day.isoformat(): [0, 0, 0] for day in days.days} if days else {}
    per_agent: dict[str, list[int]] = {}
    per_channel: dict[str, list[int]] = {}
    day_keys: dict[int, str] = {}  # date ordinal -> ISO date: isoformat once per day, not per request
    first, later = policy.first_response, policy.next_response
    for request in requests:
        fact, waited = request.fact, request.waited
        target = first if fact.opening else later
        outcome = 1 if waited > target else 0 if fact.replied is not None else 2
        ordinal = request.local.toordinal()
        day = day_keys.get(ordinal)
        if day is None:
            day = day_keys[ordinal] = request.local.date().isoformat()
        per_day.setdefault(day, [0, 0, 0])[outcome] += 1
        per_agent.setdefault(fact.assignee, [0, 0, 0])[outcome] += 1
        per_channel.setdefault(fact.channel.value, [0, 0, 0])[outcome] += 1
    return {
        AttainmentBy.DAY: [Attainment(k, *per_day[k]) for k in sorted(per_day)],
        AttainmentBy.AGENT: _by_name(per_agent),
        AttainmentBy.CHANNEL: _by_name(per_channel),
    }


def _by_name(tally: dict[str, list[int]]) -> list[Attainment]:
    """By name, case-insensitive, with the unassigned pool ("") last."""
    return [Attainment(k, *tally[k]) for k in sorted(tally, key=lambda k: (k == "", k.casefold()))]
