"""Adding a Chatwoot account, checking its token and signing it in again, for the accounts dialog.

Chatwoot has no browser sign-in for desktop apps: the agent copies the access token from their
profile settings in Chatwoot, so *Sign in again* takes a new token typed into the form.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import httpx

from agentdesk.sync.account_setup import AccountForm, OpenBrowser, stored_secret
from agentdesk.sync.chatwoot.account_settings import account_settings, chatwoot_account_id
from agentdesk.sync.chatwoot.connector import ChatwootConnector
from agentdesk.sync.chatwoot.diagnosis import ConnectionCheck, diagnose
from agentdesk.sync.words import _

if TYPE_CHECKING:
    from agentdesk.core.entities import Account
    from agentdesk.sync.account_setup import AccountSetup

KIND = ChatwootConnector.kind


async def check_connection(url: str, account_id: int, token: str, *, timeout: float = 20.0) -> ConnectionCheck:
    """The connection test in plain words, on a client of its own (TLS is always verified)."""
    async with httpx.AsyncClient(timeout=timeout) as client:
        return await diagnose(client, url.strip().rstrip("/"), account_id, token)


async def add_account(accounts: AccountSetup, form: AccountForm, open_browser: OpenBrowser) -> ConnectionCheck:
    """Test, then store the token in the keyring and the account in the profile, then sync it."""
    problem = accounts.name_problem(form.name)
    if problem:
        return ConnectionCheck(False, problem)
    check = await check_connection(form.url, form.account_number, form.secret.strip())
    if check.ok:
        me = check.profile.name if check.profile else ""
        settings = account_settings(form.account_number, me)
        await accounts.keep(KIND, form.name, form.url.strip().rstrip("/"), form.secret.strip(), settings)
    return check


async def sign_in_again(
    accounts: AccountSetup, account: Account, form: AccountForm, open_browser: OpenBrowser
) -> ConnectionCheck:
    """A new token typed into the form, tested against the account's server before it is kept."""
    token = form.secret.strip()
    if not token:
        return ConnectionCheck(False, _("Type the new access token into the form first."))
    check = await check_connection(account.base_url, chatwoot_account_id(account), token)
    if not check.ok:
        return check
    await accounts.sign_in_again(account, token)
    return ConnectionCheck(True, _("The new access token is stored; the account syncs again."), check.profile)


async def test_typed(form: AccountForm) -> ConnectionCheck:
    """*Test connection* with the address, account number and token typed into the form."""
    return await check_connection(form.url, form.account_number, form.secret)


async def test_stored(account: Account) -> ConnectionCheck:
    """*Test connection* for a stored account, with its token from the keyring."""
    token = await stored_secret(account)
    if not token:
        return ConnectionCheck(
            False, _("No access token is stored for {account}; remove and add it again.").format(account=account.name)
        )
    return await check_connection(account.base_url, chatwoot_account_id(account), token)
