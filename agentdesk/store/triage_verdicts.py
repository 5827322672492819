"""Triage in the store: which messages still await a verdict, and each conversation's verdict.

A batch is read, judged and written in one write transaction together with the cursor and any
move to the Spam queue (an outbox command, so the source learns it too): a crash re-triages a
batch, it never skips one or moves a conversation without the command that explains it.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from typing import Any, cast

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from agentdesk.core.commands import CommandKind, CommandState
from agentdesk.core.entities import Direction, Status
from agentdesk.core.triage.records import Reason, StormAlarm, TriageInput, TriageResult
from agentdesk.store.models import ConversationTable, MessageTable, TriageMetaRow
from agentdesk.store.types import from_millis, to_millis

#: Judges a batch of messages (in time order) and returns one result per message, same order.
Judge = Callable[[list[TriageInput]], list[TriageResult]]

CURSOR_KEY = "last_message_id"
_IN_CHUNK = 5000  # ids per "IN (...)": well below SQLite's limit of 32,766 parameters
SPAM, NOT_SPAM = "spam", "ham"  # the agent's word on a conversation (ConversationTable.spam_verdict)


@dataclass(frozen=True, slots=True)
class Storm:
    """A storm alarm with its message ids resolved to the conversations the window can show."""

    alarm: StormAlarm
    conversation_ids: tuple[int, ...]
    example_conversation_ids: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class TriageOutcome:
    changed: frozenset[int]
    moved_to_spam: frozenset[int]
    storms: tuple[Storm, ...]
    more: bool  # the batch was full: call again


#: (the input to judge, its conversation id) for a customer message; None for our own messages.
_Pending = tuple[TriageInput, int]


def _driver(session: Session) -> sqlite3.Cursor:
    """A cursor on the session's connection (in its transaction). Batches of verdicts go to the
    driver's ``execute``/``executemany`` directly: SQLAlchemy's per-row parameter handling and
    result processing were most of the store's share of a batch."""
    return cast(sqlite3.Connection, session.connection().connection.driver_connection).cursor()


def _cursor(session: Session) -> int:
    value = session.scalar(select(TriageMetaRow.value).where(TriageMetaRow.key == CURSOR_KEY))
    return int(value) if value else 0


def _set_cursor(session: Session, message_id: int) -> None:
    row = session.get(TriageMetaRow, CURSOR_KEY)
    if row is None:
        session.add(TriageMetaRow(key=CURSOR_KEY, value=str(message_id)))
    else:
        row.value = str(message_id)


_INPUTS = (
    "SELECT m.id, m.conversation_id, m.direction, m.text, m.created_at, c.channel, cu.handle, cu.followers "
    "FROM messages m JOIN conversations c ON c.id = m.conversation_id JOIN customers cu ON cu.id = c.customer_id "
)


def _message_inputs(
    cursor: sqlite3.Cursor, where: str, params: tuple[object, ...]
) -> list[tuple[int, _Pending | None]]:
    """(message id, input) for the messages ``where`` picks (it orders them by id); times are the
    store's milliseconds, turned into datetimes as the ``UtcMillis`` column type does."""
    inbound = Direction.INBOUND.value
    return [
        (
            mid,
            (TriageInput(str(mid), text, channel, handle, followers, from_millis(at)), cid)
            if direction == inbound
            else None,
        )
        for mid, cid, direction, text, at, channel, handle, followers in cursor.execute(_INPUTS + where, params)
    ]


def _in_time_order(scanned: list[tuple[int, _Pending | None]]) -> list[_Pending]:
    return sorted((p for _, p in scanned if p is not None), key=lambda p: p[0].at)


def triage_new(session: Session, judge: Judge, now: datetime, limit: int) -> TriageOutcome:
    """Judge up to ``limit`` messages stored since the last batch; save verdicts, move spam, advance."""
    cursor = _driver(session)
    scanned = _message_inputs(cursor, "WHERE m.id > ? ORDER BY m.id LIMIT ?", (_cursor(session), limit))
    if not scanned:
        return TriageOutcome(frozenset(), frozenset(), (), more=False)
    _set_cursor(session, scanned[-1][0])
    pending = _in_time_order(scanned)
    if not pending:
        return TriageOutcome(frozenset(), frozenset(), (), more=len(scanned) == limit)
    results = judge([p[0] for p in pending])
    judged = [(cid, r) for (_, cid), r in zip(pending, results, strict=True)]
    changed = _save_verdicts(cursor, judged)
    latest = {cid: r.spam for cid, r in judged}  # time order: the last verdict per conversation wins
    moved = _move_spam(cursor, [cid for cid, spam in latest.items() if spam], now)
    storms: tuple[Storm, ...] = ()
    if any(r.alarm is not None for r in results):
        conversation_of = {p[0].id: p[1] for p in pending}
        storms = tuple(_storm(session, r.alarm, conversation_of) for r in results if r.alarm is not None)
    return TriageOutcome(frozenset(changed), frozenset(moved), storms, more=len(scanned) == limit)


def replay_topics(session: Session, judge: Judge, since: datetime) -> set[int]:
    """Rebuild topic groups after a start: judge the recent, already triaged messages again and
    keep only their topics (ids are the new session's). Spam verdicts and alarms are not repeated."""
    cursor = _driver(session)
    recent = _in_time_order(
        _message_inputs(
            cursor, "WHERE m.id <= ? AND m.created_at >= ? ORDER BY m.id", (_cursor(session), to_millis(since))
        )
    )
    cleared = {cid for (cid,) in cursor.execute("SELECT id FROM conversations WHERE topic_id IS NOT NULL")}
    cursor.execute("UPDATE conversations SET topic_id = NULL, topic_label = ''")
    topics: dict[int, int] = {}
    labels: dict[int, str] = {}
    for (_, cid), result in zip(recent, judge([p[0] for p in recent]) if recent else [], strict=True):
        if result.topic_id is not None:
            topics[cid] = result.topic_id
            labels[result.topic_id] = result.topic_label or ""
    cursor.executemany("UPDATE conversations SET topic_id = ? WHERE id = ?", [(t, c) for c, t in topics.items()])
    _write_labels(cursor, labels)
    return cleared | set(topics)


@lru_cache(maxsize=1 << 12)
def _reasons_json(reasons: tuple[Reason, ...]) -> str:
    """The reasons as stored; few combinations recur, so each is encoded once."""
    return json.dumps([r.to_dict() for r in reasons], ensure_ascii=False)


def _save_verdicts(cursor: sqlite3.Cursor, judged: list[tuple[int, TriageResult]]) -> set[int]:
    """A conversation keeps its most pressing message's relevance and reasons, its latest spam
    score and its latest topic (in time order, as judged)."""
    ids = {cid for cid, _ in judged}
    current = dict(_select_in(cursor, "SELECT id, relevance FROM conversations WHERE id IN ({})", ids))
    # conversation -> [spam score, relevance, reasons or None, topic or None, id]; None keeps the stored one
    values: dict[int, list[object]] = {}
    labels: dict[int, str] = {}
    for cid, result in judged:
        row = values.get(cid)
        if row is None:
            row = values[cid] = [0.0, current.get(cid, 0.0), None, None, cid]
        row[0] = result.spam_score
        if result.spam or result.relevance >= row[1]:  # type: ignore[operator]
            row[1] = result.relevance
            row[2] = _reasons_json(result.reasons)
        if result.topic_id is not None:
            row[3] = result.topic_id
            labels[result.topic_id] = result.topic_label or ""
    cursor.executemany(
        "UPDATE conversations SET spam_score = ?, relevance = ?, triage_reasons = coalesce(?, triage_reasons), "
        "topic_id = coalesce(?, topic_id) WHERE id = ?",
        values.values(),
    )
    _write_labels(cursor, labels)
    return ids


def _write_labels(cursor: sqlite3.Cursor, labels: dict[int, str]) -> None:
    """Every member of a topic that grew gets its sharper label; rows that have it already are
    left alone (a label changes far less often than its topic grows)."""
    cursor.executemany(
        "UPDATE conversations SET topic_label = ? WHERE topic_id = ? AND topic_label != ?",
        [(label, tid, label) for tid, label in labels.items()],
    )


def _select_in(cursor: sqlite3.Cursor, sql: str, ids: Iterable[int], *params: object) -> list[tuple[Any, ...]]:
    """Rows of ``sql`` whose ``{}`` takes the ids, in chunks that stay below SQLite's limit on
    parameters (``params`` follow the ids)."""
    ids = list(ids)
    rows: list[tuple[Any, ...]] = []
    for first in range(0, len(ids), _IN_CHUNK):
        chunk = ids[first : first + _IN_CHUNK]
        rows += cursor.execute(sql.format(",".join("?" * len(chunk))), (*chunk, *params)).fetchall()
    return rows


def _move_spam(cursor: sqlite3.Cursor, candidates: list[int], now: datetime) -> set[int]:
    """Unassigned open conversations whose latest message is spam go to the Spam queue, through
    the outbox; assigned ones and those the agent called "not spam" stay where they are."""
    if not candidates:
        return set()
    accounts = dict(
        _select_in(
            cursor,
            "SELECT id, account_id FROM conversations "
            "WHERE id IN ({}) AND status = ? AND assignee = '' AND spam_verdict != ?",
            candidates,
            Status.OPEN.value,
            NOT_SPAM,
        )
    )
    if accounts:
        # rows straight to the driver, not outbox.enqueue per conversation: a first sync can move thousands
        payload = json.dumps({"status": Status.SPAM.value})
        kind, state, created = CommandKind.SET_STATUS.value, CommandState.PENDING.value, to_millis(now)
        movable = sorted(accounts)
        cursor.executemany(
            "INSERT INTO outbox (idempotency_key, kind, account_id, conversation_id, payload_json, state, attempts, "
            "error, created_at) VALUES (?, ?, ?, ?, ?, ?, 0, '', ?)",
            [(uuid.uuid4().hex, kind, accounts[cid], cid, payload, state, created) for cid in movable],
        )
        cursor.executemany(
            "UPDATE conversations SET status = ? WHERE id = ?", [(Status.SPAM.value, cid) for cid in movable]
        )
    return set(accounts)


def _storm(session: Session, alarm: StormAlarm, conversation_of: dict[str, int]) -> Storm:
    """Map an alarm's message ids to conversations (examples first, no repeats)."""
    wanted = {int(i) for i in (*alarm.message_ids, *alarm.example_ids) if i not in conversation_of}
    if wanted:
        found = session.execute(
            select(MessageTable.id, MessageTable.conversation_id).where(MessageTable.id.in_(wanted))
        )
        conversation_of = {**conversation_of, **{str(mid): cid for mid, cid in found}}

    def unique(ids: tuple[str, ...]) -> tuple[int, ...]:
        return tuple(dict.fromkeys(conversation_of[i] for i in ids if i in conversation_of))

    return Storm(alarm, unique(alarm.message_ids), unique(alarm.example_ids))


def learn_text(session: Session, conversation_id: int, is_spam: bool) -> str:
    """Record the agent's word on a conversation; returns its latest customer text to learn from."""
    session.execute(
        update(ConversationTable)
        .where(ConversationTable.id == conversation_id)
        .values(spam_verdict=SPAM if is_spam else NOT_SPAM)
    )
    m = MessageTable
    text = session.scalar(
        select(m.text)
        .where(m.conversation_id == conversation_id, m.direction == Direction.INBOUND.value)
        .order_by(m.created_at.desc(), m.id.desc())
        .limit(1)
    )
    return text or ""
