"""SLA attainment: the share of requests answered within the target, per day, agent or channel.

A request counts once it is decided: answered (in time or late), or unanswered with its target
already spent. A request still inside its target is *open* and left out of the share, so a busy
afternoon does not look like a failure before anyone could answer.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from zoneinfo import ZoneInfo

from agentdesk.core.reports.facts import DateRange, RequestFact, TimedRequest
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
    requests: Iterable[TimedRequest], by: AttainmentBy, policy: SlaPolicy, tz: ZoneInfo, days: DateRange | None = None
) -> list[Attainment]:
    """Bars in reading order: days in date order (every day of ``days``, empty ones too), agents and
    channels by name with the unassigned pool last."""
    tally: dict[str, list[int]] = {}
    if by is AttainmentBy.DAY and days is not None:
        tally = {day.isoformat(): [0, 0, 0] for day in days.days}
    for request in requests:
        target = policy.first_response if request.fact.opening else policy.next_response
        outcome = 0 if request.answered and request.waited <= target else 1 if request.waited > target else 2
        tally.setdefault(_key(request.fact, by, tz), [0, 0, 0])[outcome] += 1
    keys = sorted(tally, key=lambda k: (by is not AttainmentBy.DAY and k == "", k.casefold()))
    return [Attainment(k, *tally[k]) for k in keys]


def _key(fact: RequestFact, by: AttainmentBy, tz: ZoneInfo) -> str:
    if by is AttainmentBy.DAY:
        return fact.received.astimezone(tz).date().isoformat()
    if by is AttainmentBy.AGENT:
        return fact.assignee
    return fact.channel.value
