"""The loopback X API as a fixture (``pytest_plugins``); it fails the test on any request the API
does not allow."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.servers.x.server import XServer


@pytest.fixture
def x_server(monkeypatch: pytest.MonkeyPatch) -> Iterator[XServer]:
    """The server, with AgentDesk's X sign-in set to the loopback port its app lists."""
    srv = XServer().start()
    monkeypatch.setattr("agentdesk.sync.x.session.REDIRECT_PORT", srv.callback_port)
    yield srv
    srv.stop()
    assert srv.state.violations == []
    assert srv.oauth.state.violations == []
