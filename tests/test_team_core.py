"""Whom to hand a conversation to, and the two instants that split waiting customers into SLA states."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest

from agentdesk.core.channels import Channel
from agentdesk.core.sla import DEFAULT_POLICY, BusinessCalendar, SlaState, sla_state
from agentdesk.core.team import Availability, TeamAgent, sla_thresholds, suggest_agents

ONLINE, BUSY, OFFLINE = Availability.ONLINE, Availability.BUSY, Availability.OFFLINE


def agent(
    name: str, availability: Availability = ONLINE, channels: str = "x,email", languages: str = "de"
) -> TeamAgent:
    return TeamAgent(
        name,
        availability,
        frozenset(Channel(c) for c in channels.split(",") if c),
        frozenset(lang for lang in languages.split(",") if lang),
    )


TEAM = [
    agent("Jonas", channels="x,email,facebook", languages="de,en"),
    agent("Sophie", channels="x", languages="de"),
    agent("Aylin", BUSY, channels="x,email", languages="de,en,tr"),
    agent("Lena", OFFLINE, channels="x,email", languages="de,en"),
    agent("Mehmet", channels="email,facebook", languages="de,tr"),
]


def names(agents: list[TeamAgent]) -> list[str]:
    return [a.name for a in agents]


def test_least_loaded_online_agent_who_handles_channel_and_language_comes_first() -> None:
    load = {"Jonas": 7, "Sophie": 2, "Mehmet": 0}
    assert names(suggest_agents(TEAM, load, [Channel.X], ["de"])) == ["Sophie", "Jonas"]
    assert names(suggest_agents(TEAM, load, [Channel.EMAIL], ["de"])) == ["Mehmet", "Jonas"]


def test_busy_and_offline_colleagues_are_never_suggested() -> None:
    assert names(suggest_agents(TEAM, {}, [Channel.X], ["tr"])) == []  # only Aylin (busy) speaks Turkish on X


def test_a_language_or_channel_nobody_handles_leaves_no_suggestion() -> None:
    assert suggest_agents(TEAM, {}, [Channel.WHATSAPP], ["de"]) == []
    assert suggest_agents(TEAM, {}, [Channel.X], ["fr"]) == []


def test_several_conversations_need_someone_who_handles_all_of_them() -> None:
    assert names(suggest_agents(TEAM, {}, [Channel.X, Channel.FACEBOOK], ["de", "en"])) == ["Jonas"]


def test_unknown_language_of_a_conversation_rules_nobody_out() -> None:
    assert names(suggest_agents(TEAM, {"Jonas": 1}, [Channel.X], [""])) == ["Sophie", "Jonas"]


def test_agent_without_known_languages_or_channels_is_not_excluded() -> None:
    vague = agent("Vera", channels="", languages="")
    assert names(suggest_agents([*TEAM, vague], {"Sophie": 3, "Jonas": 3}, [Channel.X], ["en"])) == ["Vera", "Jonas"]


def test_equal_load_orders_by_name() -> None:
    twins = [agent("bea"), agent("Anna"), agent("Carl")]
    assert names(suggest_agents(twins, {}, [Channel.X], ["de"])) == ["Anna", "bea", "Carl"]


CALENDAR = BusinessCalendar.parse_hours("mon-fri 08:00-18:00", tz="Europe/Berlin", holidays="DE-BY")


@pytest.mark.parametrize(
    "now",
    [
        datetime(2026, 11, 23, 15, 0, tzinfo=UTC),  # a Monday afternoon
        datetime(2026, 11, 23, 7, 10, tzinfo=UTC),  # Monday 08:10 in Berlin: little business time so far
        datetime(2026, 11, 28, 12, 0, tzinfo=UTC),  # Saturday: closed
        datetime(2026, 3, 30, 6, 45, tzinfo=UTC),  # the Monday after the DST switch
    ],
)
def test_thresholds_classify_every_request_as_sla_state_does(now: datetime) -> None:
    earliest = now - timedelta(days=4)
    limits = sla_thresholds(earliest, now, DEFAULT_POLICY, CALENDAR)
    rng = random.Random(now.timestamp())
    samples = [earliest + timedelta(milliseconds=rng.randrange(0, 4 * 86_400_000)) for _ in range(300)]
    for at in (limits.breached_until, limits.at_risk_until):
        if at is not None:  # right at and just after each boundary
            samples += [at, at + timedelta(milliseconds=1)]
    for received in samples:
        received = received.replace(microsecond=received.microsecond // 1000 * 1000)
        expected = sla_state(received, now, DEFAULT_POLICY, CALENDAR).state
        if limits.breached_until is not None and received <= limits.breached_until:
            got = SlaState.BREACHED
        elif limits.at_risk_until is not None and received <= limits.at_risk_until:
            got = SlaState.AT_RISK
        else:
            got = SlaState.ON_TRACK
        assert got is expected, received


def test_no_threshold_when_nobody_waits_long_enough() -> None:
    now = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
    limits = sla_thresholds(now - timedelta(minutes=20), now, DEFAULT_POLICY, CALENDAR)
    assert (limits.breached_until, limits.at_risk_until) == (None, None)
