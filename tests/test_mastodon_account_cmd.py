"""``agentdesk account add mastodon``: the browser sign-in (a test plays the browser) or a token on
stdin, against the loopback instance; the token only ever in the keyring."""

from __future__ import annotations

import io
import json
import threading
from pathlib import Path

import httpx
import pytest

from agentdesk.cli import main
from tests.servers.mastodon.server import MastodonServer
from tests.servers.memory_keyring import MemoryKeyring

pytest_plugins = ("tests.servers.mastodon.fixtures",)


def run(monkeypatch: pytest.MonkeyPatch, data_dir: Path, *argv: str, stdin: str = "") -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    return main(["--data-dir", str(data_dir), "account", *argv])


def play_browser(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The system browser: shows the consent page (the server consents) and follows the redirect."""
    opened: list[str] = []

    def visit(url: str) -> None:
        with httpx.Client() as web:
            answer = web.get(url)
            web.get(answer.headers["Location"])

    def open_browser(url: str) -> bool:
        opened.append(url)
        threading.Thread(target=visit, args=(url,), daemon=True).start()
        return True

    monkeypatch.setattr("webbrowser.open", open_browser)
    return opened


def stored_files(data_dir: Path) -> bytes:
    return b"".join(p.read_bytes() for p in data_dir.rglob("*") if p.is_file())


def test_a_browser_sign_in_registers_the_app_and_keeps_the_token_only_in_the_keyring(
    monkeypatch, tmp_path, capsys, vault: MemoryKeyring, server: MastodonServer
) -> None:
    opened = play_browser(monkeypatch)
    assert run(monkeypatch, tmp_path, "add", "mastodon", "--name", "Masto", "--url", server.url) == 0
    out = capsys.readouterr().out
    assert f"Signed in as @wellenreich@{server.domain}; this instance allows 500 characters." in out
    token = vault.entries[("AgentDesk", "mastodon:Masto")]
    assert server.state.tokens[token] == server.state.me
    assert "code_challenge_method=S256" in opened[0] and "scope=read%3Aaccounts" in opened[0]
    assert token.encode() not in stored_files(tmp_path)
    assert run(monkeypatch, tmp_path, "list", "--json") == 0
    [listed] = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert listed["kind"] == "mastodon" and listed["settings"]["max_characters"] == "500"
    assert run(monkeypatch, tmp_path, "test", "Masto") == 0


def test_denied_consent_adds_nothing(monkeypatch, tmp_path, capsys, vault, server: MastodonServer) -> None:
    server.oauth.state.consent = "deny"
    play_browser(monkeypatch)
    assert run(monkeypatch, tmp_path, "add", "mastodon", "--name", "Masto", "--url", server.url) == 1
    assert "not allowed" in capsys.readouterr().err
    assert vault.entries == {}


def test_a_token_from_stdin_is_checked_before_it_is_kept(
    monkeypatch, tmp_path, capsys, vault, server: MastodonServer
) -> None:
    argv = ("add", "mastodon", "--name", "Masto", "--url", server.url, "--token-stdin")
    assert run(monkeypatch, tmp_path, *argv, stdin="not-a-token\n") == 1
    assert "refused this access token" in capsys.readouterr().err
    assert vault.entries == {}
    assert run(monkeypatch, tmp_path, *argv, stdin=server.token + "\n") == 0
    assert vault.entries[("AgentDesk", "mastodon:Masto")] == server.token
    assert run(monkeypatch, tmp_path, "remove", "Masto") == 0
    assert vault.entries == {}


def test_an_unreachable_instance_is_one_line_and_a_non_zero_exit(monkeypatch, tmp_path, capsys, vault) -> None:
    argv = ("add", "mastodon", "--name", "M", "--url", "http://127.0.0.1:9", "--token-stdin")
    assert run(monkeypatch, tmp_path, *argv, stdin="token\n") == 1
    err = capsys.readouterr().err.strip()
    assert "No connection to the Mastodon server" in err and len(err.splitlines()) == 1
