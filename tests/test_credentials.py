"""Secrets live in the OS keyring only; without one the user learns how to get one, nothing is written."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail

from agentdesk.sync import credentials
from agentdesk.sync.credentials import KeyringUnavailable
from tests.servers.memory_keyring import MemoryKeyring

REAL_KEYRING = os.environ.get("AGENTDESK_REAL_KEYRING") == "1"


@pytest.fixture
def use_backend() -> Iterator[Callable[[KeyringBackend], None]]:
    previous = keyring.get_keyring()
    yield keyring.set_keyring
    keyring.set_keyring(previous)


def test_round_trip_keeps_each_account_apart(use_backend):
    store = MemoryKeyring()
    use_backend(store)
    credentials.set_secret("chatwoot", "Acme", "tok-ä€")
    credentials.set_secret("chatwoot", "Other", "tok-2")
    assert credentials.get_secret("chatwoot", "Acme") == "tok-ä€"
    assert store.entries[("AgentDesk", "chatwoot:Acme")] == "tok-ä€"
    credentials.delete_secret("chatwoot", "Acme")
    credentials.delete_secret("chatwoot", "Acme")  # already gone: fine
    assert credentials.get_secret("chatwoot", "Acme") is None
    assert credentials.get_secret("chatwoot", "Other") == "tok-2"


def test_no_keyring_explains_the_fix_and_writes_nothing(use_backend, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    use_backend(fail.Keyring())
    with pytest.raises(KeyringUnavailable) as caught:
        credentials.set_secret("chatwoot", "Acme", "tok")
    assert "gnome-keyring" in str(caught.value) and "never in a file" in str(caught.value)
    assert list(tmp_path.iterdir()) == []


def test_locked_keyring_is_unavailable(use_backend):
    class Locked(MemoryKeyring):
        def get_password(self, service: str, username: str) -> str | None:
            raise keyring.errors.KeyringLocked("collection 'login' is locked")

    use_backend(Locked())
    with pytest.raises(KeyringUnavailable, match="locked"):
        credentials.get_secret("chatwoot", "Acme")


def test_without_a_dbus_session_the_error_says_how_to_fix_it(tmp_path):
    """A real process with no session bus: keyring finds no backend, we explain instead of crashing."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DBUS_", "PYTHON_KEYRING", "XDG_RUNTIME"))}
    env["HOME"] = str(tmp_path)
    code = (
        "from agentdesk.sync import credentials as c\n"
        "try:\n    c.get_secret('chatwoot', 'Acme')\n"
        "except c.KeyringUnavailable as exc:\n    print('UNAVAILABLE', exc)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        cwd=Path(__file__).parent.parent,
    )
    assert done.stdout.startswith("UNAVAILABLE"), done.stdout + done.stderr
    assert "Secret Service" in done.stdout
    assert not (tmp_path / ".local" / "share" / "python_keyring").exists()


@pytest.mark.keyring
@pytest.mark.skipif(
    not REAL_KEYRING,
    reason="needs a real Secret Service: AGENTDESK_REAL_KEYRING=1 under dbus-run-session -- sh .ci/with-keyring.sh",
)
@pytest.mark.asyncio
async def test_real_secret_service_round_trip_off_the_loop():
    from keyring.backends import SecretService

    assert isinstance(keyring.get_keyring(), SecretService.Keyring), keyring.get_keyring()
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, credentials.set_secret, "chatwoot", "Real Acme", "s3cret-ü")
    assert await loop.run_in_executor(None, credentials.get_secret, "chatwoot", "Real Acme") == "s3cret-ü"
    done = subprocess.run(
        ["secret-tool", "lookup", "service", "AgentDesk", "username", "chatwoot:Real Acme"],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert done.stdout == "s3cret-ü"  # really in the Secret Service, readable by other tools
    await loop.run_in_executor(None, credentials.delete_secret, "chatwoot", "Real Acme")
    assert await loop.run_in_executor(None, credentials.get_secret, "chatwoot", "Real Acme") is None
