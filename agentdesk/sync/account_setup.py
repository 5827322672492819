"""Adding, testing, signing in again and removing accounts while the app runs: what the accounts
dialog calls.

The rules are the CLI's (``agentdesk account``): an account is added only after its connection
test passed, its secret goes only to the keyring, the profile keeps the rest. Every keyring call
runs on the keyring thread and every store call on the store's threads, so the dialog can await
these from the GUI thread.

Each account kind brings a setup module (``agentdesk/sync/<kind>/setup.py``) with the four
coroutines of :class:`KindSetup`; :func:`kind_setup` loads it on first use, off the GUI thread, so a
kind's HTTP client and parsers cost nothing until someone adds or tests such an account.
"""

from __future__ import annotations

import asyncio
import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Protocol, cast

from agentdesk.core.entities import Account
from agentdesk.core.events import AccountState, CannedResponsesChanged, SyncPhase
from agentdesk.store.profile import Role
from agentdesk.sync import credentials
from agentdesk.sync.canned import CannedResponseFiles
from agentdesk.sync.connector_factory import real_connector
from agentdesk.sync.errors import RealSourcesForbidden
from agentdesk.sync.words import _

if TYPE_CHECKING:
    from agentdesk.sync.workspace import Workspace

#: Opens the platform's sign-in page in the system browser (tests put a browser of their own here).
OpenBrowser = Callable[[str], object]

#: The setup module of each kind that keeps a secret in the keyring, loaded on first use.
SETUP_MODULES = {
    "chatwoot": "agentdesk.sync.chatwoot.setup",
    "mastodon": "agentdesk.sync.mastodon.setup",
    "x": "agentdesk.sync.x.setup",
    "bluesky": "agentdesk.sync.bluesky.setup",
}


@dataclass(frozen=True, slots=True)
class AccountForm:
    """What the accounts dialog's form holds; each kind reads the fields it needs."""

    name: str = ""
    url: str = ""
    account_number: int = 0
    login: str = ""  # a handle, an e-mail address or an app's client id, depending on the kind
    secret: str = field(default="", repr=False)  # a token or app password: to the keyring, never shown


class Check(Protocol):
    """A connection test's outcome, in words for the user."""

    @property
    def ok(self) -> bool: ...

    @property
    def message(self) -> str: ...


class KindSetup(Protocol):
    """The coroutines a kind's setup module offers the dialog."""

    async def add_account(self, accounts: AccountSetup, form: AccountForm, open_browser: OpenBrowser) -> Check: ...

    async def sign_in_again(
        self, accounts: AccountSetup, account: Account, form: AccountForm, open_browser: OpenBrowser
    ) -> Check: ...

    async def test_typed(self, form: AccountForm) -> Check: ...

    async def test_stored(self, account: Account) -> Check: ...


async def kind_setup(kind: str) -> KindSetup:
    """The setup module of ``kind`` (a KeyError for a kind without one, e.g. the sandbox).

    The first import of a kind can bring httpx and the connector, 100–300 ms: it runs on a worker
    thread, so the accounts dialog's first *Test* or *Add* does not freeze the window.
    """
    module = SETUP_MODULES[kind]
    return cast(KindSetup, await asyncio.to_thread(importlib.import_module, module))


class AccountSetup:
    """The accounts of one open profile, changed while the engine runs."""

    def __init__(self, workspace: Workspace) -> None:
        self.ws = workspace

    def accounts(self) -> list[tuple[Account, AccountState]]:
        """Every account with its sync state (an account the engine does not run shows as stopped)."""
        states = {state.account_id: state for state in self.ws.engine.states()}
        return [(a, states.get(a.id) or AccountState(a.id, a.name, SyncPhase.STOPPED)) for a in self.ws.accounts]

    def name_problem(self, name: str) -> str:
        """Why this name cannot be used ("" if it can); a trainee may not even try (nothing leaves)."""
        if self.ws.settings.role is Role.TRAINEE:  # before any connection test: not even that leaves a trainee
            raise RealSourcesForbidden()
        if not name.strip() or any(a.name == name.strip() for a in self.ws.accounts):
            return _("Choose another name: {name!r} is empty or taken.").format(name=name.strip())
        return ""

    async def keep(self, kind: str, name: str, url: str, secret: str, settings: dict[str, str]) -> Account:
        """A tested account: the secret into the keyring, the rest into the profile, and it starts syncing."""
        await credentials.off_loop(credentials.set_secret, kind, name.strip(), secret)
        account = await self.ws.runner.write(
            self.ws.store.add_account, kind, name.strip(), datetime.now(UTC), base_url=url, settings=settings
        )
        self.ws.accounts.append(account)
        self._sync(account)
        return account

    async def sign_in_again(
        self, account: Account, secret: str, settings: Mapping[str, str] | None = None, *, identity: str = ""
    ) -> str:
        """Keeps a new sign-in of an account whose access ended and syncs it at once; returns why it
        was not kept ("" when it was).

        The sign-in must be the same user as before, compared by the settings key ``identity``:
        another user's sign-in would bring their mentions into this account's queue and send its
        queued replies in their name. What the sign-in learnt (a new client id, the instance's new
        limit, a changed handle) replaces the stored settings, and the account restarts with them.
        """
        settings = settings or {}
        problem = another_user(account, settings, identity)
        if problem:
            return problem
        await credentials.off_loop(credentials.set_secret, account.kind, account.name, secret)
        changed = {key: value for key, value in settings.items() if account.settings.get(key) != value}
        if not changed:
            self.ws.engine.wake(account.id)
            return ""
        renewed = await self.ws.runner.write(self.ws.store.change_account_settings, account.id, changed)
        self.ws.accounts[:] = [renewed if a.id == account.id else a for a in self.ws.accounts]
        await self.ws.engine.remove(account.id)
        self._sync(renewed)
        return ""

    def _sync(self, account: Account) -> None:
        connector = real_connector(account)
        if connector is not None:
            self.ws.engine.add(account, connector)
            self.ws.engine.start()  # starts only this account; the others run already

    async def remove(self, account: Account) -> None:
        """Stop syncing it, forget its secret, and delete it with its conversations and canned responses."""
        await self.ws.engine.remove(account.id)
        await credentials.off_loop(credentials.delete_secret, account.kind, account.name)
        await self.ws.runner.write(self.ws.store.remove_account, account.id)
        await self.ws.runner.write(CannedResponseFiles(self.ws.data_dir).forget, account.id)
        self.ws.accounts[:] = [a for a in self.ws.accounts if a.id != account.id]
        self.ws.hub.publish(CannedResponsesChanged(account.id))  # its canned responses leave the templates


def another_user(account: Account, settings: Mapping[str, str], identity: str) -> str:
    """Why a new sign-in is someone else than the account's user, in words ("" when it is not)."""
    known, new = account.settings.get(identity, ""), settings.get(identity, "")
    if not identity or not known or not new or known.casefold() == new.casefold():
        return ""
    return _(
        "You signed in as {new}, but the account {name} belongs to {known}. Sign in as {known}; nothing was changed."
    ).format(new=settings.get("handle") or new, name=account.name, known=account.settings.get("handle") or known)


async def stored_secret(account: Account) -> str:
    """The account's secret from the keyring, read off the loop ("" when none is stored)."""
    return await credentials.off_loop(credentials.get_secret, account.kind, account.name) or ""
