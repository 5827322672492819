"""The local store on real SQLite files: schema by migration, ingest, queues, search, drafts, outbox."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

from agentdesk.core.channels import Audience
from agentdesk.core.commands import CommandKind, CommandResult, CommandState
from agentdesk.core.entities import Delivery, Direction, Queue, Status
from agentdesk.core.incoming import IncomingMessage
from agentdesk.store import DataDirNotWritable, SortOrder, Store, StoreUnreadable
from agentdesk.store.database import STORE_FILE, move_aside
from agentdesk.store.migrate import current_revision, head_revision
from tests.factories import T0, batch, conversation


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store.open(tmp_path)
    yield s
    s.close()


def _account(store: Store) -> int:
    return store.add_account("sandbox", "Sandbox", T0).id


def test_an_empty_file_is_migrated_to_the_newest_schema(tmp_path: Path) -> None:
    (tmp_path / STORE_FILE).touch()
    store = Store.open(tmp_path)
    assert current_revision(store._engine) == head_revision() is not None
    with sqlite3.connect(tmp_path / STORE_FILE) as db:
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type IN ('table')")}
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert {"accounts", "conversations", "messages", "drafts", "outbox", "messages_fts"} <= tables
    store.close()


def test_the_same_page_applied_twice_changes_nothing(store: Store) -> None:
    acc = _account(store)
    page = batch(conversation("t1", "Paket kommt nicht", "Hallo??"))
    store.apply_batch(acc, page)
    store.apply_batch(acc, page)
    [cid] = store.conversation_ids(Queue.ALL_OPEN, "me")
    assert [m.text for m in store.conversation(cid).messages] == ["Paket kommt nicht", "Hallo??"]


def test_queues_count_what_they_show(store: Store) -> None:
    acc = _account(store)
    store.apply_batch(
        acc,
        batch(
            conversation("a", "x", assignee="me"),
            conversation("b", "x"),
            conversation("c", "x", status=Status.PENDING),
            conversation("d", "x", status=Status.RESOLVED),
            conversation("e", "x", status=Status.SPAM),
            conversation("f", "x", status=Status.MONITORING),
        ),
    )
    escalated = {"path": "legal", "team": "Legal", "text": "Escalated to Legal: threatens to sue"}
    for source_id in ("a", "c"):  # only an open one counts as escalated
        [cid] = [
            i
            for i in store.conversation_ids(Queue.ALL_OPEN, "me") + store.conversation_ids(Queue.WAITING, "me")
            if store.conversation(i).source_id == source_id
        ]
        store.perform(cid, CommandKind.ESCALATE, escalated, T0)
    counts = store.queue_counts("me")
    assert counts == {
        Queue.MINE: 1,
        Queue.UNASSIGNED: 1,
        Queue.ALL_OPEN: 2,
        Queue.ESCALATED: 1,
        Queue.WAITING: 1,
        Queue.RESOLVED: 1,
        Queue.SPAM: 1,
        Queue.MONITORING: 1,
    }
    for queue, n in counts.items():
        assert len(store.conversation_ids(queue, "me")) == n


def test_due_order_puts_the_longest_waiting_customer_first(store: Store) -> None:
    acc = _account(store)
    store.apply_batch(
        acc,
        batch(
            conversation("late", "x", customer="b", start=T0 + timedelta(hours=1)),
            conversation("early", "x", customer="a", start=T0),
        ),
    )
    ids = store.conversation_ids(Queue.ALL_OPEN, "me", SortOrder.DUE)
    assert [store.conversation(i).source_id for i in ids] == ["early", "late"]
    newest = store.conversation_ids(Queue.ALL_OPEN, "me", SortOrder.NEWEST)
    assert [store.conversation(i).source_id for i in newest] == ["late", "early"]


def test_search_finds_words_in_any_message_ignoring_accents_and_case(store: Store) -> None:
    acc = _account(store)
    store.apply_batch(
        acc,
        batch(
            conversation("a", "Wo bleibt meine Rückerstattung?", customer="a"),
            conversation("b", "Router blinkt rot", customer="b", status=Status.RESOLVED),
        ),
    )
    [hit] = store.conversation_ids(Queue.MINE, "me", search="ruckerst")
    assert store.conversation(hit).source_id == "a"
    [hit] = store.conversation_ids(Queue.MINE, "me", search="ROUTER")
    assert store.conversation(hit).source_id == "b"  # search spans every queue
    assert store.conversation_ids(Queue.MINE, "me", search='" OR x') == []  # no FTS syntax leaks through


def test_a_draft_survives_reopening_the_store(tmp_path: Path) -> None:
    store = Store.open(tmp_path)
    acc = _account(store)
    store.apply_batch(acc, batch(conversation("a", "Hallo")))
    [cid] = store.conversation_ids(Queue.ALL_OPEN, "me")
    store.save_draft(cid, "Hallo Kim, wir", Audience.PRIVATE, T0)
    store.close()
    again = Store.open(tmp_path)
    draft = again.draft(cid)
    assert (draft.text, draft.audience) == ("Hallo Kim, wir", Audience.PRIVATE)
    again.save_draft(cid, "   ", Audience.PUBLIC, T0)
    assert again.draft(cid) is None  # an emptied editor leaves no draft behind
    again.close()


def test_a_reply_is_pending_at_once_then_takes_the_source_id(store: Store) -> None:
    acc = _account(store)
    store.apply_batch(acc, batch(conversation("a", "Hallo")))
    [cid] = store.conversation_ids(Queue.ALL_OPEN, "me")
    store.save_draft(cid, "Danke!", Audience.PUBLIC, T0)
    command = store.perform(cid, CommandKind.REPLY, {"text": "Danke!"}, T0, "Alex")
    shown = store.conversation(cid).messages[-1]
    assert (shown.text, shown.delivery, shown.direction) == ("Danke!", Delivery.PENDING, Direction.OUTBOUND)
    assert store.draft(cid) is None  # sent text is no longer a draft
    assert store.conversation(cid).waiting_since is None  # the customer has an answer
    store.mark_sending(command.id)
    store.complete_command(
        command.id, CommandResult(IncomingMessage("src-9", Direction.OUTBOUND, "Alex", "Danke!", T0))
    )
    shown = store.conversation(cid).messages[-1]
    assert (shown.source_id, shown.delivery) == ("src-9", Delivery.DELIVERED)
    # the same message arriving by sync later is not shown twice
    store.apply_batch(acc, batch(conversation("a", "Hallo")))
    assert len(store.conversation(cid).messages) == 2


def test_a_rejected_reply_can_be_retried_or_taken_back_into_the_editor(store: Store) -> None:
    acc = _account(store)
    store.apply_batch(acc, batch(conversation("a", "Hallo")))
    [cid] = store.conversation_ids(Queue.ALL_OPEN, "me")
    command = store.perform(cid, CommandKind.REPLY, {"text": "Zu lang"}, T0, "Alex")
    store.fail_command(command.id, "Text too long", None)
    failed = store.conversation(cid).messages[-1]
    assert (failed.delivery, failed.error) == (Delivery.FAILED, "Text too long")
    assert store.conversation(cid).waiting_since is not None  # a failed reply does not answer the customer
    store.retry_command(command.id, T0)
    assert store.due_commands(acc, T0)[0].id == command.id
    store.fail_command(command.id, "Text too long", None)
    assert store.discard_command(command.id) == (cid, "Zu lang")
    assert [m.text for m in store.conversation(cid).messages] == ["Hallo"]
    assert store.outbox_counts()[CommandState.FAILED] == 0


def test_assign_and_status_apply_locally_at_once(store: Store) -> None:
    acc = _account(store)
    store.apply_batch(acc, batch(conversation("a", "Hallo")))
    [cid] = store.conversation_ids(Queue.ALL_OPEN, "me")
    store.perform(cid, CommandKind.ASSIGN, {"assignee": "me"}, T0)
    assert store.conversation_ids(Queue.MINE, "me") == [cid]
    store.perform(cid, CommandKind.SET_STATUS, {"status": "resolved"}, T0)
    assert store.conversation_ids(Queue.RESOLVED, "me") == [cid]
    assert [c.kind for c in store.due_commands(acc, T0)] == [CommandKind.ASSIGN, CommandKind.SET_STATUS]


def test_a_page_sent_before_the_backend_had_a_write_does_not_undo_it(store: Store) -> None:
    acc = _account(store)
    stale = batch(conversation("a", "Hallo", assignee="Alex"))
    store.apply_batch(acc, stale)
    [cid] = store.conversation_ids(Queue.ALL_OPEN, "me")
    assign = store.perform(cid, CommandKind.ASSIGN, {"assignee": "me"}, T0)
    resolve = store.perform(cid, CommandKind.SET_STATUS, {"status": "resolved"}, T0)
    store.apply_batch(acc, stale)
    assert store.conversation_ids(Queue.RESOLVED, "me") == [cid]
    assert store.conversation(cid).assignee == "me"
    store.mark_sending(assign.id)  # in flight: the backend may or may not have it yet
    store.apply_batch(acc, stale)
    assert store.conversation(cid).assignee == "me"
    for command in (assign, resolve):
        store.complete_command(command.id, CommandResult())
    store.apply_batch(acc, stale)  # once delivered, the backend's word counts again
    assert (store.conversation(cid).assignee, store.conversation(cid).status) == ("Alex", Status.OPEN)


def test_on_a_platform_a_new_post_still_reopens_what_waits_to_be_resolved(store: Store) -> None:
    acc = _account(store)
    store.apply_batch(acc, batch(replace(conversation("a", "Hallo"), assignee=None)))
    [cid] = store.conversation_ids(Queue.ALL_OPEN, "me")
    store.perform(cid, CommandKind.SET_STATUS, {"status": "resolved"}, T0)
    store.apply_batch(acc, batch(replace(conversation("a", "Hallo", "Noch da?"), assignee=None)))
    assert store.conversation_ids(Queue.ALL_OPEN, "me") == [cid]


def test_a_damaged_file_is_reported_and_kept(tmp_path: Path) -> None:
    path = tmp_path / STORE_FILE
    path.write_bytes(b"this is not a database, it is a shopping list" * 100)
    with pytest.raises(StoreUnreadable, match="cannot be read") as info:
        Store.open(tmp_path)
    assert info.value.path == path
    moved = move_aside(path, T0)
    assert moved.read_bytes().startswith(b"this is not a database")
    assert not path.exists()
    Store.open(tmp_path).close()  # a fresh store starts


def test_another_programs_database_is_not_touched(tmp_path: Path) -> None:
    path = tmp_path / STORE_FILE
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE recipes (name TEXT)")
    with pytest.raises(StoreUnreadable, match="another program"):
        Store.open(tmp_path)
    with sqlite3.connect(path) as db:
        assert {r[0] for r in db.execute("SELECT name FROM sqlite_master")} == {"recipes"}


def test_a_data_folder_that_cannot_be_written_is_named(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(DataDirNotWritable, match=str(blocker)):
        Store.open(blocker / "profile")


def test_export_holds_accounts_conversations_and_messages(store: Store) -> None:
    acc = _account(store)
    store.apply_batch(acc, batch(conversation("a", "Hallo", assignee="Jonas")))
    doc = store.export(T0)
    assert doc["accounts"][0]["kind"] == "sandbox"
    [conv] = doc["conversations"]
    assert (conv["channel"], conv["audience"], conv["status"], conv["assignee"]) == ("x", "public", "open", "Jonas")
    assert conv["customer"]["handle"] == "@kim"
    assert conv["messages"][0]["source_id"] == "a-m0"


def test_what_the_agent_sends_is_found_by_search_too(store: Store) -> None:
    acc = _account(store)
    store.apply_batch(acc, batch(conversation("a", "Hallo")))
    [cid] = store.conversation_ids(Queue.ALL_OPEN, "me")
    store.perform(cid, CommandKind.REPLY, {"text": "Die Gutschrift ist veranlasst"}, T0, "Alex")
    assert store.conversation_ids(Queue.ALL_OPEN, "me", search="gutschrift") == [cid]
    store.perform(cid, CommandKind.NOTE, {"text": "Kulanz genehmigt"}, T0, "Alex")
    assert store.conversation_ids(Queue.ALL_OPEN, "me", search="kulanz") == [cid]


def test_the_known_head_revision_is_alembics_head() -> None:
    from agentdesk.store.migrate import HEAD_REVISION

    assert head_revision() == HEAD_REVISION


def test_reads_see_one_moment_while_a_sync_writes(tmp_path: Path) -> None:
    """An export taken during a sync is consistent: no conversation without its customer."""
    import threading

    store = Store.open(tmp_path)
    acc = _account(store)
    done = threading.Event()

    def sync() -> None:
        for i in range(150):
            store.apply_batch(acc, batch(conversation(f"c{i}", "Hallo", customer=f"kunde{i}")))
        done.set()

    writer = threading.Thread(target=sync)
    writer.start()
    exports = 0
    while not done.is_set():
        doc = store.export(T0)  # raised KeyError when its queries saw different moments
        assert all(c["customer"]["handle"] for c in doc["conversations"])
        exports += 1
    writer.join()
    store.close()
    assert exports > 1


def test_the_migrations_build_the_tables_the_models_describe(tmp_path: Path) -> None:
    """A column added to a model but forgotten in a migration (or the reverse) fails here."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from agentdesk.store.models import Base

    store = Store.open(tmp_path)
    with store._engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    store.close()

    def relevant(change: object) -> bool:
        if isinstance(change, list):  # column modifications: SQLite reports FLOAT for Double
            return any(c[0] != "modify_type" for c in change)
        return not (change[0] == "remove_table" and change[1].name.startswith("messages_fts"))  # type: ignore[index]

    assert [c for c in diff if relevant(c)] == []
