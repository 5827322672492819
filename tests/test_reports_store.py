"""The charts' facts from a real SQLite store: requests are runs of customer messages up to our
next reply; notes and failed sends are no reply; spam and other days are left out."""

from __future__ import annotations

import asyncio
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from agentdesk.core.channels import Audience, Channel
from agentdesk.core.commands import CommandKind
from agentdesk.core.entities import Direction, Status
from agentdesk.core.incoming import IncomingConversation, IncomingCustomer, IncomingMessage, SyncBatch
from agentdesk.core.monitoring import FoundPost, SearchHit
from agentdesk.core.reports import AttainmentBy, DateRange, TeamReport
from agentdesk.core.sla import DEFAULT_POLICY, BusinessCalendar
from agentdesk.store import Store
from agentdesk.store.reports import read_team_report, request_facts
from agentdesk.store.runner import StoreRunner

BERLIN = ZoneInfo("Europe/Berlin")
CAL = BusinessCalendar.parse_hours("mon-fri 08:00-18:00", tz="Europe/Berlin")
TUESDAY = DateRange(date(2026, 6, 2), date(2026, 6, 2))
NOW = datetime(2026, 6, 2, 17, 0, tzinfo=BERLIN)


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 6, day, hour, minute, tzinfo=BERLIN)


def conversation(
    source_id: str,
    messages: list[tuple[datetime, Direction]],
    *,
    channel: Channel = Channel.X,
    status: Status = Status.OPEN,
) -> IncomingConversation:
    return IncomingConversation(
        source_id=source_id,
        channel=channel,
        audience=Audience.PUBLIC,
        customer=IncomingCustomer(f"u-{source_id}", source_id.title(), f"@{source_id}", channel),
        status=status,
        assignee="Jonas Weber" if channel is Channel.X else "",
        subject="",
        created_at=messages[0][0],
        messages=tuple(
            IncomingMessage(f"{source_id}-{i}", direction, "", f"message {i}", when)
            for i, (when, direction) in enumerate(messages)
        ),
    )


IN, OUT, NOTE = Direction.INBOUND, Direction.OUTBOUND, Direction.NOTE


def make_store(path: Path) -> tuple[Store, dict[str, int]]:
    store = Store(path / "store.sqlite3")
    account = store.add_account("sandbox", "Sandbox", at(1, 8))
    items = [
        # two messages, one request; a note is no reply; the second request waits
        conversation(
            "anna", [(at(2, 9), IN), (at(2, 9, 5), IN), (at(2, 9, 20), OUT), (at(2, 9, 25), NOTE), (at(2, 10), IN)]
        ),
        # began on Monday: only Tuesday's request counts, and it is not the opening one
        conversation(
            "ben", [(at(1, 17), IN), (at(2, 8, 30), OUT), (at(2, 11), IN), (at(2, 14), OUT)], channel=Channel.EMAIL
        ),
        conversation("spam", [(at(2, 9), IN)], status=Status.SPAM),
        conversation("wednesday", [(at(3, 9), IN), (at(3, 9, 5), OUT)]),
        conversation("cleo", [(at(2, 12), IN)]),  # our reply to it fails below
    ]
    store.apply_batch(account.id, SyncBatch(tuple(items), None, complete=True))
    ids = {c.source_id: c.id for c in (store.conversation(i) for i in range(1, 6)) if c is not None}
    command = store.perform(
        ids["cleo"], CommandKind.REPLY, {"text": "Sorry!", "audience": "public"}, at(2, 12, 10), "me"
    )
    store.fail_command(command.id, "rejected", None)
    return store, ids


def test_requests_and_replies_from_the_store(tmp_path: Path) -> None:
    store, ids = make_store(tmp_path)
    start, end = TUESDAY.instants(BERLIN)
    with store._tx() as session:
        facts = request_facts(session, start, end)
    store.close()
    seen = {(f.conversation_id, f.received.astimezone(BERLIN).strftime("%H:%M")): f for f in facts}
    assert sorted(seen) == sorted(
        [(ids["anna"], "09:00"), (ids["anna"], "10:00"), (ids["ben"], "11:00"), (ids["cleo"], "12:00")]
    )
    anna = seen[(ids["anna"], "09:00")]
    assert anna.replied == at(2, 9, 20) and anna.opening and anna.assignee == "Jonas Weber"
    assert seen[(ids["anna"], "10:00")].replied is None  # the note did not answer it
    assert not seen[(ids["anna"], "10:00")].opening
    ben = seen[(ids["ben"], "11:00")]
    assert (ben.replied, ben.opening, ben.channel) == (at(2, 14), False, Channel.EMAIL)
    assert seen[(ids["cleo"], "12:00")].replied is None  # a failed send is no reply


def test_the_report_through_the_store_runner(tmp_path: Path) -> None:
    store, _ids = make_store(tmp_path)
    runner = StoreRunner(store)

    async def read() -> TeamReport:
        return await runner.read(read_team_report, store, TUESDAY, DEFAULT_POLICY, CAL, NOW)

    try:
        report = asyncio.run(read())
    finally:
        runner.shutdown()
    assert report.requests == 4
    assert report.histogram.counts == (0, 1, 0, 0, 1, 0)  # 20 min; 3 h
    assert report.histogram.unanswered == 2
    (tuesday,) = report.attainment[AttainmentBy.DAY]
    # anna 09:00 met; ben 11:00 missed (3 h); anna 10:00 and cleo 12:00 unanswered past 2 h at 17:00
    assert (tuesday.met, tuesday.missed, tuesday.open) == (1, 3, 0)
    assert report.volume.counts[1][9] == 1 and report.volume.total == 4


def test_a_dismissed_monitoring_match_is_no_request_but_a_taken_one_is(tmp_path: Path) -> None:
    store = Store(tmp_path / "store.sqlite3")
    account = store.add_account("sandbox", "Sandbox", at(1, 8))
    search = store.add_search(account.id, "Wellenreich", at(1, 8))
    found = [
        FoundPost(
            SearchHit(f"https://social.example/{name}", conversation(name, [(at(2, 9), IN)], status=Status.MONITORING)),
            "Wellenreich",
        )
        for name in ("dismissed", "taken")
    ]
    store.record_matches(search.id, account.id, found, at(2, 9, 1))
    ids = {c.source_id: c.id for c in (store.conversation(i) for i in (1, 2)) if c is not None}
    store.perform(ids["dismissed"], CommandKind.SET_STATUS, {"status": Status.RESOLVED.value}, at(2, 9, 5))
    store.perform(ids["taken"], CommandKind.SET_STATUS, {"status": Status.OPEN.value}, at(2, 9, 5))
    start, end = TUESDAY.instants(BERLIN)
    with store._tx() as session:
        before = request_facts(session, start, end)
    store.perform(ids["taken"], CommandKind.REPLY, {"text": "Danke!", "audience": "public"}, at(2, 9, 30))
    store.perform(ids["taken"], CommandKind.SET_STATUS, {"status": Status.RESOLVED.value}, at(2, 9, 31))
    with store._tx() as session:
        after = request_facts(session, start, end)
    store.close()
    assert [(f.conversation_id, f.replied) for f in before] == [(ids["taken"], None)]  # waiting for our answer
    assert [(f.conversation_id, f.replied) for f in after] == [(ids["taken"], at(2, 9, 30))]
