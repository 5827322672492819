"""``agentdesk account add bluesky`` against the local AT Protocol network: the server found from
the handle, the session (never the app password) only in the keyring, refusals in one line."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from agentdesk.cli import main
from agentdesk.sync.bluesky.xrpc import Session
from tests.servers.bluesky.network import LocalNetwork, poll
from tests.servers.memory_keyring import MemoryKeyring

pytest_plugins = ("tests.servers.bluesky.fixtures",)

NOTIFICATIONS = "app.bsky.notification.listNotifications"


def run(monkeypatch: pytest.MonkeyPatch, data_dir: Path, *argv: str, stdin: str = "") -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    return main(["--data-dir", str(data_dir), "account", *argv])


def on(net: LocalNetwork) -> tuple[str, ...]:
    """This network's directory and chat service instead of Bluesky's."""
    return ("--plc-url", net.plc, "--resolver-url", net.pds, "--chat-did", net.chat_did)


@pytest.mark.bluesky
def test_an_account_is_added_with_its_handle_and_an_app_password_from_stdin(
    monkeypatch, tmp_path, capsys, vault: MemoryKeyring, bluesky_net: LocalNetwork
) -> None:
    shop = bluesky_net.new_person("shop")
    app_password = shop.app_password()
    argv = ("add", "bluesky", "--name", "Blau", "--handle", "@" + shop.handle, *on(bluesky_net))
    assert run(monkeypatch, tmp_path, *argv, stdin=app_password + "\n") == 0
    out = capsys.readouterr().out
    assert f"Signed in as @{shop.handle} on {bluesky_net.pds}. Direct messages are synced too." in out
    secret = vault.entries[("AgentDesk", "bluesky:Blau")]
    assert Session.from_secret(secret).did == shop.did and app_password not in secret
    stored = b"".join(p.read_bytes() for p in tmp_path.rglob("*") if p.is_file())
    assert app_password.encode() not in stored and Session.from_secret(secret).refresh_jwt.encode() not in stored
    assert run(monkeypatch, tmp_path, "list", "--json") == 0
    [listed] = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert listed["url"] == bluesky_net.pds
    assert listed["settings"] == {"handle": shop.handle, "did": shop.did, "chat_did": bluesky_net.chat_did}
    assert run(monkeypatch, tmp_path, "test", "Blau") == 0
    assert "Signed in as" in capsys.readouterr().out

    kim = bluesky_net.new_person("kim")
    post = kim.post(f"@{shop.handle} Ist mein Paket schon unterwegs?", mention=shop)
    poll(
        "the mention", lambda: [n for n in shop.call("GET", NOTIFICATIONS)["notifications"] if n["uri"] == post["uri"]]
    )
    assert main(["--data-dir", str(tmp_path), "sync", "--once", "--account", "Blau"]) == 0
    capsys.readouterr()
    assert main(["--data-dir", str(tmp_path), "export", "--json"]) == 0
    exported = json.loads(capsys.readouterr().out)
    [conversation] = [c for c in exported["conversations"] if c["source_id"] == f"thread:{post['uri']}"]
    assert conversation["channel"] == "bluesky"


@pytest.mark.bluesky
def test_a_wrong_app_password_is_one_line_and_keeps_nothing(
    monkeypatch, tmp_path, capsys, vault: MemoryKeyring, bluesky_net: LocalNetwork
) -> None:
    shop = bluesky_net.new_person("shop")
    argv = ("add", "bluesky", "--name", "Blau", "--handle", shop.handle, "--url", bluesky_net.pds, *on(bluesky_net))
    assert run(monkeypatch, tmp_path, *argv, stdin="abcd-efgh-ijkl-mnop\n") == 1
    err = capsys.readouterr().err.strip()
    assert err == "agentdesk: Bluesky refused this handle or app password."
    assert vault.entries == {}


def test_an_unreachable_server_is_one_line_and_a_non_zero_exit(monkeypatch, tmp_path, capsys, vault) -> None:
    argv = ("add", "bluesky", "--name", "B", "--handle", "shop.test", "--url", "http://127.0.0.1:9")
    assert run(monkeypatch, tmp_path, *argv, stdin="abcd-efgh-ijkl-mnop\n") == 1
    err = capsys.readouterr().err.strip()
    assert "No connection to the Bluesky server" in err and len(err.splitlines()) == 1
    assert vault.entries == {}


def test_no_app_password_on_stdin_is_refused_before_anything_is_asked(monkeypatch, tmp_path, capsys, vault) -> None:
    assert run(monkeypatch, tmp_path, "add", "bluesky", "--name", "B", "--handle", "shop.test", stdin="") == 2
    assert "no app password on stdin" in capsys.readouterr().err
