"""The whole local store as one JSON-ready document, for backup and support. Never a secret:
the store holds none (secrets live only in the OS keyring)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from agentdesk import __version__
from agentdesk.store import convert
from agentdesk.store.models import AccountRow, ConversationTable, CustomerRow, MessageTable


def _iso(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def export_document(session: Session, now: datetime) -> dict[str, Any]:
    return {
        "format": "agentdesk-export",
        "version": 1,
        "app_version": __version__,
        "exported_at": now.isoformat(),
        "accounts": [
            {"id": a.id, "kind": a.kind, "name": a.name, "base_url": a.base_url, "settings": a.settings}
            for a in map(convert.account, session.scalars(select(AccountRow).order_by(AccountRow.id)))
        ],
        "conversations": list(_conversations(session)),
    }


def _conversations(session: Session) -> Iterator[dict[str, Any]]:
    customers = {c.id: convert.customer(c) for c in session.scalars(select(CustomerRow))}
    messages: dict[int, list[dict[str, Any]]] = {}
    for m in session.scalars(select(MessageTable).order_by(MessageTable.conversation_id, MessageTable.created_at)):
        messages.setdefault(m.conversation_id, []).append(
            {
                "id": m.id,
                "source_id": m.source_id,
                "direction": m.direction,
                "author": m.author,
                "text": m.text,
                "created_at": _iso(m.created_at),
                "delivery": m.delivery,
            }
        )
    for c in session.scalars(select(ConversationTable).order_by(ConversationTable.id)):
        cu = customers[c.customer_id]
        yield {
            "id": c.id,
            "account_id": c.account_id,
            "source_id": c.source_id,
            "channel": c.channel,
            "audience": c.audience,
            "status": c.status,
            "assignee": c.assignee,
            "team": c.team,
            "labels": [label for label in c.labels.split(",") if label],
            "subject": c.subject,
            "created_at": _iso(c.created_at),
            "customer": {
                "source_id": cu.source_id,
                "name": cu.name,
                "handle": cu.handle,
                "channel": cu.channel.value,
                "followers": cu.followers,
            },
            "messages": messages.get(c.id, []),
        }
