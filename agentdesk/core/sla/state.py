"""Where a waiting request stands against its policy: the due instant, time left and the state."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum

from agentdesk.core.sla.calendar import BusinessCalendar
from agentdesk.core.sla.clock import add_business_time, business_time_between
from agentdesk.core.sla.policy import SlaPolicy

#: A stretch spent waiting on the customer; an end of None means it still goes on.
PauseInterval = tuple[datetime, datetime | None]


class SlaState(StrEnum):
    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    BREACHED = "breached"
    PAUSED = "paused"  # waiting on the customer, and the policy stops the clock for that


@dataclass(frozen=True, slots=True)
class SlaStatus:
    state: SlaState
    due: datetime  # in the calendar's time zone; pauses so far already push it out
    business_left: timedelta  # negative (or zero, if only closed hours passed) once breached


def due_at(
    received: datetime, policy: SlaPolicy, calendar: BusinessCalendar, *, first_response: bool = True
) -> datetime:
    """When the answer to a request received at ``received`` is due under ``policy``."""
    return add_business_time(received, _target(policy, first_response), calendar)


def sla_state(
    received: datetime,
    now: datetime,
    policy: SlaPolicy,
    calendar: BusinessCalendar,
    paused_intervals: Iterable[PauseInterval] = (),
    *,
    first_response: bool = True,
) -> SlaStatus:
    """The status a list row or header shows at ``now``; ``paused_intervals`` count only if the policy says so."""
    # In UTC: Python compares datetimes that share a tzinfo by wall time, wrong in the repeated DST hour.
    received, now = received.astimezone(UTC), now.astimezone(UTC)
    due = due_at(received, policy, calendar, first_response=first_response)
    pauses = _in_utc(paused_intervals) if policy.pause_when_waiting else ()
    for start, end in _clipped(pauses, received, now):
        if start >= due:
            break  # a pause that begins after the breach does not undo it
        paused = business_time_between(start, end, calendar)
        if paused > timedelta(0):
            due = add_business_time(due, paused, calendar)
    paused_now = any(start <= now and (end is None or end > now) for start, end in pauses)
    left = business_time_between(now, due, calendar)
    if now > due:
        state = SlaState.BREACHED
    elif paused_now:
        state = SlaState.PAUSED
    elif left <= policy.at_risk:
        state = SlaState.AT_RISK
    else:
        state = SlaState.ON_TRACK
    return SlaStatus(state, due, left)


def _target(policy: SlaPolicy, first_response: bool) -> timedelta:
    return policy.first_response if first_response else policy.next_response


def _in_utc(intervals: Iterable[PauseInterval]) -> tuple[PauseInterval, ...]:
    return tuple((s.astimezone(UTC), None if e is None else e.astimezone(UTC)) for s, e in intervals)


def _clipped(intervals: Iterable[PauseInterval], received: datetime, now: datetime) -> list[tuple[datetime, datetime]]:
    """Pauses cut to [received, now], sorted and merged, so overlapping records count once."""
    merged: list[tuple[datetime, datetime]] = []
    cut = ((max(s, received), now if e is None else min(e, now)) for s, e in intervals)
    for start, end in sorted((s, e) for s, e in cut if e > s):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
