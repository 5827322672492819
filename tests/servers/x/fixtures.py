"""The loopback X API as a fixture (``pytest_plugins``); it fails the test on any request the API
does not allow."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.servers.x.server import XServer


@pytest.fixture
def x_server() -> Iterator[XServer]:
    srv = XServer().start()
    yield srv
    srv.stop()
    assert srv.state.violations == []
    assert srv.oauth.state.violations == []
