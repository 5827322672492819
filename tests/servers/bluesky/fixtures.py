"""The local Bluesky network as a session fixture (``pytest_plugins``): started once (about 6 s),
stopped after the last test. Tests that use it are marked ``bluesky``.

Where the network is not installed, a developer's run skips these tests with the reason; in CI
(``CI`` set) that is a failure, because there the tests must run.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from tests.servers.bluesky.network import LocalNetwork, not_installed_reason


@pytest.fixture(scope="session")
def bluesky_net(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalNetwork]:
    missing = not_installed_reason()
    if missing and os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(f"CI must run the Bluesky tests, but {missing}", pytrace=False)
    if missing:
        pytest.skip(missing)
    net = LocalNetwork(tmp_path_factory.mktemp("bluesky") / "localnet.log").start()
    try:
        yield net
    finally:
        net.stop()
