"""Triage in the real window on a sandbox profile: spam out of the way, lessons, topics, one
template for a topic, the storm alarm, and the Relevance order. The sandbox clock is driven
fast so the demo's scripted posts arrive within seconds."""

from __future__ import annotations

import asyncio
import contextlib
import json
import sqlite3
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from agentdesk.core.channels import Audience, Channel
from agentdesk.core.entities import Queue, Status
from agentdesk.store.database import STORE_FILE
from agentdesk.store.queries import SortOrder
from agentdesk.store.triage_state import STATE_FILE
from agentdesk.sync.sandbox.script import ScriptConversation, ScriptCustomer, ScriptMessage, Sender
from agentdesk.sync.triage_service import FRESH_ALARM
from agentdesk.sync.workspace import Workspace, open_workspace
from agentdesk.ui.main_window import MainWindow
from tests.conftest import wait_until
from tests.windows import window_on

DATA = Path(__file__).parent / "data"
pytestmark = pytest.mark.asyncio


@contextlib.asynccontextmanager
async def opened(data_dir: Path, prepare: Callable[[Workspace], object] | None = None) -> AsyncIterator[MainWindow]:
    """The window on a fresh sandbox profile; ``prepare`` may change the world's scripts before the
    first sync. Opened and closed inside the test, so the engine and triage run on the test's loop."""
    ws = open_workspace(data_dir)
    ws.engine.poll_interval = 0.2
    if prepare is not None:
        prepare(ws)
    async with window_on(ws) as win:
        await wait_until(lambda: win.list_model.rowCount() > 0, timeout=10)
        yield win


def _run_clock(ws: Workspace, speed: float) -> None:
    ws.sandbox.world.set_speed(speed, datetime.now(UTC))  # type: ignore[union-attr]


async def _triage_done(win: MainWindow, timeout: float = 20) -> None:
    """Triage has judged what is stored. The sync tells it a few loop turns after its commit, which
    a read may already see, so ``idle`` counts only after those turns have passed."""
    await asyncio.sleep(0.05)
    await wait_until(lambda: win.triage.service.idle, timeout=timeout)


async def _settled(win: MainWindow, predicate: Callable[[], object], timeout: float = 20) -> None:
    await wait_until(predicate, timeout=timeout)
    await _triage_done(win, timeout)


async def _in_queue(win: MainWindow, queue: Queue, name: str, timeout: float = 20) -> None:
    """Wait until ``name`` is in ``queue`` and triage has nothing left to judge."""
    found: list[str] = []

    async def look() -> bool:
        found[:] = await _names(win, queue)
        if name not in found:
            return False
        await _triage_done(win, timeout)
        return name in await _names(win, queue)  # triage may have moved it (to spam)

    loop_deadline = datetime.now(UTC) + timedelta(seconds=timeout)
    while not await look():
        assert datetime.now(UTC) < loop_deadline, f"{name} not in {queue}: {found}"
        await asyncio.sleep(0.1)


async def _ids(win: MainWindow, queue: Queue, order: SortOrder = SortOrder.DUE) -> list[int]:
    return await win.ops.conversation_ids(queue, order, "")


async def _names(win: MainWindow, queue: Queue, order: SortOrder = SortOrder.DUE) -> list[str]:
    return [r.customer_name for r in await win.ops.rows(await _ids(win, queue, order))]


async def _show(win: MainWindow, queue: Queue, name: str) -> int:
    win.queues.setCurrentIndex(win.queues.queues.index(win.queues.queues.row_of(queue)))
    rows = await win.ops.rows(await _ids(win, queue))
    cid = next(r.id for r in rows if r.customer_name == name)
    await wait_until(lambda: win.list_model.row_of(cid) is not None)
    win.list.select_id(cid)
    await wait_until(lambda: win.shown_conversation() is not None and win.shown_conversation().id == cid)
    return cid


def _outbox(win: MainWindow) -> list[tuple[int, str, dict[str, str]]]:
    with sqlite3.connect(win.ws.data_dir / STORE_FILE) as db:
        rows = db.execute("SELECT conversation_id, kind, payload_json FROM outbox ORDER BY id").fetchall()
    return [(cid, kind, json.loads(payload)) for cid, kind, payload in rows]


def _script(ws: Workspace, source_id: str, name: str, text: str, after: timedelta, followers: int = 0) -> None:
    """A new customer post in the sandbox, ``after`` from the simulated now."""
    world = ws.sandbox.world  # type: ignore[union-attr]
    world.scripts[source_id] = ScriptConversation(
        id=source_id,
        channel=Channel.FACEBOOK,
        audience=Audience.PUBLIC,
        language="en",
        status=Status.OPEN,
        assignee="",
        subject="",
        customer=ScriptCustomer(id=f"{source_id}-c", name=name, handle=name, followers=followers),
        messages=(ScriptMessage(ws.now() - world.start + after, Sender.CUSTOMER, "", text),),
    )


async def test_demo_spam_lands_in_the_spam_queue_after_sync(tmp_path: Path) -> None:
    async with opened(tmp_path) as win:
        _run_clock(win.ws, 1200)  # the cheap-iPhone post arrives 17 simulated minutes in
        await _in_queue(win, Queue.SPAM, "Mike Johnson")
        assert "Mike Johnson" not in await _names(win, Queue.UNASSIGNED)
        spam_id = next(
            r.id for r in await win.ops.rows(await _ids(win, Queue.SPAM)) if r.customer_name == "Mike Johnson"
        )
        assert (spam_id, "set_status", {"status": "spam"}) in _outbox(win)  # the source learns it, nothing deleted
        model = win.queues.queues
        spam_count = model.index(model.row_of(Queue.SPAM))
        await wait_until(lambda: (spam_count.data(model.COUNT_ROLE) or 0) >= 3)  # two marked before, one by triage


async def test_not_spam_restores_with_one_key_and_the_next_similar_post_stays(tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    async with opened(tmp_path) as win:
        _run_clock(win.ws, 1200)
        await _in_queue(win, Queue.SPAM, "Mike Johnson")
        _run_clock(win.ws, 1)
        cid = await _show(win, Queue.SPAM, "Mike Johnson")
        win.list.view.setFocus()
        qtbot.keyClick(win.list.view, Qt.Key.Key_S, Qt.KeyboardModifier.ShiftModifier)
        await wait_until(lambda: win.shown_conversation().status is Status.OPEN)
        assert cid in await _ids(win, Queue.UNASSIGNED)
        assert (win.ws.data_dir / STATE_FILE).exists()  # the lesson is in the profile

        # Before the lesson the triage engine scores this 0.75 (crypto, easy money): spam.
        _script(
            win.ws,
            "iphones-again",
            "Mike Jones",
            "DM me for cheap iPhones!!! iPhone 15 Pro only 279€ 📱 original sealed, fast shipping all Europe, "
            "payment by crypto or gift card.",
            timedelta(seconds=2),
        )
        await _in_queue(win, Queue.UNASSIGNED, "Mike Jones")
        assert "Mike Jones" not in await _names(win, Queue.SPAM)


async def test_topics_show_with_counts_and_list_their_conversations(tmp_path: Path) -> None:
    async with opened(tmp_path) as win:
        _run_clock(win.ws, 1200)
        await _in_queue(win, Queue.ALL_OPEN, "Jess Morgan")  # the last storm post, 9 minutes in
        expected = await win.ops.runner.read(win.ws.store.topic_counts)
        await wait_until(lambda: win.topic_pane.topics() == [(t.label, t.count) for t in expected])
        assert expected and all(t.count >= 2 for t in expected)
        topic = expected[0]
        win.topic_pane.select_topic(topic.topic_id)
        await wait_until(lambda: win.list_model.rowCount() == topic.count)
        assert win.queues.selectionModel().selectedIndexes() == []


async def test_one_template_answers_a_topic_one_reply_per_customer(tmp_path: Path) -> None:
    async with opened(tmp_path) as win:
        _run_clock(win.ws, 1200)
        await _in_queue(win, Queue.ALL_OPEN, "Jess Morgan")
        _run_clock(win.ws, 1)
        await wait_until(lambda: win.templates.library is not None, timeout=10)
        topics = await win.ops.runner.read(win.ws.store.topic_counts)
        outage = next(t for t in topics if "Störung" in t.label)
        await wait_until(lambda: (outage.label, outage.count) in win.topic_pane.topics())
        win.topic_pane.select_topic(outage.topic_id)
        await wait_until(lambda: win.list_model.rowCount() == outage.count)
        members = list(win.list_model.ids())
        win.list.select_id(members[0])
        await wait_until(lambda: win.shown_conversation() is not None and win.shown_conversation().id == members[0])
        before = len(_outbox(win))

        win.answer_topic()
        picker = win.topic_picker
        picker.show_all.setChecked(True)
        picker.list.setCurrentIndex(picker.model.index(picker.model.row_of("outage-de-du")))
        region = next(field for field in picker.findChildren(QLineEdit) if field is not picker.search)
        region.setText("Hamburg")  # typed once, for every customer
        picker.accept()
        await wait_until(lambda: "Replies queued for" in win.messages.label.text(), timeout=10)

        replies = [(cid, payload["text"]) for cid, kind, payload in _outbox(win)[before:] if kind == "reply"]
        assert sorted(cid for cid, _ in replies) == sorted(members), win.messages.label.text()
        for cid, text in replies:
            conversation = await win.ops.conversation(cid)
            first = conversation.customer.name.split()[0]
            assert first in text and "Hamburg" in text
            # Sie-Form greets with the full name, Du-Form with the first name only (the bundled outage family)
            assert (conversation.customer.name in text) == (conversation.customer.form_of_address == "sie")


def _scenario(ws: Workspace, name: str) -> None:
    """Posts of a triage test scenario as sandbox customers, starting a minute from the simulated now."""
    lines = [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line.strip()]
    first = min(datetime.fromisoformat(line["at"]) for line in lines)
    for line in lines:
        after = datetime.fromisoformat(line["at"]) - first + timedelta(minutes=1)
        _script(ws, f"{name}-{line['id']}", line["author"], line["text"], after, line["followers"])


def _without_demo_storm(ws: Workspace) -> None:
    for source_id in [s for s in ws.sandbox.world.scripts if s.startswith("storm-")]:  # type: ignore[union-attr]
        del ws.sandbox.world.scripts[source_id]  # type: ignore[union-attr]


def _alarms_stay_news(win: MainWindow) -> None:
    """At 600 or 3600 times the speed, the hour an alarm stays news is a few real seconds: a busy
    machine's sync and triage can take longer than that to judge the storm's posts."""
    win.triage.service.fresh_for = timedelta(days=1)


async def test_a_storm_raises_the_alarm_banner_and_escalates_to_pr(tmp_path: Path) -> None:
    async with opened(tmp_path, lambda ws: (_without_demo_storm(ws), _scenario(ws, "storm_scenario.jsonl"))) as win:
        _alarms_stay_news(win)
        _run_clock(win.ws, 3600)  # 4 h calm, then 32 angry posts in an hour: a few seconds
        await wait_until(lambda: win.storm_banner.isVisible(), timeout=30)
        _run_clock(win.ws, 1)
        text = win.storm_banner.text.text()
        storm = win.storm_banner.storm
        assert text.startswith("⛔") and storm.alarm.topic_label in text  # red, and never colour alone
        assert "per hour" in text and "•" in text  # the rate and example posts
        assert win.storm_banner.escalate_button.text() == "Escalate to PR / marketing"  # the "pr" path's title

        before = len(_outbox(win))
        win.storm_banner.escalate_button.click()
        await wait_until(lambda: "escalated to PR / marketing (PR)" in win.messages.label.text(), timeout=10)
        made = _outbox(win)[before:]
        examples = set(storm.example_conversation_ids)
        assert examples and {cid for cid, _, _ in made} == examples and len(made) == len(examples)
        for _, kind, payload in made:  # the path's team and priority, the storm as the reason in the note
            assert (kind, payload["path"], payload["team"], payload["priority"]) == ("escalate", "pr", "PR", "urgent")
            assert payload["text"].startswith("Escalated to PR / marketing: storm on")
        escalated = set(await _ids(win, Queue.ESCALATED))
        assert examples <= escalated


async def test_a_calm_day_raises_no_alarm(tmp_path: Path) -> None:
    async with opened(tmp_path, lambda ws: (_without_demo_storm(ws), _scenario(ws, "calm_scenario.jsonl"))) as win:
        _run_clock(win.ws, 3600)
        last = win.ws.sandbox.world.start + timedelta(hours=8)  # type: ignore[union-attr]
        await wait_until(lambda: win.ws.now() > last, timeout=30)
        await _triage_done(win, 10)
        assert not win.storm_banner.isVisible()


@pytest.mark.parametrize(("fresh_for", "announced"), [(FRESH_ALARM, False), (timedelta(days=1), True)])
async def test_a_storm_found_in_old_posts_is_history_not_an_alarm(
    tmp_path: Path, fresh_for: timedelta, announced: bool
) -> None:
    async with opened(tmp_path, lambda ws: (_without_demo_storm(ws), _scenario(ws, "storm_scenario.jsonl"))) as win:
        win.triage.service.fresh_for = fresh_for
        world, real = win.ws.sandbox.world, datetime.now(UTC)  # type: ignore[union-attr]
        world.set_speed(0, real)  # seven hours on (4 h calm, the storm's hour, 2 h after), held still:
        world.set_speed(1, real - timedelta(hours=7))  # the next sync brings all of it at once
        world.set_speed(0, real)
        await _in_queue(win, Queue.ALL_OPEN, "storm31")  # the storm's last post, and it threatens a lawyer:
        [last] = [r for r in await win.ops.rows(await _ids(win, Queue.ALL_OPEN)) if r.customer_name == "storm31"]
        for _ in range(100):  # ... judged once that reason is stored
            if (await win.ops.rows([last.id]))[0].reasons:
                break
            await asyncio.sleep(0.1)
        await _triage_done(win, 10)
        assert win.storm_banner.isVisible() is announced


async def test_the_demo_storm_raises_the_alarm(tmp_path: Path) -> None:
    async with opened(tmp_path) as win:
        _alarms_stay_news(win)
        _run_clock(win.ws, 600)  # the storm posts arrive over the first ten simulated minutes
        await _in_queue(win, Queue.ALL_OPEN, "Jess Morgan")
        await wait_until(win.storm_banner.isVisible, timeout=10)  # the sync tells triage after its commit


async def _settled(win: MainWindow, queue: Queue, order: SortOrder, timeout: float = 10.0) -> list[int]:
    """The list once it shows what the store holds; the sync keeps running, so ask again until they agree."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        expected = await _ids(win, queue, order)
        if win.list_model.ids() == expected:
            return expected
        if loop.time() > deadline:
            raise TimeoutError("the list never settled on the store's order")
        await asyncio.sleep(0.05)


async def test_relevance_order_puts_press_and_cancellations_first(tmp_path: Path) -> None:
    async with opened(tmp_path) as win:
        _run_clock(win.ws, 1200)
        await _in_queue(win, Queue.ALL_OPEN, "Jess Morgan")
        _run_clock(win.ws, 1)
        await _show(win, Queue.ALL_OPEN, "Lea Brandt")
        win.list.order.setCurrentIndex(win.list.order.findData(SortOrder.RELEVANCE))
        expected = await _settled(win, Queue.ALL_OPEN, SortOrder.RELEVANCE)
        await wait_until(lambda: all(win.list_model.loaded_row(i) for i in expected[:6]))
        top = [win.list_model.loaded_row(i) for i in expected[:6]]
        names = [row.customer_name for row in top]
        assert "Lea Brandt" in names and "Uwe Metzger" in names  # the journalist, the cancellation
        urgent = {"press", "cancel-intent", "legal-threat", "consumer-protection"}
        assert all(urgent & set(row.reasons) for row in top[:4])
        journalist = win.list_model.index(
            win.list_model.row_of(next(r.id for r in top if r.customer_name == "Lea Brandt"))
        )
        tooltip = journalist.data(Qt.ItemDataRole.ToolTipRole)
        assert "Why it ranks here:" in tooltip and "press enquiry" in tooltip
