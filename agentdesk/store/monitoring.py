"""Saved searches and the posts they found, in the store.

A new post becomes a conversation in the *Monitoring* queue through the same ingest as every
synced page. A post seen before (another search, another account, the next poll) only adds its
reason; a thread that is already a conversation (a customer who also mentioned us, or a match an
agent took) keeps its place and status.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from agentdesk.core.monitoring import FoundPost, SavedSearch
from agentdesk.store.ingest import apply_conversations
from agentdesk.store.models import ConversationTable, MonitoringPostRow, SavedSearchRow


def add_search(session: Session, account_id: int, query: str, now: datetime) -> SavedSearch:
    existing = session.scalar(
        select(SavedSearchRow).where(SavedSearchRow.account_id == account_id, SavedSearchRow.query == query)
    )
    row = existing or SavedSearchRow(account_id=account_id, query=query, created_at=now)
    session.add(row)
    session.flush()
    return _search(row)


def change_search(session: Session, search_id: int, query: str) -> SavedSearch | None:
    """A new query for a saved search, run at the next poll; if the account already has a search
    for it, the two become that one. None when the search is gone."""
    row = session.get(SavedSearchRow, search_id)
    if row is None:
        return None
    twin = session.scalar(
        select(SavedSearchRow).where(SavedSearchRow.account_id == row.account_id, SavedSearchRow.query == query)
    )
    if twin is not None and twin.id != row.id:
        session.delete(row)
        return _search(twin)
    row.query, row.last_run_at = query, None
    session.flush()
    return _search(row)


def remove_search(session: Session, search_id: int) -> bool:
    return session.execute(delete(SavedSearchRow).where(SavedSearchRow.id == search_id)).rowcount > 0


def saved_searches(session: Session, account_id: int | None = None) -> list[SavedSearch]:
    stmt = select(SavedSearchRow).order_by(SavedSearchRow.account_id, SavedSearchRow.query)
    if account_id is not None:
        stmt = stmt.where(SavedSearchRow.account_id == account_id)
    return [_search(row) for row in session.scalars(stmt)]


def mark_searched(session: Session, search_id: int, now: datetime) -> None:
    session.execute(update(SavedSearchRow).where(SavedSearchRow.id == search_id).values(last_run_at=now))


def record_matches(session: Session, account_id: int, found: Sequence[FoundPost], now: datetime) -> set[int]:
    """Store what a search found; returns the conversations that are new or have a new reason."""
    known = {
        row.uri: row
        for row in session.scalars(select(MonitoringPostRow).where(MonitoringPostRow.uri.in_([f.uri for f in found])))
    }
    threads = {f.conversation.source_id for f in found}
    existing = dict(
        session.execute(
            select(ConversationTable.source_id, ConversationTable.id).where(
                ConversationTable.account_id == account_id, ConversationTable.source_id.in_(threads)
            )
        ).all()
    )
    fresh = {}
    for post in found:
        if post.uri not in known and post.conversation.source_id not in existing:
            fresh.setdefault(post.conversation.source_id, post.conversation)
    changed = apply_conversations(session, account_id, list(fresh.values())) if fresh else set()
    if fresh:
        existing |= dict(
            session.execute(
                select(ConversationTable.source_id, ConversationTable.id).where(
                    ConversationTable.account_id == account_id, ConversationTable.source_id.in_(fresh)
                )
            ).all()
        )
    for post in found:
        row = known.get(post.uri)
        if row is None:
            row = MonitoringPostRow(
                uri=post.uri, conversation_id=existing[post.conversation.source_id], reasons="[]", found_at=now
            )
            session.add(row)
            known[post.uri] = row
        reasons = json.loads(row.reasons)
        if post.reason not in reasons:
            row.reasons = json.dumps([*reasons, post.reason], ensure_ascii=False)
            changed.add(row.conversation_id)
    session.flush()
    return changed


def reasons(session: Session, conversation_id: int) -> list[str]:
    """Why a conversation is in Monitoring: every search (and account) that found one of its posts."""
    found: list[str] = []
    for raw in session.scalars(
        select(MonitoringPostRow.reasons).where(MonitoringPostRow.conversation_id == conversation_id)
    ):
        found.extend(reason for reason in json.loads(raw) if reason not in found)
    return found


def _search(row: SavedSearchRow) -> SavedSearch:
    return SavedSearch(row.id, row.account_id, row.query, row.last_run_at)
