"""A local profile holding a Chatwoot account of the test server, as ``agentdesk account add`` leaves it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import keyring

from agentdesk.core.entities import Account
from agentdesk.store import Store
from agentdesk.sync import credentials
from agentdesk.sync.chatwoot.account_settings import account_settings
from tests.servers.chatwoot.dataset import TOKEN
from tests.servers.chatwoot.server import ChatwootServer
from tests.servers.memory_keyring import MemoryKeyring


def add_account(
    data_dir: Path,
    server: ChatwootServer,
    account_id: int,
    *,
    name: str = "Acme",
    me: str = "Alice Agent",
    token: str | None = TOKEN,
) -> Account:
    """The account row (URL, account number, "me") and, unless ``token`` is None, its keyring entry."""
    store = Store.open(data_dir)
    try:
        account = store.add_account(
            "chatwoot", name, datetime.now(UTC), base_url=server.url, settings=account_settings(account_id, me)
        )
    finally:
        store.close()
    if token is not None:
        credentials.set_secret("chatwoot", name, token)
    return account


@contextmanager
def memory_keyring() -> Iterator[MemoryKeyring]:
    """A working keyring for in-process tests, installed explicitly and removed afterwards."""
    previous = keyring.get_keyring()
    vault = MemoryKeyring()
    keyring.set_keyring(vault)
    try:
        yield vault
    finally:
        keyring.set_keyring(previous)


def disagreements(server: ChatwootServer, account_id: int, document: dict[str, Any]) -> list[str]:
    """Where the local store (an ``export`` document) and the server differ, in words; [] = they agree."""
    state = server.state
    with state.lock:
        remote = {
            str(c.display_id): (
                c.status,
                state.users[c.assignee_id].name if c.assignee_id else "",
                sorted(str(m.id) for m in c.messages if m.message_type != 2),
            )
            for (acc, _), c in state.conversations.items()
            if acc == account_id
        }
    local = {
        c["source_id"]: (c["status"], c["assignee"], sorted(m["source_id"] for m in c["messages"]))
        for c in document["conversations"]
    }
    problems = [f"only on the server: {sorted(remote.keys() - local.keys())}"] if remote.keys() - local.keys() else []
    problems += [f"only local: {sorted(local.keys() - remote.keys())}"] if local.keys() - remote.keys() else []
    for key in sorted(remote.keys() & local.keys()):
        if remote[key] != local[key]:
            problems.append(f"conversation {key}: server {remote[key]} != local {local[key]}")
    return problems
