"""pytest fixtures for the Chatwoot test server; load with ``pytest_plugins``.

``chatwoot_server`` starts a seeded server in a thread on an ephemeral port and, at teardown,
fails the test if any request or answer left the OpenAPI spec.
"""

from __future__ import annotations

import gc
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
import pytest_asyncio

from agentdesk.sync.workspace import Workspace, open_workspace
from tests.servers.chatwoot.dataset import Demo, seed_demo
from tests.servers.chatwoot.profiles import add_account
from tests.servers.chatwoot.server import ChatwootServer
from tests.servers.memory_keyring import MemoryKeyring


@pytest.fixture
def chatwoot_server() -> Iterator[ChatwootServer]:
    # Earlier tests' closed qasync loops hold Qt objects; collect them here, on the GUI thread. Left
    # to chance, the garbage collector may run in a server thread, delete a Qt timer object from
    # the wrong thread, and a later timer event then crashes Python (segfault in QTimerInfoList).
    gc.collect()
    server = ChatwootServer().start()
    try:
        yield server
    finally:
        server.stop()
    assert server.violations == [], "requests or answers outside the Chatwoot OpenAPI spec"


@pytest.fixture
def chatwoot_demo(chatwoot_server: ChatwootServer) -> Demo:
    """The small data set of every channel and queue, seeded into ``chatwoot_server``."""
    return seed_demo(chatwoot_server.state)


@pytest_asyncio.fixture
async def workspace(
    tmp_path: Path, vault: MemoryKeyring, chatwoot_server: ChatwootServer, chatwoot_demo: Demo
) -> AsyncIterator[Workspace]:
    """A profile holding the demo's Chatwoot account, polling every 0.2 s once its engine runs."""
    add_account(tmp_path, chatwoot_server, chatwoot_demo.account_id)
    ws = open_workspace(tmp_path, poll_interval=0.2)
    yield ws
    await ws.close()
