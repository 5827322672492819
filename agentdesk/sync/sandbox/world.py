"""The sandbox's "remote platform": its own SQLite file, its own ids, exactly-once by key.

It plays the server's part faithfully enough that the client's sync and outbox are exercised
for real: scripted customer messages appear when the simulated clock reaches them, our replies
are stored with their idempotency key (a repeated key returns the first result), and the
simulated customer answers a reply after a scripted delay.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from agentdesk.core.sim_clock import SimClock
from agentdesk.sync.sandbox.script import ScriptConversation, Sender

WORLD_FILE = "sandbox.sqlite3"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS conversations (
  source_id TEXT PRIMARY KEY, status TEXT NOT NULL, assignee TEXT NOT NULL, seq INTEGER NOT NULL,
  replies INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS messages (
  source_id TEXT PRIMARY KEY, conversation TEXT NOT NULL, seq INTEGER NOT NULL, direction TEXT NOT NULL,
  author TEXT NOT NULL, text TEXT NOT NULL, created_ms INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS messages_seq ON messages(seq);
CREATE TABLE IF NOT EXISTS executed (idempotency_key TEXT PRIMARY KEY, message_id TEXT);
CREATE TABLE IF NOT EXISTS scheduled (
  conversation TEXT NOT NULL, idx INTEGER NOT NULL, due_ms INTEGER NOT NULL, PRIMARY KEY (conversation, idx));
"""


def _ms(value: datetime) -> int:
    return int(value.timestamp() * 1000)


def _dt(ms: int) -> datetime:
    return datetime.fromtimestamp(ms / 1000, UTC)


@dataclass(frozen=True, slots=True)
class WorldMessage:
    source_id: str
    conversation: str
    seq: int
    direction: str  # inbound, outbound, note
    author: str
    text: str
    created_at: datetime


@dataclass(frozen=True, slots=True)
class WorldConversation:
    source_id: str
    status: str
    assignee: str


class SandboxWorld:
    def __init__(self, path: Path, scripts: Iterable[ScriptConversation], real_now: datetime) -> None:
        self.scripts = {s.id: s for s in scripts}
        self._lock = threading.Lock()
        self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.executescript(_SCHEMA)
        with self._tx() as db:
            db.execute("INSERT OR IGNORE INTO meta VALUES ('start', ?)", (str(_ms(real_now)),))
            db.execute("INSERT OR IGNORE INTO meta VALUES ('anchor_real', ?)", (str(_ms(real_now)),))
            db.execute("INSERT OR IGNORE INTO meta VALUES ('anchor_sim', ?)", (str(_ms(real_now)),))
            db.execute("INSERT OR IGNORE INTO meta VALUES ('speed', '1.0')")
        self._clock = SimClock(
            anchor_real=_dt(int(self._meta("anchor_real"))),
            anchor_sim=_dt(int(self._meta("anchor_sim"))),
            speed=float(self._meta("speed")),
        )
        self.start = _dt(int(self._meta("start")))

    def close(self) -> None:
        self._db.close()

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def _meta(self, key: str) -> str:
        return str(self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()[0])

    # --- the clock -----------------------------------------------------------------------------
    def clock(self) -> SimClock:
        return self._clock

    def set_speed(self, speed: float, real_now: datetime) -> SimClock:
        clock = self.clock().with_speed(speed, real_now)
        with self._tx() as db:
            db.executemany(
                "UPDATE meta SET value = ? WHERE key = ?",
                [
                    (str(_ms(clock.anchor_real)), "anchor_real"),
                    (str(_ms(clock.anchor_sim)), "anchor_sim"),
                    (str(clock.speed), "speed"),
                ],
            )
        self._clock = clock
        return clock

    # --- time passes ---------------------------------------------------------------------------
    def advance(self, sim_now: datetime) -> None:
        """Deliver every scripted message and scheduled answer whose time has come."""
        start = self.start
        with self._tx() as db:
            for script in self.scripts.values():
                for idx, msg in enumerate(script.messages):
                    at = start + msg.at
                    if at <= sim_now:
                        self._insert_scripted(db, script, idx, at)
            due = db.execute(
                "SELECT conversation, idx, due_ms FROM scheduled WHERE due_ms <= ?", (_ms(sim_now),)
            ).fetchall()
            for conversation, idx, due_ms in due:
                script = self.scripts.get(conversation)
                if script is not None and idx < len(script.answers):
                    self._add_message(
                        db,
                        f"{conversation}:answer:{idx}",
                        conversation,
                        "inbound",
                        script.customer.name,
                        script.answers[idx].text,
                        _dt(due_ms),
                    )
                    db.execute(
                        "UPDATE conversations SET status = 'open', seq = ? WHERE source_id = ? AND status != 'open'",
                        (self._next_seq(db), conversation),
                    )
                db.execute("DELETE FROM scheduled WHERE conversation = ? AND idx = ?", (conversation, idx))

    def _insert_scripted(self, db: sqlite3.Connection, script: ScriptConversation, idx: int, at: datetime) -> None:
        source_id = f"{script.id}:{idx}"
        if db.execute("SELECT 1 FROM messages WHERE source_id = ?", (source_id,)).fetchone():
            return
        if not db.execute("SELECT 1 FROM conversations WHERE source_id = ?", (script.id,)).fetchone():
            db.execute(
                "INSERT INTO conversations (source_id, status, assignee, seq) VALUES (?, ?, ?, ?)",
                (script.id, script.status.value, script.assignee, self._next_seq(db)),
            )
        msg = script.messages[idx]
        direction = {Sender.CUSTOMER: "inbound", Sender.AGENT: "outbound", Sender.NOTE: "note"}[msg.sender]
        author = script.customer.name if msg.sender is Sender.CUSTOMER else msg.author
        self._add_message(db, source_id, script.id, direction, author, msg.text, at)
        if msg.sender is Sender.CUSTOMER and msg.at > timedelta(0):
            # a new customer message reopens a conversation that was waiting or done
            db.execute(
                "UPDATE conversations SET status = 'open' WHERE source_id = ? AND status IN ('pending', 'resolved')",
                (script.id,),
            )

    def _next_seq(self, db: sqlite3.Connection) -> int:
        row = db.execute(
            "SELECT max(s) FROM (SELECT max(seq) AS s FROM messages UNION ALL SELECT max(seq) FROM conversations)"
        ).fetchone()
        return int(row[0] or 0) + 1

    def _add_message(
        self,
        db: sqlite3.Connection,
        source_id: str,
        conversation: str,
        direction: str,
        author: str,
        text: str,
        at: datetime,
    ) -> None:
        db.execute(
            "INSERT OR IGNORE INTO messages VALUES (?, ?, ?, ?, ?, ?, ?)",
            (source_id, conversation, self._next_seq(db), direction, author, text, _ms(at)),
        )
        db.execute("UPDATE conversations SET seq = ? WHERE source_id = ?", (self._next_seq(db), conversation))

    # --- what the client pulls -------------------------------------------------------------------
    def changes_since(self, seq: int, limit: int) -> tuple[list[WorldConversation], list[WorldMessage], int]:
        """Conversations touched after ``seq`` (oldest change first, at most ``limit``), with their new messages."""
        with self._lock:
            convs = [
                WorldConversation(*row)
                for row in self._db.execute(
                    "SELECT source_id, status, assignee FROM conversations WHERE seq > ? ORDER BY seq LIMIT ?",
                    (seq, limit),
                )
            ]
            if not convs:
                return [], [], seq
            ids = [c.source_id for c in convs]
            marks = ",".join("?" * len(ids))
            new_seq = int(
                self._db.execute(f"SELECT max(seq) FROM conversations WHERE source_id IN ({marks})", ids).fetchone()[0]
            )
            msgs = [
                WorldMessage(r[0], r[1], r[2], r[3], r[4], r[5], _dt(r[6]))
                for r in self._db.execute(
                    f"SELECT * FROM messages WHERE conversation IN ({marks}) AND seq > ? ORDER BY seq", [*ids, seq]
                )
            ]
            return convs, msgs, new_seq

    # --- what the client sends ---------------------------------------------------------------------
    def post(
        self, key: str, conversation: str, direction: str, author: str, text: str, sim_now: datetime
    ) -> WorldMessage:
        """Store a reply or note once per key; a reply schedules the customer's next scripted answer."""
        with self._tx() as db:
            found = self._executed(db, key)
            if found is not None:
                return found
            self._require_conversation(db, conversation)
            source_id = f"{conversation}:sent:{key[:12]}"
            self._add_message(db, source_id, conversation, direction, author, text, sim_now)
            db.execute("INSERT INTO executed VALUES (?, ?)", (key, source_id))
            if direction == "outbound":
                replies = db.execute(
                    "SELECT replies FROM conversations WHERE source_id = ?", (conversation,)
                ).fetchone()[0]
                script = self.scripts.get(conversation)
                if script is not None and replies < len(script.answers):
                    due = sim_now + script.answers[replies].after
                    db.execute("INSERT OR IGNORE INTO scheduled VALUES (?, ?, ?)", (conversation, replies, _ms(due)))
                db.execute("UPDATE conversations SET replies = replies + 1 WHERE source_id = ?", (conversation,))
            return self._executed(db, key)  # type: ignore[return-value]

    def update(self, key: str, conversation: str, *, status: str | None = None, assignee: str | None = None) -> None:
        with self._tx() as db:
            if db.execute("SELECT 1 FROM executed WHERE idempotency_key = ?", (key,)).fetchone():
                return
            self._require_conversation(db, conversation)
            if status is not None:
                db.execute("UPDATE conversations SET status = ? WHERE source_id = ?", (status, conversation))
            if assignee is not None:
                db.execute("UPDATE conversations SET assignee = ? WHERE source_id = ?", (assignee, conversation))
            db.execute("UPDATE conversations SET seq = ? WHERE source_id = ?", (self._next_seq(db), conversation))
            db.execute("INSERT INTO executed VALUES (?, NULL)", (key,))

    def executed(self, key: str) -> tuple[bool, WorldMessage | None]:
        with self._lock:
            known = self._db.execute("SELECT 1 FROM executed WHERE idempotency_key = ?", (key,)).fetchone()
            return bool(known), self._executed(self._db, key)

    def _executed(self, db: sqlite3.Connection, key: str) -> WorldMessage | None:
        row = db.execute(
            "SELECT m.* FROM executed e JOIN messages m ON m.source_id = e.message_id WHERE e.idempotency_key = ?",
            (key,),
        ).fetchone()
        return None if row is None else WorldMessage(row[0], row[1], row[2], row[3], row[4], row[5], _dt(row[6]))

    def _require_conversation(self, db: sqlite3.Connection, conversation: str) -> None:
        if not db.execute("SELECT 1 FROM conversations WHERE source_id = ?", (conversation,)).fetchone():
            raise KeyError(conversation)

    def sent_count(self, conversation: str, text: str) -> int:
        """How often this exact text reached the platform (tests check exactly-once with it)."""
        with self._lock:
            return int(
                self._db.execute(
                    "SELECT count(*) FROM messages WHERE conversation = ? AND text = ? AND direction != 'inbound'",
                    (conversation, text),
                ).fetchone()[0]
            )
