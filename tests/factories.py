"""Small builders for incoming records, so tests say only what matters to them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from agentdesk.core.channels import Audience, Channel
from agentdesk.core.entities import Direction, Status
from agentdesk.core.incoming import IncomingConversation, IncomingCustomer, IncomingMessage, SyncBatch

T0 = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def conversation(
    source_id: str,
    *texts: str,
    customer: str = "kim",
    channel: Channel = Channel.X,
    audience: Audience = Audience.PUBLIC,
    status: Status = Status.OPEN,
    assignee: str = "",
    start: datetime = T0,
) -> IncomingConversation:
    return IncomingConversation(
        source_id=source_id,
        channel=channel,
        audience=audience,
        customer=IncomingCustomer(customer, customer.title(), f"@{customer}", channel),
        status=status,
        assignee=assignee,
        subject="",
        created_at=start,
        messages=tuple(
            IncomingMessage(
                f"{source_id}-m{i}", Direction.INBOUND, customer.title(), text, start + timedelta(minutes=i)
            )
            for i, text in enumerate(texts)
        ),
    )


def batch(*conversations: IncomingConversation, cursor: str = "1") -> SyncBatch:
    return SyncBatch(tuple(conversations), cursor, complete=True)
