"""The store's one entry point: short transactions in, frozen dataclasses out.

Every method is synchronous and safe to call from any single thread at a time; the UI and the
sync engine call it through :class:`agentdesk.store.runner.StoreRunner`, which keeps all writes on
one writer thread and reads off the GUI thread.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select, text, update
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from agentdesk.core.channels import Audience, Channel
from agentdesk.core.commands import Command, CommandKind, CommandResult, CommandState
from agentdesk.core.entities import Account, Conversation, ConversationRow, Draft, Queue
from agentdesk.core.escalation import Escalated
from agentdesk.core.incoming import SyncBatch
from agentdesk.core.monitoring import FoundPost, SavedSearch
from agentdesk.core.sla import BusinessCalendar, SlaPolicy
from agentdesk.core.team import BoardRow, TeamAgent, TeamSnapshot
from agentdesk.store import convert, drafts, ingest, monitoring, outbox, queries, team, triage_verdicts
from agentdesk.store.database import STORE_FILE, open_engine
from agentdesk.store.errors import DiskFull
from agentdesk.store.export import export_document
from agentdesk.store.models import AccountRow, ConversationTable, CustomerRow
from agentdesk.store.queries import SortOrder, TopicCount
from agentdesk.store.triage_verdicts import Judge, TriageOutcome


class Store:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._engine = open_engine(path)
        self._sessions = sessionmaker(self._engine, expire_on_commit=False)

    @classmethod
    def open(cls, data_dir: Path) -> Store:
        return cls(data_dir / STORE_FILE)

    def close(self) -> None:
        self._engine.dispose()

    @contextmanager
    def _tx(self) -> Iterator[Session]:
        try:
            with self._sessions.begin() as session:
                yield session
        except OperationalError as exc:
            if "full" in str(exc.orig):
                raise DiskFull(self.path) from exc
            raise

    # --- accounts -------------------------------------------------------------------------
    def add_account(
        self, kind: str, name: str, now: datetime, base_url: str = "", settings: dict[str, str] | None = None
    ) -> Account:
        with self._tx() as s:
            row = AccountRow(
                kind=kind, name=name, base_url=base_url, settings_json=json.dumps(settings or {}), created_at=now
            )
            s.add(row)
            s.flush()
            return convert.account(row)

    def change_account_settings(self, account_id: int, settings: Mapping[str, str]) -> Account:
        """What a new sign-in learnt (a client id, an instance's limit); the other settings stay."""
        with self._tx() as s:
            row = s.get_one(AccountRow, account_id)
            row.settings_json = json.dumps({**json.loads(row.settings_json or "{}"), **settings})
            s.flush()
            return convert.account(row)

    def list_accounts(self) -> list[Account]:
        with self._tx() as s:
            return [convert.account(r) for r in s.scalars(select(AccountRow).order_by(AccountRow.id))]

    def account_by_name(self, name: str) -> Account | None:
        with self._tx() as s:
            row = s.scalar(select(AccountRow).where(AccountRow.name == name))
            return None if row is None else convert.account(row)

    def remove_account(self, account_id: int) -> None:
        with self._tx() as s:
            s.delete(s.get_one(AccountRow, account_id))

    def cursor(self, account_id: int) -> str | None:
        with self._tx() as s:
            return s.get_one(AccountRow, account_id).cursor

    # --- sync ------------------------------------------------------------------------------
    def apply_batch(self, account_id: int, batch: SyncBatch) -> set[int]:
        """Write one page and advance the cursor in the same transaction: a crash repeats a page,
        never skips one."""
        return self.apply_batches(account_id, [batch])

    def apply_batches(self, account_id: int, batches: Sequence[SyncBatch]) -> set[int]:
        """Write several pages in order and advance the cursor to the last one, in one transaction:
        a sync that fetches faster than one commit per page writes what queued up together."""
        changed: set[int] = set()
        if not batches:
            return changed
        owned: set[int] = set()  # conversations whose assignment and status the source decides
        with self._tx() as s:
            for batch in batches:
                ids = ingest.apply_conversations(s, account_id, batch.conversations)
                changed |= ids
                if all(it.assignee is not None for it in batch.conversations):
                    owned |= ids
            outbox.keep_pending_writes(s, account_id, owned)
            s.execute(update(AccountRow).where(AccountRow.id == account_id).values(cursor=batches[-1].cursor))
            return changed

    # --- triage ----------------------------------------------------------------------------
    def triage_new(self, judge: Judge, now: datetime, limit: int = 5000) -> TriageOutcome:
        """Judge the next batch of stored messages; verdicts, spam moves and cursor in one transaction."""
        with self._tx() as s:
            return triage_verdicts.triage_new(s, judge, now, limit)

    def replay_topics(self, judge: Judge, since: datetime) -> set[int]:
        with self._tx() as s:
            return triage_verdicts.replay_topics(s, judge, since)

    def record_spam_verdict(self, conversation_id: int, is_spam: bool) -> str:
        with self._tx() as s:
            return triage_verdicts.learn_text(s, conversation_id, is_spam)

    # --- reads for the window ----------------------------------------------------------------
    def queue_counts(self, me: str) -> dict[Queue, int]:
        with self._tx() as s:
            return queries.queue_counts(s, me)

    def conversation_ids(
        self, queue: Queue, me: str, order: SortOrder = SortOrder.DUE, search: str = "", topic_id: int | None = None
    ) -> list[int]:
        with self._tx() as s:
            return queries.conversation_ids(s, queue, me, order, search, topic_id)

    def escalations(self) -> list[Escalated]:
        with self._tx() as s:
            return queries.escalations(s)

    def topic_counts(self, min_size: int = 2) -> list[TopicCount]:
        with self._tx() as s:
            return queries.topic_counts(s, min_size)

    def conversation_rows(self, ids: list[int]) -> list[ConversationRow]:
        with self._tx() as s:
            return queries.conversation_rows(s, ids)

    def conversation(self, conversation_id: int) -> Conversation | None:
        with self._tx() as s:
            return queries.conversation(s, conversation_id)

    def mark_read(self, conversation_id: int) -> None:
        with self._tx() as s:
            s.execute(update(ConversationTable).where(ConversationTable.id == conversation_id).values(unread=False))

    def set_form_of_address(self, customer_id: int, form: str) -> None:
        with self._tx() as s:
            s.execute(update(CustomerRow).where(CustomerRow.id == customer_id).values(form_of_address=form))

    # --- drafts ----------------------------------------------------------------------------
    def save_draft(self, conversation_id: int, text_: str, audience: Audience, now: datetime) -> None:
        with self._tx() as s:
            drafts.save(s, conversation_id, text_, audience, now)

    def draft(self, conversation_id: int) -> Draft | None:
        with self._tx() as s:
            return drafts.load(s, conversation_id)

    # --- the outbox --------------------------------------------------------------------------
    def perform(
        self, conversation_id: int, kind: CommandKind, payload: dict[str, str], now: datetime, author: str = ""
    ) -> Command:
        """A user's write: applied locally at once (optimistic) and queued for the source, atomically."""
        with self._tx() as s:
            outbox.apply_locally(s, conversation_id, kind, payload, now)
            return outbox.enqueue(s, conversation_id, kind, payload, now, author)

    def due_commands(self, account_id: int, now: datetime) -> list[Command]:
        with self._tx() as s:
            return outbox.due_commands(s, account_id, now)

    def next_command_due(self, account_id: int) -> datetime | None:
        with self._tx() as s:
            return outbox.next_due_at(s, account_id)

    def mark_sending(self, command_id: int) -> None:
        with self._tx() as s:
            outbox.mark_sending(s, command_id)

    def complete_command(self, command_id: int, result: CommandResult) -> int:
        with self._tx() as s:
            return outbox.complete(s, command_id, result)

    def fail_command(self, command_id: int, error: str, retry_at: datetime | None) -> int:
        with self._tx() as s:
            return outbox.fail(s, command_id, error, retry_at=retry_at)

    def retry_command(self, command_id: int, now: datetime) -> int:
        with self._tx() as s:
            return outbox.retry(s, command_id, now)

    def discard_command(self, command_id: int) -> tuple[int, str]:
        with self._tx() as s:
            return outbox.discard(s, command_id)

    def command_for_message(self, message_id: int) -> int | None:
        with self._tx() as s:
            return outbox.command_for_message(s, message_id)

    def outbox_counts(self) -> dict[CommandState, int]:
        with self._tx() as s:
            return outbox.state_counts(s)

    # --- monitoring ------------------------------------------------------------------------
    def add_search(self, account_id: int, query: str, now: datetime) -> SavedSearch:
        with self._tx() as s:
            return monitoring.add_search(s, account_id, query, now)

    def change_search(self, search_id: int, query: str) -> SavedSearch | None:
        with self._tx() as s:
            return monitoring.change_search(s, search_id, query)

    def remove_search(self, search_id: int) -> bool:
        with self._tx() as s:
            return monitoring.remove_search(s, search_id)

    def saved_searches(self, account_id: int | None = None) -> list[SavedSearch]:
        with self._tx() as s:
            return monitoring.saved_searches(s, account_id)

    def record_matches(self, search_id: int, account_id: int, found: Sequence[FoundPost], now: datetime) -> set[int]:
        """A search's results and its time of running, in one transaction."""
        with self._tx() as s:
            monitoring.mark_searched(s, search_id, now)
            return monitoring.record_matches(s, account_id, found, now)

    def monitoring_reasons(self, conversation_id: int) -> list[str]:
        with self._tx() as s:
            return monitoring.reasons(s, conversation_id)

    # --- the team (supervisor's desk) ---------------------------------------------------------
    def save_team(self, account_id: int, snapshot: TeamSnapshot, now: datetime) -> bool:
        with self._tx() as s:
            return team.save_team(s, account_id, snapshot, now)

    def team_agents(self) -> list[TeamAgent]:
        with self._tx() as s:
            return team.team_agents(s)

    def team_board(self, now: datetime, policy: SlaPolicy, calendar: BusinessCalendar) -> list[BoardRow]:
        with self._tx() as s:
            return team.team_board(s, now, policy, calendar)

    def open_load(self) -> dict[str, int]:
        with self._tx() as s:
            return team.open_load(s)

    def unfinished_ids(self, assignee: str) -> list[int]:
        with self._tx() as s:
            return team.unfinished_ids(s, assignee)

    def agent_queue_ids(self, assignee: str) -> list[int]:
        with self._tx() as s:
            return team.agent_queue_ids(s, assignee)

    def needs_of(self, ids: list[int]) -> tuple[set[Channel], set[str]]:
        with self._tx() as s:
            return team.channels_and_languages(s, ids)

    # --- support ---------------------------------------------------------------------------
    def export(self, now: datetime) -> dict[str, Any]:
        with self._tx() as s:
            return export_document(s, now)

    def integrity_check(self) -> str:
        with self._tx() as s:
            return str(s.execute(text("PRAGMA integrity_check")).scalar())
