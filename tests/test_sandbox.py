"""The sandbox source: scenario files, the simulated platform, and its clock."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta
from pathlib import Path

import pytest

from agentdesk.core.channels import Audience, Channel
from agentdesk.core.durations import parse_duration
from agentdesk.core.entities import Status
from agentdesk.core.sim_clock import SimClock
from agentdesk.resources import resource_path
from agentdesk.sync.sandbox.scenario_loader import load_scenarios
from agentdesk.sync.sandbox.world import SandboxWorld
from tests.factories import T0

DATA = Path(__file__).parent / "data" / "scenarios"


def test_the_bundled_demo_is_a_realistic_working_queue() -> None:
    result = load_scenarios(resource_path("scenarios", "demo"))
    assert result.errors == []
    convs = result.conversations
    assert 55 <= len(convs) <= 70
    channels = Counter(c.channel for c in convs)
    for channel in (Channel.X, Channel.MASTODON, Channel.BLUESKY, Channel.FACEBOOK, Channel.INSTAGRAM, Channel.EMAIL):
        assert channels[channel] >= 5, channel
    assert {c.language for c in convs} == {"de", "en"}
    assert Counter(c.audience for c in convs)[Audience.PRIVATE] >= 10
    assert Counter(c.audience for c in convs)[Audience.PUBLIC] >= 10
    customers = Counter(c.customer.id for c in convs)
    assert sum(1 for n in customers.values() if n > 1) >= 3, "customers with history"
    arriving = [c for c in convs if any(m.at > timedelta(0) for m in c.messages)]
    assert len(arriving) >= 8, "new messages keep arriving"
    assert any(c.status is Status.SPAM for c in convs)


def test_a_broken_scenario_file_is_skipped_with_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "good.yaml").write_text((DATA / "mini.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "typo.yaml").write_text(
        "conversations:\n  - id: x1\n    channel: twitter\n    customer: {id: a, name: A}\n    messages: []\n",
        encoding="utf-8",
    )
    (tmp_path / "yaml.yaml").write_text("conversations:\n  - id: [unclosed\n", encoding="utf-8")
    (tmp_path / "duration.yaml").write_text(
        "conversations:\n  - id: d1\n    channel: x\n    customer: {id: a, name: A}\n"
        "    messages:\n      - at: soon\n        text: hi\n",
        encoding="utf-8",
    )
    result = load_scenarios(tmp_path)
    assert [c.id for c in result.conversations] == ["kim-paket", "lena-rechnung"]
    errors = sorted(result.errors)
    assert errors[0].startswith("duration.yaml, line 6:") and "not a duration" in errors[0]
    assert errors[1].startswith("typo.yaml, line 2:") and "unknown channel 'twitter'" in errors[1]
    assert errors[2].startswith("yaml.yaml, line 3:")


@pytest.mark.parametrize(("text", "minutes"), [("5m", 5), ("-1h30m", -90), ("2d", 2880), ("45s", 0.75), ("1h", 60)])
def test_durations(text: str, minutes: float) -> None:
    assert parse_duration(text) == timedelta(minutes=minutes)


def test_the_simulated_clock_changes_pace_without_jumping() -> None:
    clock = SimClock(T0, T0, 1.0)
    later = clock.now(T0 + timedelta(minutes=10))
    fast = clock.with_speed(60, T0 + timedelta(minutes=10))
    assert fast.now(T0 + timedelta(minutes=10)) == later
    assert fast.now(T0 + timedelta(minutes=11)) == later + timedelta(hours=1)
    assert fast.with_speed(0, T0 + timedelta(minutes=11)).now(T0 + timedelta(days=1)) == later + timedelta(hours=1)


def _world(tmp_path: Path) -> SandboxWorld:
    return SandboxWorld(tmp_path / "w.sqlite3", load_scenarios(DATA).conversations, T0)


def test_scripted_messages_arrive_when_the_clock_reaches_them(tmp_path: Path) -> None:
    world = _world(tmp_path)
    world.advance(T0)
    _, msgs, seq = world.changes_since(0, 100)
    assert {m.text[:11] for m in msgs} == {"@wellenreic", "Hallo, mein"}
    world.advance(T0 + timedelta(minutes=10))
    _, later, _ = world.changes_since(seq, 100)
    assert [m.text for m in later] == ["Hallo? Ich warte noch auf eine Antwort."]


def test_a_reply_is_stored_once_per_key_and_the_customer_answers(tmp_path: Path) -> None:
    world = _world(tmp_path)
    world.advance(T0)
    first = world.post("key-1", "kim-paket", "outbound", "Alex", "Schick uns bitte eine DM.", T0)
    again = world.post("key-1", "kim-paket", "outbound", "Alex", "Schick uns bitte eine DM.", T0)
    assert first == again
    assert world.sent_count("kim-paket", "Schick uns bitte eine DM.") == 1
    world.advance(T0 + timedelta(minutes=1))
    assert world.changes_since(first.seq, 100)[1] == []  # the scripted answer takes 2 minutes
    world.advance(T0 + timedelta(minutes=2))
    _, msgs, _ = world.changes_since(first.seq, 100)
    assert [m.text for m in msgs] == ["Danke, ich hab dir die Nummer per DM geschickt."]


def test_the_world_keeps_its_state_and_clock_across_restarts(tmp_path: Path) -> None:
    world = _world(tmp_path)
    world.advance(T0)
    world.set_speed(60, T0 + timedelta(minutes=1))
    world.post("k", "kim-paket", "outbound", "Alex", "Hallo", T0)
    world.close()
    again = SandboxWorld(tmp_path / "w.sqlite3", load_scenarios(DATA).conversations, T0 + timedelta(hours=5))
    assert again.start == T0
    assert again.clock().now(T0 + timedelta(minutes=2)) == T0 + timedelta(minutes=61)
    assert again.executed("k")[0]
