"""``agentdesk triage``: JSONL in, verdicts and storm alarms out, learning kept in the profile."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from agentdesk.cli import main
from agentdesk.store.triage_state import STATE_FILE, load_triage_state, save_triage_state

DATA = Path(__file__).parent / "data"
TESTER = "Wir suchen Produkttester für iPhones! Einfach bewerben und Gerät behalten"


def run(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, data_dir: Path, *args: str, stdin: str = ""
) -> tuple[int, list[dict], str]:  # type: ignore[type-arg]
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(["--data-dir", str(data_dir), "triage", *args])
    out, err = capsys.readouterr()
    return code, [json.loads(line) for line in out.splitlines()], err


def line(msg_id: str, text: str, at: str = "2025-03-10T09:00:00+01:00") -> str:
    return json.dumps({"id": msg_id, "text": text, "channel": "x", "author": msg_id, "followers": 3, "at": at})


def test_storm_scenario_gives_one_verdict_per_message_then_the_alarm(capsys, monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    code, lines, _ = run(capsys, monkeypatch, tmp_path, "--jsonl", str(DATA / "storm_scenario.jsonl"))
    rows = (DATA / "storm_scenario.jsonl").read_text(encoding="utf-8").splitlines()
    assert code == 0
    verdicts, alarms = lines[: len(rows)], lines[len(rows) :]
    assert {v["id"] for v in verdicts} == {json.loads(r)["id"] for r in rows}
    assert all(set(v) == {"id", "spam", "spam_score", "topic", "relevance", "reasons"} for v in verdicts)
    assert all(0 <= v["spam_score"] <= 1 and 0 <= v["relevance"] <= 1 for v in verdicts)
    assert all(set(r) == {"code", "text"} for v in verdicts for r in v["reasons"])
    assert len(alarms) == 1 and alarms[0]["alarm"] == "storm" and alarms[0]["message_ids"]


def test_output_is_in_time_order_whatever_the_input_order(capsys, monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    stdin = "\n".join(
        [
            line("late", "Router kaputt", "2025-03-10T10:00:00+01:00"),
            line("early", "Paket fehlt", "2025-03-10T08:00:00+01:00"),
        ]
    )
    _, lines, _ = run(capsys, monkeypatch, tmp_path, "--jsonl", stdin=stdin)
    assert [v["id"] for v in lines] == ["early", "late"]


def test_learning_is_saved_in_the_profile_and_used_by_the_next_run(capsys, monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    probe = line("p", TESTER.replace("iPhones", "Smartphones"))
    _, before, _ = run(capsys, monkeypatch, tmp_path, "--jsonl", stdin=probe)
    assert before[0]["spam"] is False
    lesson = json.dumps({"text": TESTER, "spam": True})
    code, _, err = run(capsys, monkeypatch, tmp_path, "--learn", stdin=lesson)
    assert code == 0 and "learned 1 spam" in err
    assert (tmp_path / STATE_FILE).exists() and not list(tmp_path.glob(".triage-state-*"))
    _, after, _ = run(capsys, monkeypatch, tmp_path, "--jsonl", stdin=probe)
    assert after[0]["spam"] is True
    assert "learned-spam" in {r["code"] for r in after[0]["reasons"]}


@pytest.mark.parametrize(
    ("stdin", "message"),
    [
        ("not json", "line 1: not valid JSON"),
        ('{"id": "a", "text": "x", "channel": "x"}', "line 1: missing 'at'"),
        ('{"id": "a", "text": "x", "channel": "fax", "at": "2025-03-10T09:00:00"}', "unknown channel"),
        ('{"id": "a", "text": "x", "at": "gestern"}', "line 1: Invalid isoformat"),
    ],
)
def test_bad_input_names_the_line_and_exits_2(capsys, monkeypatch, tmp_path, stdin, message) -> None:  # type: ignore[no-untyped-def]
    code, lines, err = run(capsys, monkeypatch, tmp_path, "--jsonl", stdin=stdin)
    assert code == 2 and lines == [] and message in err


def test_a_damaged_state_file_is_reported_and_left_alone(capsys, monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / STATE_FILE).write_text("{half a fi", encoding="utf-8")
    code, _, err = run(capsys, monkeypatch, tmp_path, "--jsonl", stdin=line("a", "Hallo"))
    assert code == 3 and "cannot be read" in err
    assert (tmp_path / STATE_FILE).read_text(encoding="utf-8") == "{half a fi"


def test_state_round_trips_through_the_file(tmp_path: Path) -> None:
    assert load_triage_state(tmp_path) is None
    save_triage_state(tmp_path / "new", {"version": 1, "spam_classifier": {"ä": 1}})
    assert load_triage_state(tmp_path / "new") == {"version": 1, "spam_classifier": {"ä": 1}}
