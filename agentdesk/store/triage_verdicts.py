"""Triage in the store: which messages still await a verdict, and each conversation's verdict.

A batch is read, judged and written in one write transaction together with the cursor and any
move to the Spam queue (an outbox command, so the source learns it too): a crash re-triages a
batch, it never skips one or moves a conversation without the command that explains it.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Table, bindparam, func, insert, select, update
from sqlalchemy.orm import Session

from agentdesk.core.commands import CommandKind, CommandState
from agentdesk.core.entities import Direction, Status
from agentdesk.core.triage.records import StormAlarm, TriageInput, TriageResult
from agentdesk.store.models import ConversationTable, CustomerRow, MessageTable, OutboxRow, TriageMetaRow

#: Judges a batch of messages (in time order) and returns one result per message, same order.
Judge = Callable[[list[TriageInput]], list[TriageResult]]

CURSOR_KEY = "last_message_id"
_CONVERSATIONS: Table = ConversationTable.__table__  # type: ignore[assignment]  # Core: executemany updates
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


@dataclass(frozen=True, slots=True)
class _Pending:
    input: TriageInput
    conversation_id: int


def _cursor(session: Session) -> int:
    value = session.scalar(select(TriageMetaRow.value).where(TriageMetaRow.key == CURSOR_KEY))
    return int(value) if value else 0


def _set_cursor(session: Session, message_id: int) -> None:
    row = session.get(TriageMetaRow, CURSOR_KEY)
    if row is None:
        session.add(TriageMetaRow(key=CURSOR_KEY, value=str(message_id)))
    else:
        row.value = str(message_id)


def _message_inputs(session: Session, *conditions: object, limit: int | None = None) -> list[tuple[int, _Pending]]:
    """(message id, input) for customer messages matching ``conditions``, in id order."""
    m, c, cu = MessageTable, ConversationTable, CustomerRow
    stmt = (
        select(m.id, m.conversation_id, m.direction, m.text, m.created_at, c.channel, cu.handle, cu.followers)
        .join(c, c.id == m.conversation_id)
        .join(cu, cu.id == c.customer_id)
        .where(*conditions)  # type: ignore[arg-type]
        .order_by(m.id)
        .limit(limit)
    )
    out = []
    for mid, cid, direction, text, at, channel, handle, followers in session.execute(stmt):
        pending = None
        if direction == Direction.INBOUND.value:
            pending = _Pending(TriageInput(str(mid), text, channel, handle, followers, at), cid)
        out.append((mid, pending))
    return out  # type: ignore[return-value]


def triage_new(session: Session, judge: Judge, now: datetime, limit: int) -> TriageOutcome:
    """Judge up to ``limit`` messages stored since the last batch; save verdicts, move spam, advance."""
    scanned = _message_inputs(session, MessageTable.id > _cursor(session), limit=limit)
    if not scanned:
        return TriageOutcome(frozenset(), frozenset(), (), more=False)
    _set_cursor(session, scanned[-1][0])
    pending = sorted((p for _, p in scanned if p is not None), key=lambda p: p.input.at)
    if not pending:
        return TriageOutcome(frozenset(), frozenset(), (), more=len(scanned) == limit)
    results = judge([p.input for p in pending])
    conversation_of = {p.input.id: p.conversation_id for p in pending}
    judged = [(p.conversation_id, r) for p, r in zip(pending, results, strict=True)]
    changed = _save_verdicts(session, judged)
    latest = {cid: r.spam for cid, r in judged}  # time order: the last verdict per conversation wins
    moved = _move_spam(session, {cid for cid, spam in latest.items() if spam}, now)
    storms = tuple(_storm(session, r.alarm, conversation_of) for r in results if r.alarm is not None)
    return TriageOutcome(frozenset(changed), frozenset(moved), storms, more=len(scanned) == limit)


def replay_topics(session: Session, judge: Judge, since: datetime) -> set[int]:
    """Rebuild topic groups after a start: judge the recent, already triaged messages again and
    keep only their topics (ids are the new session's). Spam verdicts and alarms are not repeated."""
    m = MessageTable
    recent = [p for _, p in _message_inputs(session, m.id <= _cursor(session), m.created_at >= since) if p]
    recent.sort(key=lambda p: p.input.at)
    cleared = set(session.scalars(select(ConversationTable.id).where(ConversationTable.topic_id.is_not(None))))
    session.execute(update(ConversationTable).values(topic_id=None, topic_label=""))
    topics: dict[int, tuple[int, str]] = {}
    labels: dict[int, str] = {}
    for p, result in zip(recent, judge([p.input for p in recent]) if recent else [], strict=True):
        if result.topic_id is not None:
            topics[p.conversation_id] = (result.topic_id, result.topic_label or "")
            labels[result.topic_id] = result.topic_label or ""
    _write_topics(session, topics, labels)
    return cleared | set(topics)


def _save_verdicts(session: Session, judged: list[tuple[int, TriageResult]]) -> set[int]:
    """A conversation keeps its most pressing message's relevance and reasons, its latest spam
    score and its latest topic (in time order, as judged)."""
    ids = {cid for cid, _ in judged}
    c = ConversationTable
    current = {cid: rel for cid, rel in session.execute(select(c.id, c.relevance).where(c.id.in_(ids)))}
    values: dict[int, dict[str, object]] = {}
    topics: dict[int, tuple[int, str]] = {}
    labels: dict[int, str] = {}
    for cid, result in judged:
        row = values.setdefault(cid, {"relevance": current.get(cid, 0.0)})
        row["spam_score"] = result.spam_score
        if result.spam or result.relevance >= float(row["relevance"]):  # type: ignore[arg-type]
            row["relevance"] = result.relevance
            row["reasons"] = json.dumps([r.to_dict() for r in result.reasons], ensure_ascii=False)
        if result.topic_id is not None:
            topics[cid] = (result.topic_id, result.topic_label or "")
            labels[result.topic_id] = result.topic_label or ""
    t = _CONVERSATIONS.c
    session.execute(
        update(_CONVERSATIONS)
        .where(t.id == bindparam("cid"))
        .values(
            spam_score=bindparam("b_spam"),
            relevance=bindparam("b_relevance"),
            triage_reasons=func.coalesce(bindparam("b_reasons"), t.triage_reasons),
        ),
        [
            {"cid": cid, "b_spam": v["spam_score"], "b_relevance": v["relevance"], "b_reasons": v.get("reasons")}
            for cid, v in values.items()
        ],
    )
    _write_topics(session, topics, labels)
    return ids


def _write_topics(session: Session, topics: dict[int, tuple[int, str]], labels: dict[int, str]) -> None:
    """Members get their topic; every member of a topic that grew gets its sharper label."""
    t = _CONVERSATIONS.c
    if topics:
        session.execute(
            update(_CONVERSATIONS).where(t.id == bindparam("cid")).values(topic_id=bindparam("tid")),
            [{"cid": cid, "tid": tid} for cid, (tid, _) in topics.items()],
        )
    if labels:
        session.execute(
            update(_CONVERSATIONS).where(t.topic_id == bindparam("tid")).values(topic_label=bindparam("label")),
            [{"tid": tid, "label": label} for tid, label in labels.items()],
        )


def _move_spam(session: Session, candidates: set[int], now: datetime) -> set[int]:
    """Unassigned open conversations whose latest message is spam go to the Spam queue, through
    the outbox; assigned ones and those the agent called "not spam" stay where they are."""
    if not candidates:
        return set()
    c = ConversationTable
    movable_rows = session.execute(
        select(c.id, c.account_id).where(
            c.id.in_(candidates), c.status == Status.OPEN.value, c.assignee == "", c.spam_verdict != NOT_SPAM
        )
    )
    accounts = {cid: account_id for cid, account_id in movable_rows}
    movable = set(accounts)
    if movable:
        # Core rows, not outbox.enqueue per conversation: a first sync can move thousands at once.
        payload = json.dumps({"status": Status.SPAM.value})
        session.execute(
            insert(OutboxRow.__table__),
            [
                {
                    "idempotency_key": uuid.uuid4().hex,
                    "kind": CommandKind.SET_STATUS.value,
                    "account_id": accounts[cid],
                    "conversation_id": cid,
                    "payload_json": payload,
                    "state": CommandState.PENDING.value,
                    "attempts": 0,
                    "error": "",
                    "created_at": now,
                }
                for cid in sorted(movable)
            ],
        )
        session.execute(update(c).where(c.id.in_(movable)).values(status=Status.SPAM.value))
    return movable


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
