"""``agentdesk sla due`` as a script or a support engineer runs it."""

from __future__ import annotations

import json

import pytest

import agentdesk.cli as cli


@pytest.fixture(autouse=True)
def _only_the_sla_command(monkeypatch: pytest.MonkeyPatch) -> None:
    """Other commands are built in parallel; this test needs only its own."""
    monkeypatch.setattr(cli, "COMMAND_MODULES", ("agentdesk.cli.sla_cmd",))


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--received", "2026-06-05T17:30:00+02:00"], "2026-06-08T09:30:00+02:00"),
        (["--received", "2026-06-05T17:30"], "2026-06-08T09:30:00+02:00"),  # no offset: local time
        (["--received", "2026-06-03T17:30", "--holidays", "DE-BY"], "2026-06-05T09:30:00+02:00"),
        (["--received", "2026-06-03T17:30", "--holidays", "DE-BE"], "2026-06-04T09:30:00+02:00"),
        (["--received", "2026-12-23T17:30", "--closed", "2026-12-24,12-31"], "2026-12-28T09:30:00+01:00"),
        (
            ["--received", "2026-06-05T17:30", "--hours", "mon-fri 08:00-18:00; sat 10:00-14:00"],
            "2026-06-06T11:30:00+02:00",
        ),
        (["--received", "2026-06-05T17:30", "--policy", "1h30m", "--tz", "Europe/London"], "2026-06-08T09:00:00+01:00"),
        (["--received", "2026-12-24T17:30", "--holidays", "none"], "2026-12-25T09:30:00+01:00"),
    ],
)
def test_due_prints_the_instant_with_offset(args: list[str], expected: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["sla", "due", *args]) == 0
    assert capsys.readouterr().out == expected + "\n"


def test_due_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["sla", "due", "--received", "2026-06-05T17:30+02:00", "--policy", "90m", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"due": "2026-06-08T09:00:00+02:00", "business_minutes": 90}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--received", "yesterday"], "invalid --received 'yesterday'"),
        (["--received", "2026-06-05T17:30", "--hours", "mon-fri 18:00-08:00"], "closing time must be after"),
        (["--received", "2026-06-05T17:30", "--holidays", "DE-XY"], "unknown region 'DE-XY'"),
        (["--received", "2026-06-05T17:30", "--policy", "2 hours"], "invalid duration '2 hours'"),
    ],
)
def test_due_explains_bad_input_and_exits_2(args: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["sla", "due", *args]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert message in captured.err
