"""The access token lives only in the keyring: after adding an account, a full sync, a reply and an
assignment, no file of the profile, no log line and no export holds it."""

from __future__ import annotations

import asyncio
import io
import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

from agentdesk.cli import main
from agentdesk.core.channels import Audience
from agentdesk.store.profile import load_settings, save_settings
from agentdesk.sync.operations import Operations
from agentdesk.sync.workspace import open_workspace
from tests.servers.chatwoot import TOKEN, ChatwootServer, Demo
from tests.servers.chatwoot.profiles import memory_keyring

pytest_plugins = ("tests.servers.chatwoot.fixtures",)


async def work_a_day(data_dir: Path, demo: Demo) -> None:
    ws = open_workspace(data_dir)
    try:
        account = ws.accounts[0]
        await ws.engine.sync_once(account.id)
        ops = Operations(ws)
        document = ws.store.export(ws.now())
        target = next(
            c["id"] for c in document["conversations"] if c["source_id"] == str(demo.conversations["email"].display_id)
        )
        await ops.assign_to_me(target)
        await ops.send(target, "The corrected invoice is attached.", Audience.PRIVATE)
        await ws.engine.sync_once(account.id)
    finally:
        await ws.close()


def test_token_is_in_no_file_log_or_export(
    tmp_path, monkeypatch, capsys, chatwoot_server: ChatwootServer, chatwoot_demo
):
    log = RotatingFileHandler(tmp_path / "agentdesk.log", encoding="utf-8")  # the app's log file
    root = logging.getLogger()
    root.addHandler(log)
    level = root.level
    root.setLevel(logging.DEBUG)  # everything, httpx and httpcore included
    try:
        with memory_keyring() as vault:
            monkeypatch.setattr("sys.stdin", io.StringIO(TOKEN + "\n"))
            add = ["account", "add", "chatwoot", "--name", "Acme", "--url", chatwoot_server.url]
            assert main(["--data-dir", str(tmp_path), *add, "--account-id", str(chatwoot_demo.account_id)]) == 0
            save_settings(tmp_path, load_settings(tmp_path))
            asyncio.run(work_a_day(tmp_path, chatwoot_demo))
            capsys.readouterr()
            assert main(["--data-dir", str(tmp_path), "export", "--json"]) == 0
            assert main(["--data-dir", str(tmp_path), "account", "list", "--json"]) == 0
            printed = capsys.readouterr()
            assert vault.entries[("AgentDesk", "chatwoot:Acme")] == TOKEN
    finally:
        root.removeHandler(log)
        root.setLevel(level)
        log.close()

    files = {p.name: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    assert {"settings.json", "agentdesk.log"} <= files.keys() and any(".sqlite" in name for name in files)
    assert b"HTTP Request: POST" in files["agentdesk.log"]  # the log did record the work
    assert "The corrected invoice is attached." in printed.out  # and the export holds the reply
    leaks = [name for name, data in files.items() if TOKEN.encode() in data]
    leaks += ["export or list output"] if TOKEN in printed.out + printed.err else []
    assert leaks == []
    assert [m.content for m in chatwoot_demo.conversations["email"].messages].count(
        "The corrected invoice is attached."
    ) == 1
