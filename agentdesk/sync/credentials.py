"""Account secrets (access tokens, app passwords) in the operating system's keyring, and only there.

Every call may block on D-Bus or a keychain prompt, so code on an event loop runs them through
:func:`off_loop`, on one dedicated thread (keyring backends are not all thread-safe, and one
thread keeps their calls in order). When no secure store works, :class:`KeyringUnavailable` explains how
to get one; there is deliberately no fallback to a file, because a token in a plain file is a
token anyone with the laptop can use.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from typing import ParamSpec, TypeVar

import keyring
import keyring.errors
from keyring.backend import KeyringBackend

from agentdesk.sync.errors import SourceError
from agentdesk.sync.words import N_, _

SERVICE = "AgentDesk"

P = ParamSpec("P")
T = TypeVar("T")

_KEYRING_THREAD = ThreadPoolExecutor(1, thread_name_prefix="keyring")

#: Backends that would lose the secret (fail, null) or keep it in a readable file (keyrings.alt).
_REFUSED_MODULES = ("keyring.backends.fail", "keyring.backends.null", "keyrings.alt")

HOW_TO_FIX = N_(
    "AgentDesk keeps access tokens only in the system's secure password store and never in a file. "
    "To fix it: on a Linux desktop, install and unlock GNOME Keyring (package gnome-keyring) or KWallet, "
    "then log out and in again; on a machine without a desktop, start a Secret Service first, for example "
    "'dbus-run-session -- sh .ci/with-keyring.sh agentdesk ...'; on Windows and macOS the system keychain "
    "is used and must not be disabled."
)


class KeyringUnavailable(SourceError):
    """No usable secure password store: the account cannot sign in until the user provides one."""

    def __init__(self, detail: str) -> None:
        super().__init__(
            _("No secure password store is available ({detail}).").format(detail=detail) + " " + _(HOW_TO_FIX)
        )
        self.detail = detail


def username(kind: str, account_name: str) -> str:
    """The keyring entry's user name: one secret per source kind and account name."""
    return f"{kind}:{account_name}"


def set_secret(kind: str, account_name: str, secret: str) -> None:
    backend = _backend()
    try:
        backend.set_password(SERVICE, username(kind, account_name), secret)
    except keyring.errors.KeyringError as exc:
        raise KeyringUnavailable(_describe(exc)) from exc


def get_secret(kind: str, account_name: str) -> str | None:
    """The stored secret, or None if there is none for this account."""
    backend = _backend()
    try:
        return backend.get_password(SERVICE, username(kind, account_name))
    except keyring.errors.KeyringError as exc:
        raise KeyringUnavailable(_describe(exc)) from exc


def delete_secret(kind: str, account_name: str) -> None:
    """Forget the secret; forgetting one that is not there is not an error."""
    backend = _backend()
    try:
        backend.delete_password(SERVICE, username(kind, account_name))
    except keyring.errors.PasswordDeleteError:
        return
    except keyring.errors.KeyringError as exc:
        raise KeyringUnavailable(_describe(exc)) from exc


async def off_loop(fn: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
    """Run one of the calls above on the keyring thread, never on the event loop's (the GUI) thread."""
    return await asyncio.get_running_loop().run_in_executor(_KEYRING_THREAD, partial(fn, *args, **kwargs))


def _backend() -> KeyringBackend:
    try:
        backend = keyring.get_keyring()
    except keyring.errors.KeyringError as exc:
        raise KeyringUnavailable(_describe(exc)) from exc
    if type(backend).__module__.startswith(_REFUSED_MODULES):
        found = f"{type(backend).__module__}.{type(backend).__name__}"
        raise KeyringUnavailable(_("the only keyring backend found is {backend}").format(backend=found))
    return backend


def _describe(exc: keyring.errors.KeyringError) -> str:
    if isinstance(exc, keyring.errors.KeyringLocked):
        return _("the keyring is locked: {detail}").format(detail=exc)
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
