"""The storm alarm fires on a burst of angry posts on one topic, and stays quiet on a normal day."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from agentdesk.core.triage.records import StormAlarm, TriageInput
from agentdesk.core.triage.triage import Triage

DATA = Path(__file__).parent / "data"


def replay(name: str) -> tuple[list[StormAlarm], list[dict]]:  # type: ignore[type-arg]
    rows = [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines()]
    triage = Triage()
    alarms = []
    for row in rows:
        msg = TriageInput(
            row["id"], row["text"], row["channel"], row["author"], row["followers"], datetime.fromisoformat(row["at"])
        )
        result = triage.process(msg)
        if result.alarm is not None:
            alarms.append(result.alarm)
    return alarms, rows


def test_storm_scenario_raises_one_alarm_on_the_burst_topic_within_minutes() -> None:
    alarms, rows = replay("storm_scenario.jsonl")
    burst = {r["id"] for r in rows if r["gold"]["burst"]}
    first_burst = min(datetime.fromisoformat(r["at"]) for r in rows if r["gold"]["burst"])
    assert len(alarms) == 1  # the cool-down keeps one storm to one alarm
    alarm = alarms[0]
    assert set(alarm.message_ids) <= burst and set(alarm.example_ids) <= set(alarm.message_ids)
    assert 0 < (alarm.at - first_burst).total_seconds() <= 20 * 60
    assert alarm.rate >= 4 * max(alarm.baseline, 1.0)
    assert "Hamburg" in alarm.topic_label or "Internet" in alarm.topic_label


def test_calm_day_with_a_few_outage_complaints_raises_no_alarm() -> None:
    alarms, _ = replay("calm_scenario.jsonl")
    assert alarms == []
