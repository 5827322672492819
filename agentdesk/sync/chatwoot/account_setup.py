"""Adding, testing and removing Chatwoot accounts while the app runs: what the accounts dialog calls.

The rules are the CLI's (``agentdesk account``): an account is added only after its connection
test passed, its token goes only to the keyring, the profile keeps the rest. Every keyring call
runs on the keyring thread and every store call on the store's threads, so the dialog can await
these from the GUI thread.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

import httpx

from agentdesk.core.entities import Account
from agentdesk.core.events import AccountState, CannedResponsesChanged, SyncPhase
from agentdesk.store.profile import Role
from agentdesk.sync import credentials
from agentdesk.sync.canned import CannedResponseFiles
from agentdesk.sync.chatwoot.account_settings import account_settings, chatwoot_account_id
from agentdesk.sync.chatwoot.connector import ChatwootConnector
from agentdesk.sync.chatwoot.diagnosis import ConnectionCheck, diagnose
from agentdesk.sync.connector_factory import real_connector
from agentdesk.sync.errors import RealSourcesForbidden

if TYPE_CHECKING:
    from agentdesk.sync.workspace import Workspace

KIND = ChatwootConnector.kind


async def check_connection(url: str, account_id: int, token: str, *, timeout: float = 20.0) -> ConnectionCheck:
    """The connection test in plain words, on a client of its own (TLS is always verified)."""
    async with httpx.AsyncClient(timeout=timeout) as client:
        return await diagnose(client, url.strip().rstrip("/"), account_id, token)


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
            return f"Choose another name: {name.strip()!r} is empty or taken."
        return ""

    async def add(self, name: str, url: str, account_id: int, token: str) -> ConnectionCheck:
        """Test, then store the token in the keyring and the account in the profile, then sync it."""
        problem = self.name_problem(name)
        if problem:
            return ConnectionCheck(False, problem)
        check = await check_connection(url, account_id, token.strip())
        if check.ok:
            me = check.profile.name if check.profile else ""
            await self.keep(KIND, name, url.strip().rstrip("/"), token.strip(), account_settings(account_id, me))
        return check

    async def keep(self, kind: str, name: str, url: str, secret: str, settings: dict[str, str]) -> Account:
        """A tested account: the secret into the keyring, the rest into the profile, and it starts syncing."""
        await credentials.off_loop(credentials.set_secret, kind, name.strip(), secret)
        account = await self.ws.runner.write(
            self.ws.store.add_account, kind, name.strip(), datetime.now(UTC), base_url=url, settings=settings
        )
        self.ws.accounts.append(account)
        connector = real_connector(account)
        if connector is not None:
            self.ws.engine.add(account, connector)
            self.ws.engine.start()  # starts only the new account; the others run already
        return account

    async def sign_in_again(self, account: Account, secret: str) -> None:
        """A new secret for an account whose sign-in was refused: the engine tries again at once."""
        await credentials.off_loop(credentials.set_secret, account.kind, account.name, secret)
        self.ws.engine.wake(account.id)

    async def test(self, account: Account) -> ConnectionCheck:
        """Test a stored account with its stored token."""
        token = await credentials.off_loop(credentials.get_secret, account.kind, account.name)
        if not token:
            return ConnectionCheck(False, f"No access token is stored for {account.name}; remove and add it again.")
        return await check_connection(account.base_url, chatwoot_account_id(account), token)

    async def remove(self, account: Account) -> None:
        """Stop syncing it, forget its secret, and delete it with its conversations and canned responses."""
        await self.ws.engine.remove(account.id)
        await credentials.off_loop(credentials.delete_secret, account.kind, account.name)
        await self.ws.runner.write(self.ws.store.remove_account, account.id)
        await self.ws.runner.write(CannedResponseFiles(self.ws.data_dir).forget, account.id)
        self.ws.accounts[:] = [a for a in self.ws.accounts if a.id != account.id]
        self.ws.hub.publish(CannedResponsesChanged(account.id))  # its canned responses leave the templates
