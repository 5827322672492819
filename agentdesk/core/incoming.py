"""What a connector hands the sync engine: a source's data keyed by the source's own ids.

Connectors know a platform's JSON and nothing about the local store; the engine turns these
records into rows (upserting by ``(account, source_id)``), so a repeated or overlapping page is
harmless.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from agentdesk.core.channels import Audience, Channel
from agentdesk.core.entities import Direction, Status


@dataclass(frozen=True, slots=True)
class IncomingCustomer:
    source_id: str
    name: str
    handle: str
    channel: Channel
    followers: int = 0
    language: str = ""
    form_of_address: str = ""


@dataclass(frozen=True, slots=True)
class IncomingMessage:
    source_id: str
    direction: Direction
    author: str
    text: str
    created_at: datetime


@dataclass(frozen=True, slots=True)
class IncomingConversation:
    """A conversation as the source sees it now; ``messages`` may be only the new ones."""

    source_id: str
    channel: Channel
    audience: Audience
    customer: IncomingCustomer
    status: Status
    assignee: str | None  # None: the source assigns nobody (a platform without a backend); ours stays
    subject: str
    created_at: datetime
    messages: tuple[IncomingMessage, ...] = ()
    language: str = ""
    team: str | None = None  # None: the source has no teams (the sandbox); the local one stays
    labels: tuple[str, ...] = ()
    priority: str | None = None  # "", low, medium, high, urgent; None: the source has no priorities


@dataclass(frozen=True, slots=True)
class SyncBatch:
    """One page of changes. ``cursor`` resumes after this page; ``complete`` ends a pass."""

    conversations: tuple[IncomingConversation, ...]
    cursor: str | None
    complete: bool
    done: int = 0  # conversations seen so far in this pass, for "syncing n of m"
    total: int | None = None
