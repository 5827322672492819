"""``agentdesk settings`` as a team lead's roll-out script runs it, on a profile folder of its own."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest

import agentdesk.cli as cli
from agentdesk.core.commands import CommandKind
from agentdesk.core.entities import Queue, Status
from agentdesk.store import Store
from agentdesk.store.profile import Role, load_settings
from agentdesk.sync.engine import SANDBOX_KIND
from tests.factories import T0, batch, conversation


@pytest.fixture(autouse=True)
def _only_the_settings_command(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli, "COMMAND_MODULES", ("agentdesk.cli.settings_cmd",))


def run(data_dir: Path, *argv: str) -> int:
    return cli.main(["--data-dir", str(data_dir), "settings", *argv])


def test_show_lists_defaults_of_a_fresh_profile(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(tmp_path, "show") == 0
    lines = capsys.readouterr().out.splitlines()
    assert any(line.split() == ["agent_name", "Alex", "Berger", "(default)"] for line in lines)
    assert any(line.split() == ["language", "system", "(default)"] for line in lines)
    assert not (tmp_path / "settings.json").exists()  # showing writes nothing


def test_set_writes_the_file_the_app_reads(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(tmp_path, "set", "agent_name", "Kim Weber") == 0
    assert run(tmp_path, "set", "opening_hours", "mo-fr 7-19") == 0
    assert run(tmp_path, "set", "holidays", "de-by") == 0
    assert run(tmp_path, "set", "default_form_of_address.email", "du") == 0
    assert capsys.readouterr().out.splitlines()[-1] == "default_form_of_address.email = du"
    settings = load_settings(tmp_path)
    assert (settings.agent_name, settings.opening_hours, settings.holidays) == ("Kim Weber", "mo-fr 7-19", "DE-BY")
    assert settings.default_form_of_address["email"] == "du"
    assert settings.default_form_of_address["x"] == "du"  # the other channels are kept
    assert run(tmp_path, "show", "--json") == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["agent_name"] == "Kim Weber" and shown["holidays"] == "DE-BY"


def test_role_is_set_here(tmp_path: Path) -> None:
    assert run(tmp_path, "set", "role", "trainee") == 0
    assert load_settings(tmp_path).role is Role.TRAINEE
    assert run(tmp_path, "unset", "role") == 0
    assert load_settings(tmp_path).role is Role.AGENT


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (("set", "opening_hours", "mon 8-25"), "opening_hours: invalid time '25' in 'mon 8-25'"),
        (("set", "role", "boss"), "role: 'boss' is not allowed; use agent, supervisor or trainee"),
        (("set", "time_zone", "Berlin"), "time_zone: unknown time zone 'Berlin'"),
        (("set", "holidays", "DE-XX"), "holidays: unknown region 'DE-XX'; regions of DE:"),
        (("set", "colour", "blue"), "colour: unknown setting; known settings: agent_name"),
        (("unset", "colour"), "colour: unknown setting"),
    ],
)
def test_invalid_values_are_refused_in_one_line_and_change_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], words: str
) -> None:
    assert run(tmp_path, "set", "agent_name", "Kim Weber") == 0
    before = (tmp_path / "settings.json").read_bytes()
    capsys.readouterr()
    assert run(tmp_path, *argv) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"agentdesk: {words}") and err.count("\n") == 1
    assert (tmp_path / "settings.json").read_bytes() == before


def test_unset_goes_back_to_the_default(tmp_path: Path) -> None:
    assert run(tmp_path, "set", "working_hours", "mon-fri 9-17") == 0
    assert run(tmp_path, "set", "default_form_of_address.chat", "du") == 0
    assert run(tmp_path, "unset", "working_hours") == 0
    assert run(tmp_path, "unset", "default_form_of_address.chat") == 0
    settings = load_settings(tmp_path)
    assert settings.working_hours == "" and "chat" not in settings.default_form_of_address


def test_a_broken_file_is_not_overwritten(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "settings.json").write_text('{"agent_name": "Kim", ', encoding="utf-8")
    assert run(tmp_path, "set", "agent_name", "Kim Weber") == 3
    assert "settings.json cannot be read" in capsys.readouterr().err
    assert (tmp_path / "settings.json").read_text(encoding="utf-8") == '{"agent_name": "Kim", '


def test_a_new_name_keeps_the_agents_conversations(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = Store.open(tmp_path)
    account = store.add_account(SANDBOX_KIND, "Sandbox", T0).id
    store.apply_batch(
        account,
        batch(
            conversation("a", "Hallo", assignee="Alex Berger"),
            conversation("b", "Danke", assignee="Alex Berger", status=Status.RESOLVED),
            conversation("c", "Moin", assignee="Jonas Weber"),
        ),
    )
    store.close()
    assert run(tmp_path, "set", "agent_name", "Alexandra Berger") == 0
    said = "1 conversation assigned to 'Alex Berger' is now assigned to 'Alexandra Berger'"
    assert said in capsys.readouterr().out
    store = Store.open(tmp_path)
    try:
        mine = store.conversation_ids(Queue.MINE, "Alexandra Berger")
        assert len(mine) == 1 and mine == store.unfinished_ids("Alexandra Berger")
        assert [c.kind for c in store.due_commands(account, T0 + timedelta(days=1))] == [CommandKind.ASSIGN]
        assert store.unfinished_ids("Jonas Weber") != []  # a colleague's stay theirs
    finally:
        store.close()
    assert run(tmp_path, "unset", "agent_name") == 0  # back to the default name: back again
    assert "is now assigned to 'Alex Berger'" in capsys.readouterr().out
