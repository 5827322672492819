"""Desktop notifications in the real window on a sandbox profile, with the simulated clock held
still and moved on by hand: offscreen there is no tray, so every notice lands in the message bar
and in ``Notifier.shown``."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest

from agentdesk.core.channels import Audience, Channel
from agentdesk.core.entities import ConversationRow, Queue, Status
from agentdesk.core.notifications import Notice, NoticeKind
from agentdesk.core.sla import SlaState
from agentdesk.store.profile import SETTINGS_FILE
from agentdesk.store.queries import SortOrder
from agentdesk.sync.sandbox.script import ScriptConversation, ScriptCustomer, ScriptMessage, Sender
from agentdesk.sync.workspace import Workspace
from agentdesk.ui.main_window import MainWindow
from agentdesk.ui.service_levels import ServiceLevels
from tests.conftest import wait_until
from tests.test_ui_triage import opened

pytestmark = pytest.mark.asyncio


def set_clock(ws: Workspace, at: datetime) -> None:
    """Hold the sandbox clock still at ``at`` (simulated time)."""
    world = ws.sandbox.world  # type: ignore[union-attr]
    real = datetime.now(UTC)
    world.set_speed(0, real)
    world.set_speed(1, real - (at - ws.now()))  # the jump, in one step of "real" time ...
    world.set_speed(0, real)  # ... and still again


def next_day(ws: Workspace, weekday: int, hour: int) -> datetime:
    """The next open (or, for a weekend, any) ``weekday`` after the sandbox's start, at ``hour`` desk time."""
    calendar = ServiceLevels(ws.settings).calendar
    start = ws.sandbox.world.start.astimezone(calendar.tz)  # type: ignore[union-attr]
    day: date = start.date() + timedelta(days=1)
    while day.weekday() != weekday or (weekday < 5 and calendar.is_closed_day(day)):
        day += timedelta(days=1)
    return datetime.combine(day, time(hour), calendar.tz)


def on_monday(ws: Workspace) -> None:
    set_clock(ws, next_day(ws, 0, 10))


async def settled(win: MainWindow) -> None:
    """The notifier knows the store: from here on a change is news."""
    await wait_until(lambda: win.notifier.watch.seeded, timeout=10)


async def someone_elses(win: MainWindow) -> ConversationRow:
    ids = await win.ops.conversation_ids(Queue.ALL_OPEN, SortOrder.DUE, "")
    return next(r for r in await win.ops.rows(ids) if r.assignee not in ("", win.ws.me))


def reassign_on_source(win: MainWindow, conversation_source_id: str, assignee: str, key: str) -> None:
    """What a colleague or the backend does: the sandbox platform changes the assignee."""
    win.ws.sandbox.world.update(key, conversation_source_id, assignee=assignee)  # type: ignore[union-attr]


async def source_id(win: MainWindow, conversation_id: int) -> str:
    conversation = await win.ops.conversation(conversation_id)
    assert conversation is not None
    return conversation.source_id


def collect(win: MainWindow) -> list[tuple[Notice, str]]:
    held: list[tuple[Notice, str]] = []
    win.notifier.held_back.connect(lambda notice, verdict: held.append((notice, verdict)))
    return held


async def test_a_reassignment_to_me_on_the_source_notifies_once_a_minute(tmp_path: Path) -> None:
    async with opened(tmp_path, on_monday) as win:
        await settled(win)
        held = collect(win)
        row = await someone_elses(win)
        source = await source_id(win, row.id)
        reassign_on_source(win, source, "me", "to-me-1")
        await wait_until(lambda: any(n.conversation_id == row.id for n in win.notifier.shown), timeout=10)
        notice = win.notifier.shown[-1]
        assert notice.kind is NoticeKind.ASSIGNED and notice.subject == row.customer_name
        assert f"Assigned to you: {row.customer_name}" in win.messages.label.text()  # no tray offscreen

        # Away and back within the same simulated minute: held back, not shown twice.
        reassign_on_source(win, source, row.assignee, "away-1")
        await wait_until(lambda: win.notifier.watch.assignee(row.id) == row.assignee, timeout=10)
        reassign_on_source(win, source, "me", "to-me-2")
        await wait_until(lambda: any(v == "too_soon" and n.conversation_id == row.id for n, v in held), timeout=10)
        assert [n.conversation_id for n in win.notifier.shown].count(row.id) == 1

        # A minute later it is news again.
        set_clock(win.ws, win.ws.now() + timedelta(seconds=61))
        reassign_on_source(win, source, row.assignee, "away-2")
        await wait_until(lambda: win.notifier.watch.assignee(row.id) == row.assignee, timeout=10)
        reassign_on_source(win, source, "me", "to-me-3")
        await wait_until(lambda: [n.conversation_id for n in win.notifier.shown].count(row.id) == 2, timeout=10)


async def test_my_own_assignment_is_not_announced_and_a_click_opens_the_conversation(tmp_path: Path) -> None:
    async with opened(tmp_path, on_monday) as win:
        await settled(win)
        held = collect(win)
        row = await someone_elses(win)
        win.open_conversation(row.id)
        await wait_until(lambda: win.shown_conversation() is not None and win.shown_conversation().id == row.id)
        win.assign_to_me()
        await wait_until(lambda: win.notifier.watch.assignee(row.id) == win.ws.me, timeout=10)
        assert not win.notifier.shown and not held

        other = await someone_elses(win)
        reassign_on_source(win, await source_id(win, other.id), "me", "to-me")
        await wait_until(lambda: win.notifier.shown, timeout=10)
        win.notifier.open_last()  # what a click on the notification does
        await wait_until(lambda: win.shown_conversation() is not None and win.shown_conversation().id == other.id)


def _mine_waiting(ws: Workspace) -> None:
    """Monday 10:00, and a customer who writes right then in a conversation assigned to me."""
    on_monday(ws)
    world = ws.sandbox.world  # type: ignore[union-attr]
    world.scripts["clock-watch"] = ScriptConversation(
        id="clock-watch",
        channel=Channel.FACEBOOK,
        audience=Audience.PUBLIC,
        language="de",
        status=Status.OPEN,
        assignee="me",
        subject="",
        customer=ScriptCustomer(id="clock-watch-c", name="Jana Vogt", handle="jana.vogt"),
        messages=(ScriptMessage(ws.now() - world.start, Sender.CUSTOMER, "", "Wo bleibt meine Gutschrift?"),),
    )


async def conversation_of(win: MainWindow, name: str, timeout: float = 10) -> int:
    """The id of ``name``'s conversation once the sync has brought it into Mine."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while loop.time() < deadline:
        ids = await win.ops.conversation_ids(Queue.MINE, SortOrder.DUE, "")
        found = next((r.id for r in await win.ops.rows(ids) if r.customer_name == name), None)
        if found is not None:
            return found
        await asyncio.sleep(0.05)
    raise TimeoutError(f"{name} never reached Mine")


async def test_one_of_mine_turning_at_risk_as_the_clock_advances(tmp_path: Path) -> None:
    async with opened(tmp_path, _mine_waiting) as win:
        await settled(win)
        cid = await conversation_of(win, "Jana Vogt")
        # the window's clock looks every second: first on track ...
        await wait_until(lambda: win.notifier.watch.states.get(cid) is SlaState.ON_TRACK, timeout=10)
        assert not any(n.kind is NoticeKind.AT_RISK for n in win.notifier.shown)
        set_clock(win.ws, win.ws.now() + timedelta(minutes=91))  # 29 of 120 business minutes left
        # ... then at risk, told once
        await wait_until(lambda: any(n.kind is NoticeKind.AT_RISK for n in win.notifier.shown), timeout=10)
        at_risk = [n for n in win.notifier.shown if n.kind is NoticeKind.AT_RISK]
        assert [(n.conversation_id, n.subject) for n in at_risk] == [(cid, "Jana Vogt")]
        said = win.messages.label.text()
        assert "At risk: Jana Vogt" in said and "of business time left" in said


async def test_quiet_outside_working_hours(tmp_path: Path) -> None:
    async with opened(tmp_path, lambda ws: set_clock(ws, next_day(ws, 5, 10))) as win:  # Saturday 10:00
        await settled(win)
        held = collect(win)
        row = await someone_elses(win)
        reassign_on_source(win, await source_id(win, row.id), "me", "to-me")
        await wait_until(lambda: any(v == "quiet" for _, v in held), timeout=10)
        assert not win.notifier.shown
        menu_texts = [a.text() for a in win.notifier.menu.actions()]
        assert "Quiet outside your working hours (Mon–Fri 08:00–18:00)" in menu_texts


async def test_turning_a_type_off_stops_it_and_is_kept(tmp_path: Path) -> None:
    async with opened(tmp_path, on_monday) as win:
        await settled(win)
        held = collect(win)
        win.notifier.actions[NoticeKind.ASSIGNED].setChecked(False)  # AgentDesk › Notifications
        settings_file = win.ws.data_dir / SETTINGS_FILE
        await wait_until(
            lambda: (
                settings_file.exists()
                and json.loads(settings_file.read_text(encoding="utf-8"))["notifications_off"] == ["assigned"]
            )
        )
        row = await someone_elses(win)
        reassign_on_source(win, await source_id(win, row.id), "me", "to-me")
        await wait_until(lambda: any(v == "type_off" for _, v in held), timeout=10)
        assert not win.notifier.shown
