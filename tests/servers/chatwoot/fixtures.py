"""pytest fixtures for the Chatwoot test server; load with ``pytest_plugins``.

``chatwoot_server`` starts a seeded server in a thread on an ephemeral port and, at teardown,
fails the test if any request or answer left the OpenAPI spec.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from tests.servers.chatwoot.dataset import Demo, seed_demo
from tests.servers.chatwoot.server import ChatwootServer


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
