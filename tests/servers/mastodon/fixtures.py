"""The loopback Mastodon instance as a fixture (``pytest_plugins``); it fails the test on any
request the API does not allow."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.servers.mastodon.server import MastodonServer


@pytest.fixture
def server() -> Iterator[MastodonServer]:
    srv = MastodonServer().start()
    yield srv
    srv.stop()
    assert srv.state.violations == []
