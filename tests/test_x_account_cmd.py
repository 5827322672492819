"""``agentdesk account add x``: the browser sign-in through the company's X app (a test plays the
browser) or a token on stdin, against the loopback X API; the sign-in only ever in the keyring."""

from __future__ import annotations

import json

from agentdesk.sync.x.session import StoredSignIn
from tests.servers.memory_keyring import MemoryKeyring
from tests.servers.x.server import CLIENT_ID, XServer
from tests.test_mastodon_account_cmd import play_browser, run, stored_files

pytest_plugins = ("tests.servers.x.fixtures",)


def test_a_browser_sign_in_keeps_access_and_refresh_token_only_in_the_keyring(
    monkeypatch, tmp_path, capsys, vault: MemoryKeyring, x_server: XServer
) -> None:
    opened = play_browser(monkeypatch)
    argv = ("add", "x", "--name", "Wellenreich X", "--client-id", CLIENT_ID, "--url", x_server.url)
    assert run(monkeypatch, tmp_path, *argv) == 0
    assert "Signed in to X as @wellenreich." in capsys.readouterr().out
    stored = StoredSignIn.decode(vault.entries[("AgentDesk", "x:Wellenreich X")])
    assert x_server.state.tokens[stored.tokens.access_token] == x_server.state.me
    assert stored.tokens.refresh_token and stored.client_id == CLIENT_ID
    assert "/i/oauth2/authorize?" in opened[0] and "offline.access" in opened[0]
    assert stored.tokens.access_token.encode() not in stored_files(tmp_path)
    assert stored.tokens.refresh_token.encode() not in stored_files(tmp_path)
    assert run(monkeypatch, tmp_path, "list", "--json") == 0
    [listed] = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert listed["kind"] == "x" and listed["url"] == x_server.url
    assert listed["settings"] == {"handle": "@wellenreich", "user_id": x_server.state.me, "client_id": CLIENT_ID}
    assert run(monkeypatch, tmp_path, "test", "Wellenreich X") == 0
    assert "Signed in to X as @wellenreich." in capsys.readouterr().out


def test_another_callback_port_is_used_and_kept_for_signing_in_again(
    monkeypatch, tmp_path, capsys, vault, x_server: XServer
) -> None:
    port = x_server.callback_port + 1 if x_server.callback_port < 65535 else x_server.callback_port - 1
    x_server.callbacks = {f"http://127.0.0.1:{port}/callback"}  # the company's app lists this one
    opened = play_browser(monkeypatch)
    argv = ("add", "x", "--name", "X", "--client-id", CLIENT_ID, "--url", x_server.url, "--redirect-port", str(port))
    assert run(monkeypatch, tmp_path, *argv) == 0
    assert f"redirect_uri=http%3A%2F%2F127.0.0.1%3A{port}%2Fcallback" in opened[0]
    assert run(monkeypatch, tmp_path, "list", "--json") == 0
    assert json.loads(capsys.readouterr().out.splitlines()[-1])["settings"]["redirect_port"] == str(port)


def test_denied_consent_adds_nothing(monkeypatch, tmp_path, capsys, vault, x_server: XServer) -> None:
    x_server.oauth.state.consent = "deny"
    play_browser(monkeypatch)
    argv = ("add", "x", "--name", "X", "--client-id", CLIENT_ID, "--url", x_server.url)
    assert run(monkeypatch, tmp_path, *argv) == 1
    *_opening, error = capsys.readouterr().err.strip().splitlines()
    assert error == "agentdesk: Access was not allowed on the platform's page, so the account was not added."
    assert vault.entries == {}


def test_without_a_client_id_the_browser_stays_closed(monkeypatch, tmp_path, capsys, vault, x_server) -> None:
    opened = play_browser(monkeypatch)
    assert run(monkeypatch, tmp_path, "add", "x", "--name", "X", "--url", x_server.url) == 2
    assert "--client-id" in capsys.readouterr().err
    assert opened == [] and vault.entries == {}


def test_a_token_from_stdin_is_checked_before_it_is_kept(
    monkeypatch, tmp_path, capsys, vault, x_server: XServer
) -> None:
    argv = ("add", "x", "--name", "X", "--url", x_server.url, "--token-stdin")
    assert run(monkeypatch, tmp_path, *argv, stdin="not-a-token\n") == 1
    assert "X refused this access token" in capsys.readouterr().err
    assert vault.entries == {}
    assert run(monkeypatch, tmp_path, *argv, stdin=x_server.token + "\n") == 0
    assert StoredSignIn.decode(vault.entries[("AgentDesk", "x:X")]).tokens.access_token == x_server.token
    x_server.revoke(x_server.token)
    assert run(monkeypatch, tmp_path, "test", "X") == 1
    assert "refused this access token" in capsys.readouterr().err
    assert run(monkeypatch, tmp_path, "remove", "X") == 0
    assert vault.entries == {}


def test_an_unreachable_server_is_one_line_and_a_non_zero_exit(monkeypatch, tmp_path, capsys, vault) -> None:
    argv = ("add", "x", "--name", "X", "--url", "http://127.0.0.1:9", "--token-stdin")
    assert run(monkeypatch, tmp_path, *argv, stdin="token\n") == 1
    err = capsys.readouterr().err.strip()
    assert "No connection to the X server" in err and len(err.splitlines()) == 1
    assert "later" not in err  # nothing tries again: the account was not added
    assert vault.entries == {}
