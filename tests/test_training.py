"""Training scenarios: every bundled one loads, plays headless and scores as a reviewer expects."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from agentdesk.cli import main
from agentdesk.sync.sandbox.training_loader import bundled_folder, load_training_scenarios

DATA = Path(__file__).parent / "data" / "training"
BUNDLED = load_training_scenarios()
EXPECTED_BAD: dict[str, list[str]] = json.loads((DATA / "expected_bad.json").read_text(encoding="utf-8"))

#: The situations issue 9 asks the scenario set to cover.
TOPICS = {
    "delayed-parcel", "angry-cancel", "public-storm", "own-phone-public", "warranty", "refund", "praise", "troll",
    "spam", "competitor", "outage", "journalist", "data-protection", "out-of-hours", "sie-to-du",
}  # fmt: skip


def _play(capsys: pytest.CaptureFixture[str], scenario: str, replies: Path, *extra: str) -> dict[str, object]:
    assert main(["--data-dir", str(replies.parent / "no-profile"), *extra, "train", "--scenario", scenario,
                 "--replies", str(replies), "--json"]) == 0  # fmt: skip
    return json.loads(capsys.readouterr().out)


def test_the_bundled_set_covers_every_situation_in_german_and_english() -> None:
    assert BUNDLED.errors == []
    assert len(BUNDLED.scenarios) >= 29
    languages: dict[str, set[str]] = {}
    for scenario in BUNDLED.scenarios:
        languages.setdefault(scenario.topic, set()).add(scenario.language)
    assert set(languages) >= TOPICS
    # English has no Sie/du, so switching from one to the other is a German scenario only.
    assert {topic for topic, found in languages.items() if found != {"de", "en"}} == {"sie-to-du"}
    assert len({s.channel for s in BUNDLED.scenarios}) >= 5


@pytest.mark.parametrize("scenario", [s.id for s in BUNDLED.scenarios])
def test_a_good_reply_set_scores_high(capsys: pytest.CaptureFixture[str], scenario: str) -> None:
    result = _play(capsys, scenario, DATA / f"{scenario}.good.jsonl")
    assert result["score"] >= 90, result


@pytest.mark.parametrize("scenario", [s.id for s in BUNDLED.scenarios])
def test_a_bad_reply_set_scores_low_with_the_expected_reasons(
    capsys: pytest.CaptureFixture[str], scenario: str
) -> None:
    result = _play(capsys, scenario, DATA / f"{scenario}.bad.jsonl")
    reasons = result["reasons"]
    assert isinstance(reasons, list)
    assert result["score"] <= 40, result
    assert sorted(r["check"] for r in reasons if not r["met"]) == EXPECTED_BAD[scenario]
    for reason in reasons:
        assert set(reason) >= {"behaviour", "met", "why", "turn"} and reason["why"]


def test_the_reasons_are_stable_and_point_at_the_deciding_reply(capsys: pytest.CaptureFixture[str]) -> None:
    result = _play(capsys, "paket-verspaetet", DATA / "paket-verspaetet.bad.jsonl", "--lang", "de")
    assert result["score"] == 15
    assert [(r["met"], r["turn"], r["why"]) for r in result["reasons"]] == [
        (False, 1, "Nachricht 1 wurde nach 3 h Geschäftszeit beantwortet; Ziel sind 2 h."),
        (False, 1, "Die erste Antwort (Nachricht 1) enthält keine Entschuldigung."),
        (False, 1, "Die öffentliche Antwort auf Nachricht 1 fragt nach persönlichen Daten oder zeigt sie."),
        (False, 1, "Die Antwort auf Nachricht 1 hält die Anrede nicht ein: „Sie“ passt nicht zur Anrede für diese "
         "Person (du)."),
        (False, 1, "Die Antwort auf Nachricht 1 ging trotz einer Warnung raus: „Sie“ passt nicht zur Anrede für "
         "diese Person (du)."),
        (True, None, "Jede Antwort passt ins Limit."),
        (True, None, "Keine falsch geschriebenen Wörter."),
    ]  # fmt: skip
    again = _play(capsys, "paket-verspaetet", DATA / "paket-verspaetet.bad.jsonl", "--lang", "de")
    assert again == result


def test_a_bad_reply_makes_the_storm_grow(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["train", "--scenario", "shitstorm-router", "--replies", str(DATA / "shitstorm-router.bad.jsonl")]) == 0
    out = capsys.readouterr().out
    assert "Screenshot ist gemacht" in out and "Dann will ich die Gutschrift aber auch!" in out


def test_business_time_excuses_the_weekend(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """Friday 21:40 → Monday 08:40 is 40 minutes of business time: in time."""
    replies = tmp_path / "r.jsonl"
    replies.write_text('{"after": "59h", "text": "Sorry, Priya, it arrives on Monday."}\n', encoding="utf-8")
    reasons = _play(capsys, "out-of-hours", replies)["reasons"]
    assert isinstance(reasons, list)
    assert reasons[0]["met"] and "40 min of business time" in reasons[0]["why"]


def test_list_names_id_title_language_and_channel(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["train", "--list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert listed["errors"] == []
    row = next(r for r in listed["scenarios"] if r["id"] == "out-of-hours")
    assert row | {"title": "A message on Friday night", "language": "en", "channel": "whatsapp"} == row


def test_a_bad_replies_line_is_named(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    replies = tmp_path / "r.jsonl"
    replies.write_text('{"after": "5m", "text": "Hallo"}\n{"after": "soon", "text": "x"}\n', encoding="utf-8")
    assert main(["train", "--scenario", "lob", "--replies", str(replies)]) == 2
    assert "r.jsonl, line 2:" in capsys.readouterr().err


BROKEN = {
    "unknown-key.yaml": ("id: a\ntitle: A\nlanguage: de\nchannel: x\nstarts: 2026-03-10 09:00\n"
                         "persona: {name: A, form: du}\nopening:\n  - text: Hi\nexpect:\n"
                         "  - check: apologises\n    wieght: 10\n", 11, "unknown key 'wieght'"),
    "bad-check.yaml": ("id: b\ntitle: B\nlanguage: en\nchannel: x\nstarts: 2026-03-10 09:00\n"
                       "persona: {name: B}\nopening:\n  - text: Hi\nexpect:\n"
                       "  - check: be-nice\n    weight: 10\n", 10, "unknown check 'be-nice'"),
    "forward-branch.yaml": ("id: c\ntitle: C\nlanguage: en\nchannel: x\nstarts: 2026-03-10 09:00\n"
                            "persona: {name: C}\nopening:\n  - text: Hi\nfollow_ups:\n"
                            "  - id: first\n    answers: later\n    text: Hm\n"
                            "expect:\n  - check: apologises\n    weight: 1\n", 10, "must name the opening"),
    "duration.yaml": ("id: d\ntitle: D\nlanguage: en\nchannel: x\nstarts: 2026-03-10 09:00\n"
                      "persona: {name: D}\nopening:\n  - text: Hi\n    after: soon\n"
                      "expect:\n  - check: apologises\n    weight: 1\n", 8, "not a duration"),
    "syntax.yaml": ("id: e\ntitle: [unclosed\n", 3, ""),
}  # fmt: skip


def test_a_scenario_with_an_error_is_rejected_with_file_and_line(tmp_path: Path) -> None:
    for name, (text, _line, _what) in BROKEN.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "good.yaml").write_text((bundled_folder() / "lob.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    result = load_training_scenarios(tmp_path)
    assert [s.id for s in result.scenarios] == ["lob"]
    errors = {e.split(",")[0]: e for e in result.errors}
    for name, (_text, line, what) in BROKEN.items():
        assert errors[name].startswith(f"{name}, line {line}:"), errors[name]
        assert what in errors[name]


PART = "Hallo Kim, das tut mir leid! Schick uns bitte eine DM mit deiner Bestellnummer, dann schauen wir sofort nach. "


def test_a_thread_counts_part_by_part(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A reply split into a thread fits when every part fits, though the whole would not."""
    replies = tmp_path / "r.jsonl"
    parts = [PART * 2 + "1/2", PART * 2 + "2/2"]
    replies.write_text(json.dumps({"after": "10m", "parts": parts}) + "\n", encoding="utf-8")
    result = _play(capsys, "paket-verspaetet", replies)
    fits = next(r for r in result["reasons"] if r["check"] == "fits-limit")  # type: ignore[union-attr]
    assert fits["met"] and len("\n\n".join(parts)) > 280

    replies.write_text(json.dumps({"after": "10m", "parts": [PART, PART * 3 + "2/2"]}) + "\n", encoding="utf-8")
    fits = next(r for r in _play(capsys, "paket-verspaetet", replies)["reasons"] if r["check"] == "fits-limit")  # type: ignore[union-attr]
    assert not fits["met"] and fits["turn"] == 1
    assert fits["why"] == f"The reply to turn 1 is too long: {len(PART * 3 + '2/2')} of 280."

    replies.write_text(json.dumps({"after": "10m", "parts": "one"}) + "\n", encoding="utf-8")
    assert main(["train", "--scenario", "lob", "--replies", str(replies)]) == 2
    assert 'r.jsonl, line 1: "parts" must be a list' in capsys.readouterr().err
