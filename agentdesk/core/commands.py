"""Outbox commands: every write a user makes, as data, before anything is sent.

A command carries an idempotency key from the moment it is created, so the engine can ask the
source "did you already get this?" after a crash instead of sending twice.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from agentdesk.core.incoming import IncomingMessage


class CommandKind(StrEnum):
    REPLY = "reply"
    NOTE = "note"
    ASSIGN = "assign"
    UNASSIGN = "unassign"
    SET_STATUS = "set_status"
    LABELS = "labels"
    ESCALATE = "escalate"


class CommandState(StrEnum):
    PENDING = "pending"  # not yet tried, or waiting for its next try
    SENDING = "sending"  # handed to the connector; outcome unknown until it answers
    DONE = "done"
    FAILED = "failed"  # rejected for good: the user decides (retry, edit, discard)


@dataclass(frozen=True, slots=True)
class Command:
    id: int
    idempotency_key: str
    kind: CommandKind
    account_id: int
    conversation_id: int
    conversation_source_id: str
    payload: dict[str, str] = field(default_factory=dict)
    state: CommandState = CommandState.PENDING
    attempts: int = 0
    error: str = ""
    created_at: datetime | None = None
    local_message_id: int | None = None  # the pending message a reply or note shows meanwhile


@dataclass(frozen=True, slots=True)
class CommandResult:
    """What the source made of a command; ``message`` is the reply or note as stored there."""

    message: IncomingMessage | None = None
