"""Service-level policies: how fast a team must answer on a channel (the field standard is 100/2)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta

from agentdesk.core.channels import Channel

_DURATION = re.compile(r"(?:(\d+)\s*h)?\s*(?:(\d+)\s*m(?:in)?)?")


@dataclass(frozen=True, slots=True)
class SlaPolicy:
    """Targets in business time; the defaults are the 100/2 standard."""

    first_response: timedelta = timedelta(hours=2)
    next_response: timedelta = timedelta(hours=2)
    at_risk: timedelta = timedelta(minutes=30)  # business time left below which a request is at risk
    pause_when_waiting: bool = True  # the clock stops while the conversation waits on the customer

    def __post_init__(self) -> None:
        if self.first_response <= timedelta(0) or self.next_response <= timedelta(0):
            raise ValueError("response targets must be longer than zero")
        if self.at_risk < timedelta(0):
            raise ValueError("the at-risk threshold cannot be negative")


#: The 100/2 standard, used where no team or channel has its own policy.
DEFAULT_POLICY = SlaPolicy()

#: Policies keyed by (team, channel); an empty team or None channel means "any".
PolicyBook = Mapping[tuple[str, Channel | None], SlaPolicy]


def policy_for(book: PolicyBook, team: str, channel: Channel, default: SlaPolicy = DEFAULT_POLICY) -> SlaPolicy:
    """The most specific policy: team and channel, then team, then channel, then the default."""
    for key in ((team, channel), (team, None), ("", channel), ("", None)):
        if key in book:
            return book[key]
    return default


def parse_duration(text: str) -> timedelta:
    """'2h', '90m', '1h30m', '45 min' -> timedelta; a ValueError names the accepted forms."""
    match = _DURATION.fullmatch(text.strip().lower())
    minutes = int(match[1] or 0) * 60 + int(match[2] or 0) if match else 0
    if minutes <= 0:
        raise ValueError(f"invalid duration {text!r}; use e.g. 2h, 90m or 1h30m (longer than zero)")
    return timedelta(minutes=minutes)
