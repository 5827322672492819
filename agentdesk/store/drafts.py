"""Drafts per conversation: saved as the agent types, so a crash or restart loses nothing."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from agentdesk.core.channels import Audience
from agentdesk.core.entities import Draft
from agentdesk.store.models import DraftRow


def save(session: Session, conversation_id: int, text: str, audience: Audience, now: datetime) -> None:
    if not text.strip():
        session.execute(delete(DraftRow).where(DraftRow.conversation_id == conversation_id))
        return
    stmt = insert(DraftRow).values(conversation_id=conversation_id, text=text, audience=audience.value, updated_at=now)
    session.execute(
        stmt.on_conflict_do_update(
            index_elements=["conversation_id"],
            set_={"text": stmt.excluded.text, "audience": stmt.excluded.audience, "updated_at": now},
        )
    )


def load(session: Session, conversation_id: int) -> Draft | None:
    row = session.get(DraftRow, conversation_id)
    if row is None:
        return None
    return Draft(
        conversation_id=row.conversation_id, text=row.text, audience=Audience(row.audience), updated_at=row.updated_at
    )
