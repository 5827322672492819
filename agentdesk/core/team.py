"""The team behind a backend: who works, what they handle, and whom to hand a conversation to.

Pure: connectors produce :class:`TeamSnapshot`, the store keeps it, and the supervisor's desk
asks :func:`suggest_agents` for the least loaded colleague who can take a conversation, and
:func:`sla_thresholds` for the two instants that split waiting customers into on track, at risk
and breached, so a board over 100,000 conversations is one SQL aggregate, not 100,000 SLA sums.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum

from agentdesk.core.channels import Channel
from agentdesk.core.sla import BusinessCalendar, SlaPolicy, SlaState, sla_state


class Availability(StrEnum):
    ONLINE = "online"
    BUSY = "busy"  # online but not taking new conversations: shown as away
    OFFLINE = "offline"


@dataclass(frozen=True, slots=True)
class IncomingAgent:
    """A colleague as the source sees them; ``languages`` empty means "the source does not say"."""

    source_id: str
    name: str
    email: str = ""
    availability: Availability = Availability.OFFLINE
    channels: frozenset[Channel] = frozenset()
    languages: frozenset[str] = frozenset()
    teams: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class IncomingTeam:
    source_id: str
    name: str


@dataclass(frozen=True, slots=True)
class TeamSnapshot:
    """Everyone the source knows right now: agents missing here have left the account."""

    agents: tuple[IncomingAgent, ...]
    teams: tuple[IncomingTeam, ...] = ()


@dataclass(frozen=True, slots=True)
class TeamAgent:
    """A stored colleague, as the board and the reassign dialog see them."""

    name: str
    availability: Availability
    channels: frozenset[Channel]
    languages: frozenset[str]
    teams: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class BoardRow:
    """One line of the team board. ``name`` "" is the unassigned pool; ``availability`` None is
    an assignee the store knows from conversations only (no team backend says who they are)."""

    name: str
    availability: Availability | None
    open: int
    at_risk: int
    breached: int
    oldest_waiting: datetime | None


def suggest_agents(
    agents: Iterable[TeamAgent],
    load: Mapping[str, int],
    channels: Iterable[Channel],
    languages: Iterable[str],
) -> list[TeamAgent]:
    """Who should take these conversations: online colleagues who handle every one of the
    channels and languages, least open conversations first (then by name, so the list is stable).

    An agent whose channels or languages are unknown (empty) is not ruled out by them: the source
    did not say, and excluding them would hide colleagues who could help.
    """
    wanted_channels = frozenset(channels)
    wanted_languages = frozenset(lang for lang in languages if lang)
    fitting = [
        agent
        for agent in agents
        if agent.availability is Availability.ONLINE
        and (not agent.channels or wanted_channels <= agent.channels)
        and (not agent.languages or wanted_languages <= agent.languages)
    ]
    return sorted(fitting, key=lambda agent: (load.get(agent.name, 0), agent.name.casefold()))


@dataclass(frozen=True, slots=True)
class SlaThresholds:
    """A customer waiting since at or before ``breached_until`` is breached; since at or before
    ``at_risk_until`` (and after the first) at risk. None: nobody in the range is."""

    breached_until: datetime | None
    at_risk_until: datetime | None


def sla_thresholds(earliest: datetime, now: datetime, policy: SlaPolicy, calendar: BusinessCalendar) -> SlaThresholds:
    """The latest waiting-since instants (to the millisecond, the store's precision) that are
    breached and at risk at ``now``, searched between ``earliest`` and ``now``.

    The due time never moves earlier for a later request, so each state holds for every request
    up to one instant: a binary search finds it with some forty SLA computations.
    """

    def worse_than(limit: SlaState, received_ms: int) -> bool:
        state = sla_state(_from_ms(received_ms), now, policy, calendar).state
        return state is SlaState.BREACHED or (limit is SlaState.AT_RISK and state is SlaState.AT_RISK)

    low, high = _ms(earliest), _ms(now)
    return SlaThresholds(
        _last_true(low, high, lambda ms: worse_than(SlaState.BREACHED, ms)),
        _last_true(low, high, lambda ms: worse_than(SlaState.AT_RISK, ms)),
    )


def _last_true(low: int, high: int, holds: Callable[[int], bool]) -> datetime | None:
    """The largest ms in [low, high] for which ``holds`` is true, given it holds on a prefix."""
    if low > high or not holds(low):
        return None
    while low < high:
        middle = (low + high + 1) // 2
        if holds(middle):
            low = middle
        else:
            high = middle - 1
    return _from_ms(low)


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def _ms(value: datetime) -> int:
    return (value - _EPOCH) // timedelta(milliseconds=1)


def _from_ms(ms: int) -> datetime:
    return _EPOCH + timedelta(milliseconds=ms)
