"""Triage's stored path: each batch's verdicts, Spam moves and topics land in the store with the
cursor, once; what an agent sees in the queue follows from them."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from agentdesk.core.channels import Audience, Channel
from agentdesk.core.commands import CommandKind, CommandState
from agentdesk.core.entities import Direction, Status
from agentdesk.core.incoming import IncomingConversation, IncomingCustomer, IncomingMessage, SyncBatch
from agentdesk.core.triage.records import TriageInput, TriageResult
from agentdesk.core.triage.triage import Triage
from agentdesk.store import Store

T0 = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)
SPAM = "Free crypto giveaway!!! Double your bitcoin today, claim now at bit.ly/x0x0 and best-deals.xyz/win"
OUTAGE = [
    "Internet in Hamburg seit heute Morgen komplett tot, Router blinkt rot. Störung?",
    "Störung in Hamburg? Mein Internet ist seit Stunden weg, der Router blinkt nur",
    "Internet outage in Hamburg again, router blinking red since this morning",
]
LAWYER = "Wenn die doppelte Abbuchung nicht bis Freitag erstattet wird, schalte ich meinen Anwalt ein."


def _conversation(
    source_id: str, author: str, text: str, at: datetime, assignee: str | None = None
) -> IncomingConversation:
    customer = IncomingCustomer(author, author, author, Channel.MASTODON, 250)
    message = IncomingMessage(source_id, Direction.INBOUND, author, text, at)
    return IncomingConversation(
        source_id, Channel.MASTODON, Audience.PUBLIC, customer, Status.OPEN, assignee, "", at, messages=(message,)
    )


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    store = Store.open(tmp_path)
    yield store
    store.close()


class Judge:
    """The app's judge: one ``Triage`` fed in time order; counts what it was asked."""

    def __init__(self) -> None:
        self.triage = Triage()
        self.judged: list[str] = []

    def __call__(self, inputs: list[TriageInput]) -> list[TriageResult]:
        self.judged += [m.text for m in inputs]
        return [self.triage.process(m) for m in inputs]


def _sync(store: Store, *conversations: IncomingConversation) -> dict[str, int]:
    account = store.account_by_name("Sandbox") or store.add_account("sandbox", "Sandbox", T0)
    store.apply_batch(account.id, SyncBatch(conversations, "page", complete=False))
    db = sqlite3.connect(store.path)
    try:
        return dict(db.execute("SELECT source_id, id FROM conversations"))
    finally:
        db.close()


def _columns(store: Store, conversation_id: int) -> dict[str, object]:
    db = sqlite3.connect(store.path)
    db.row_factory = sqlite3.Row
    try:
        row = db.execute(
            "SELECT status, spam_score, relevance, topic_id, topic_label, triage_reasons "
            "FROM conversations WHERE id = ?",
            (conversation_id,),
        ).fetchone()
        return dict(row)
    finally:
        db.close()


def test_spam_moves_to_the_spam_queue_with_one_command_and_the_rest_keeps_its_verdicts(store: Store) -> None:
    ids = _sync(
        store,
        _conversation("s1", "promo_bot", SPAM, T0),
        _conversation("c1", "kundin", LAWYER, T0 + timedelta(minutes=1)),
        _conversation("s2", "promo_bot2", SPAM + " now", T0 + timedelta(minutes=2), assignee="agent.anna"),
    )
    outcome = store.triage_new(Judge(), T0 + timedelta(hours=1))
    assert outcome.changed == set(ids.values()) and not outcome.more
    # the unassigned spam goes to the Spam queue through the outbox; the assigned one stays with its agent
    assert outcome.moved_to_spam == {ids["s1"]}
    spam, lawyer, assigned = (_columns(store, ids[k]) for k in ("s1", "c1", "s2"))
    assert spam["status"] == Status.SPAM.value and float(spam["spam_score"]) >= 0.5  # type: ignore[arg-type]
    assert assigned["status"] == Status.OPEN.value and float(assigned["spam_score"]) >= 0.5  # type: ignore[arg-type]
    commands = store.due_commands(store.list_accounts()[0].id, T0 + timedelta(hours=2))
    assert [(c.kind, c.conversation_id, c.payload, c.state) for c in commands] == [
        (CommandKind.SET_STATUS, ids["s1"], {"status": Status.SPAM.value}, CommandState.PENDING)
    ]
    # the customer who threatens a lawyer ranks high and says why, in the queue's row too
    assert lawyer["status"] == Status.OPEN.value and float(lawyer["spam_score"]) < 0.5  # type: ignore[arg-type]
    codes = [r["code"] for r in json.loads(str(lawyer["triage_reasons"]))]
    assert "legal-threat" in codes
    (row,) = store.conversation_rows([ids["c1"]])
    assert row.relevance == lawyer["relevance"] and row.reasons[0] == "legal-threat"


def test_each_message_is_judged_once_and_a_conversation_keeps_its_most_pressing_verdict(store: Store) -> None:
    judge = Judge()
    ids = _sync(store, _conversation("c1", "kundin", LAWYER, T0))
    store.triage_new(judge, T0)
    before = _columns(store, ids["c1"])
    assert store.triage_new(judge, T0).changed == frozenset() and judge.judged == [LAWYER]
    # a calmer follow-up in the same conversation is judged alone; the lawyer threat's rank and reasons stay
    account = store.list_accounts()[0]
    follow_up = IncomingMessage("c1-2", Direction.INBOUND, "kundin", "Danke für die Info.", T0 + timedelta(minutes=5))
    conversation = _conversation("c1", "kundin", LAWYER, T0)
    grown = replace(conversation, messages=(*conversation.messages, follow_up))
    store.apply_batch(account.id, SyncBatch((grown,), "p2", complete=False))
    assert store.triage_new(judge, T0).changed == {ids["c1"]}
    assert judge.judged == [LAWYER, "Danke für die Info."]
    after = _columns(store, ids["c1"])
    assert after["relevance"] == before["relevance"] and after["triage_reasons"] == before["triage_reasons"]


def test_topics_are_written_in_batches_and_rebuilt_after_a_start(store: Store) -> None:
    convs = [_conversation(f"o{i}", f"user{i}", text, T0 + timedelta(minutes=i)) for i, text in enumerate(OUTAGE)]
    ids = _sync(store, *convs, _conversation("x", "other", LAWYER, T0 + timedelta(minutes=9)))
    judge = Judge()
    first = store.triage_new(judge, T0, limit=2)  # batches smaller than what waits: the rest follows
    assert first.more and len(judge.judged) == 2
    while store.triage_new(judge, T0, limit=2).more:
        pass
    outage = [_columns(store, ids[f"o{i}"]) for i in range(3)]
    assert len({c["topic_id"] for c in outage}) == 1 and outage[0]["topic_id"] is not None
    label = str(outage[0]["topic_label"])
    assert {c["topic_label"] for c in outage} == {label} and "Hamburg" in label  # every member has the latest label
    assert _columns(store, ids["x"])["topic_id"] != outage[0]["topic_id"]
    (topic,) = store.topic_counts(min_size=3)
    assert (topic.label, topic.count) == (label, 3)
    # a new session's triage groups the recent posts again (topics live in memory)
    rebuilt = store.replay_topics(Judge(), T0 - timedelta(days=1))
    assert rebuilt == set(ids.values())
    again = [_columns(store, ids[f"o{i}"]) for i in range(3)]
    assert len({c["topic_id"] for c in again}) == 1 and again[0]["topic_label"] == label
