"""The team in a real store file: a backend's agents upserted, and the board's numbers per agent."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

from agentdesk.core.channels import Channel
from agentdesk.core.entities import Status
from agentdesk.core.sla import DEFAULT_POLICY, BusinessCalendar, SlaState, sla_state
from agentdesk.core.team import Availability, IncomingAgent, IncomingTeam, TeamSnapshot
from agentdesk.store import Store
from tests.factories import T0, batch, conversation

CALENDAR = BusinessCalendar.parse_hours("mon-fri 08:00-18:00", tz="Europe/Berlin", holidays="DE-BY")
NOW = T0 + timedelta(hours=3)  # Monday 13:00 in Berlin

JONAS = IncomingAgent(
    "1", "Jonas Weber", "jonas@example.com", Availability.ONLINE, frozenset({Channel.X}), frozenset({"de"})
)
SOPHIE = IncomingAgent("2", "Sophie Krüger", "", Availability.BUSY, frozenset({Channel.X, Channel.EMAIL}))


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store.open(tmp_path)
    yield s
    s.close()


def _fill(store: Store) -> int:
    account = store.add_account("sandbox", "Test", T0).id
    conversations = [
        conversation("late", "where is my parcel", assignee="Jonas Weber", start=T0 - timedelta(minutes=30)),
        conversation("risky", "hello?", customer="lea", assignee="Jonas Weber", start=T0 + timedelta(minutes=80)),
        conversation("fresh", "hi", customer="tom", assignee="Jonas Weber", start=T0 + timedelta(minutes=150)),
        conversation("pool", "anyone?", customer="ina", start=T0 + timedelta(minutes=10)),
        conversation("theirs", "thanks", customer="ole", assignee="Somebody Else", start=T0 + timedelta(minutes=100)),
        conversation("done", "ok", customer="pia", assignee="Jonas Weber", status=Status.RESOLVED, start=T0),
    ]
    store.apply_batch(account, batch(*conversations))
    return account


def test_agents_are_upserted_and_those_gone_from_the_source_removed(store: Store) -> None:
    account = _fill(store)
    snapshot = TeamSnapshot((JONAS, SOPHIE), (IncomingTeam("7", "Social Media"),))
    assert store.save_team(account, snapshot, NOW) is True
    assert store.save_team(account, snapshot, NOW) is False  # nothing new: nothing to redraw
    assert {a.name: a.availability for a in store.team_agents()} == {
        "Jonas Weber": Availability.ONLINE,
        "Sophie Krüger": Availability.BUSY,
    }
    store.save_team(account, TeamSnapshot((replace(JONAS, availability=Availability.OFFLINE),)), NOW)
    assert [(a.name, a.availability) for a in store.team_agents()] == [("Jonas Weber", Availability.OFFLINE)]


def test_an_agent_without_languages_from_the_source_gets_those_of_their_conversations(store: Store) -> None:
    account = store.add_account("chatwoot", "Acme", T0).id
    english = replace(conversation("en", "hello", assignee="Sophie Krüger", start=NOW), language="en")
    german = replace(conversation("de", "hallo", customer="lea", assignee="Sophie Krüger", start=NOW), language="de")
    store.apply_batch(account, batch(english, german))
    store.save_team(account, TeamSnapshot((JONAS, SOPHIE)), NOW)
    languages = {a.name: a.languages for a in store.team_agents()}
    assert languages == {"Jonas Weber": frozenset({"de"}), "Sophie Krüger": frozenset({"de", "en"})}


def test_board_counts_open_at_risk_breached_and_oldest_waiting_per_agent(store: Store) -> None:
    account = _fill(store)
    store.save_team(account, TeamSnapshot((JONAS, SOPHIE)), NOW)
    board = {row.name: row for row in store.team_board(NOW, DEFAULT_POLICY, CALENDAR)}
    assert list(board) == ["Jonas Weber", "Somebody Else", "Sophie Krüger", ""]  # the pool last
    jonas = board["Jonas Weber"]
    assert (jonas.availability, jonas.open, jonas.at_risk, jonas.breached) == (Availability.ONLINE, 3, 1, 1)
    assert jonas.oldest_waiting == T0 - timedelta(minutes=30)
    assert (board["Sophie Krüger"].open, board["Sophie Krüger"].oldest_waiting) == (0, None)
    assert board["Somebody Else"].availability is None  # known from conversations only
    assert (board[""].open, board[""].breached) == (1, 1)


def test_board_agrees_with_the_sla_of_each_row_as_the_clock_moves(store: Store) -> None:
    _fill(store)
    rows = store.conversation_rows(store.agent_queue_ids("Jonas Weber"))
    for now in (NOW - timedelta(hours=1), NOW, NOW + timedelta(minutes=40), NOW + timedelta(days=1)):
        states = [sla_state(r.waiting_since, now, DEFAULT_POLICY, CALENDAR).state for r in rows if r.waiting_since]
        jonas = next(r for r in store.team_board(now, DEFAULT_POLICY, CALENDAR) if r.name == "Jonas Weber")
        assert (jonas.at_risk, jonas.breached) == (states.count(SlaState.AT_RISK), states.count(SlaState.BREACHED))


def test_agent_queue_lists_open_conversations_longest_waiting_first(store: Store) -> None:
    _fill(store)
    rows = store.conversation_rows(store.agent_queue_ids("Jonas Weber"))
    assert [r.customer_name for r in rows] == ["Kim", "Lea", "Tom"]
    assert [r.customer_name for r in store.conversation_rows(store.agent_queue_ids(""))] == ["Ina"]


def test_needs_of_conversations_are_their_channels_and_languages(store: Store) -> None:
    account = store.add_account("sandbox", "Test", T0).id
    mail = replace(conversation("m", "hallo", channel=Channel.EMAIL), language="de")
    store.apply_batch(account, batch(mail, conversation("x", "hi", customer="lea")))
    ids = store.agent_queue_ids("")
    assert store.needs_of(ids) == ({Channel.EMAIL, Channel.X}, {"de"})
