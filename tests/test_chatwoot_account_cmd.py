"""``agentdesk account``: a Chatwoot account is added only when it works, and its token only in the keyring."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator

import keyring
import pytest

from agentdesk.cli import main
from tests.servers.chatwoot import TOKEN, ChatwootServer, Demo
from tests.servers.memory_keyring import MemoryKeyring

pytest_plugins = ("tests.servers.chatwoot.fixtures",)


@pytest.fixture
def vault() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    store = MemoryKeyring()
    keyring.set_keyring(store)
    yield store
    keyring.set_keyring(previous)


def run(monkeypatch, tmp_path, *argv: str, stdin: str = "") -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    return main(["--data-dir", str(tmp_path), "account", *argv])


def add_acme(monkeypatch, tmp_path, url: str, account_id: object, *extra: str, stdin: str = "") -> int:
    """`agentdesk account add chatwoot --name Acme …`, the token (if any) on stdin."""
    args = ("add", "chatwoot", "--name", "Acme", "--url", url, "--account-id", str(account_id), *extra)
    return run(monkeypatch, tmp_path, *args, stdin=stdin)


def test_add_tests_the_connection_and_keeps_the_token_out_of_the_profile(
    monkeypatch, tmp_path, capsys, vault, chatwoot_server: ChatwootServer, chatwoot_demo: Demo
):
    code = add_acme(monkeypatch, tmp_path, chatwoot_server.url, chatwoot_demo.account_id, stdin=TOKEN + "\n")
    assert code == 0, capsys.readouterr().err
    assert "Connected to" in capsys.readouterr().out
    assert vault.entries[("AgentDesk", "chatwoot:Acme")] == TOKEN
    assert TOKEN.encode() not in b"".join(p.read_bytes() for p in tmp_path.rglob("*") if p.is_file())
    assert run(monkeypatch, tmp_path, "list", "--json") == 0
    listed = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {"kind": "chatwoot", "name": "Acme", "url": chatwoot_server.url}.items() <= listed[-1].items()
    assert run(monkeypatch, tmp_path, "test", "Acme") == 0
    assert run(monkeypatch, tmp_path, "remove", "Acme") == 0
    assert ("AgentDesk", "chatwoot:Acme") not in vault.entries


@pytest.mark.parametrize(
    "token, account, says",
    [
        ("wrong-token", None, "refused the access token"),
        (TOKEN, "other", "has no access to account"),
    ],
)
def test_add_refuses_what_does_not_work_and_says_why(
    monkeypatch, tmp_path, capsys, vault, chatwoot_server, chatwoot_demo, token, account, says
):
    account_id = chatwoot_demo.other_account_id if account == "other" else chatwoot_demo.account_id
    code = add_acme(monkeypatch, tmp_path, chatwoot_server.url, account_id, stdin=token)
    assert code == 1 and says in capsys.readouterr().err
    assert vault.entries == {}


def test_add_says_when_the_url_is_not_chatwoot(monkeypatch, tmp_path, capsys, vault, chatwoot_server):
    code = add_acme(monkeypatch, tmp_path, chatwoot_server.url + "/nope", "1", stdin=TOKEN)
    assert code == 1 and "not like a Chatwoot server" in capsys.readouterr().err
    chatwoot_server.violations.clear()  # the wrong URL is outside the spec on purpose


def test_add_without_token_on_stdin_fails(monkeypatch, tmp_path, capsys, vault):
    code = add_acme(monkeypatch, tmp_path, "https://chat.example.com", "1", "--no-verify")
    assert code == 2 and "no access token" in capsys.readouterr().err
