"""The domain entities that cross every layer boundary.

They are frozen dataclasses: the store converts its rows into them, connectors produce them
from a platform's JSON, and the UI only ever sees these, never ORM objects, so no lazy load can
fire on the GUI thread.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from agentdesk.core.channels import Audience, Channel


class Status(StrEnum):
    OPEN = "open"
    PENDING = "pending"  # waiting on the customer
    SNOOZED = "snoozed"
    RESOLVED = "resolved"
    SPAM = "spam"
    MONITORING = "monitoring"  # found by a saved search: not a request until an agent takes it


class Direction(StrEnum):
    INBOUND = "inbound"  # from the customer
    OUTBOUND = "outbound"  # from us, visible to the customer
    NOTE = "note"  # internal note, never visible to the customer


class Delivery(StrEnum):
    """Where an outgoing message stands; inbound messages are always DELIVERED."""

    PENDING = "pending"
    DELIVERED = "delivered"
    FAILED = "failed"


class Queue(StrEnum):
    """The left-hand queues of the agent window."""

    MINE = "mine"
    UNASSIGNED = "unassigned"
    ALL_OPEN = "all_open"
    ESCALATED = "escalated"  # open and handed up a path (docs/escalation.md)
    WAITING = "waiting"
    RESOLVED = "resolved"
    SPAM = "spam"
    MONITORING = "monitoring"  # found by saved searches, not yet taken (docs/monitoring.md)


@dataclass(frozen=True, slots=True)
class Account:
    id: int
    kind: str  # "sandbox", "chatwoot", "mastodon", ...
    name: str
    base_url: str = ""
    settings: dict[str, str] = field(default_factory=dict)

    #: The settings key under which a team backend keeps who "me" is on that account.
    AGENT_NAME = "agent_name"

    @property
    def agent_name(self) -> str:
        """Who "me" is on this account (the backend's name for the signed-in agent); "" if unknown."""
        return self.settings.get(self.AGENT_NAME, "")


@dataclass(frozen=True, slots=True)
class Customer:
    id: int
    account_id: int
    source_id: str
    name: str
    handle: str
    channel: Channel
    followers: int = 0
    language: str = ""
    form_of_address: str = ""  # "sie" or "du"; empty when not yet known


@dataclass(frozen=True, slots=True)
class ConversationRow:
    """One row of the conversation list: what the list needs and nothing more."""

    id: int
    channel: Channel
    audience: Audience
    customer_name: str
    customer_handle: str
    preview: str
    status: Status
    assignee: str
    last_message_at: datetime
    waiting_since: datetime | None  # oldest unanswered customer message
    unread: bool
    relevance: float = 0.0  # triage: 0-1, how urgently a human should look
    reasons: tuple[str, ...] = ()  # triage reason codes, most important first (docs/triage.md)
    priority: str = ""  # "", low, medium, high, urgent (as Chatwoot)
    escalation: str = ""  # the escalation path's id; "" = not escalated


@dataclass(frozen=True, slots=True)
class Message:
    id: int
    conversation_id: int
    source_id: str
    direction: Direction
    author: str
    text: str
    created_at: datetime
    delivery: Delivery = Delivery.DELIVERED
    error: str = ""


@dataclass(frozen=True, slots=True)
class Conversation:
    id: int
    account_id: int
    source_id: str
    channel: Channel
    audience: Audience
    customer: Customer
    status: Status
    assignee: str
    subject: str
    created_at: datetime
    last_message_at: datetime
    waiting_since: datetime | None
    messages: tuple[Message, ...] = ()
    earlier_conversations: int = 0
    language: str = ""
    priority: str = ""  # "", low, medium, high, urgent (as Chatwoot)
    escalation: str = ""  # the escalation path's id; "" = not escalated


@dataclass(frozen=True, slots=True)
class Draft:
    conversation_id: int
    text: str
    audience: Audience
    updated_at: datetime
