"""Chatwoot's reference data as small frozen records: who we are, where we may look, who we can assign.

These are what the account set-up and the assign menus need; conversations and messages go
straight into the core's ``Incoming*`` records instead.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class AccountRef:
    id: int
    name: str
    role: str  # "agent" or "administrator"


@dataclass(frozen=True, slots=True)
class Profile:
    """The token's user and the accounts it belongs to (what ``/api/v1/profile`` tells us)."""

    user_id: int
    name: str
    email: str
    accounts: tuple[AccountRef, ...]

    def account(self, account_id: int) -> AccountRef | None:
        return next((a for a in self.accounts if a.id == account_id), None)


@dataclass(frozen=True, slots=True)
class Inbox:
    id: int
    name: str
    channel_type: str  # a Rails class name, e.g. "Channel::TwitterProfile"
    medium: str = ""  # Twilio inboxes: "sms" or "whatsapp"


@dataclass(frozen=True, slots=True)
class Agent:
    id: int
    name: str
    email: str
    role: str
    availability: str = "offline"  # Chatwoot's availability_status: available, busy, offline


@dataclass(frozen=True, slots=True)
class Team:
    id: int
    name: str


@dataclass(frozen=True, slots=True)
class Contact:
    id: int
    name: str
    email: str
    phone_number: str
    identifier: str


@dataclass(frozen=True, slots=True)
class ConversationCounts:
    """The queue badges: ``meta`` of a conversation list, for the filters that were asked for."""

    mine: int
    unassigned: int
    assigned: int
    all: int
