"""Signing an X account in, and checking a sign-in, for the CLI and the accounts dialog.

X has no per-user app registration: a company registers *its* app once in the X Developer
Console (a public "Native App" client with OAuth 2.0) and every agent signs in through it with
its client id, which the account's settings keep. The browser sign-in is OAuth 2.0 authorization
code with PKCE through the one-time loopback redirect; an access token pasted instead (e.g. from
a script on a machine without a browser) is checked the same way before it is kept.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import httpx

from agentdesk.core.oauth import Tokens
from agentdesk.sync.account_setup import AccountForm, OpenBrowser, stored_secret
from agentdesk.sync.browser_sign_in import sign_in_with_browser
from agentdesk.sync.errors import NeedsSignIn, SourceError
from agentdesk.sync.words import N_, _
from agentdesk.sync.x import session
from agentdesk.sync.x.connector import XConnector, keyring_access
from agentdesk.sync.x.session import API_URL, Load, Save, StoredSignIn, endpoints

if TYPE_CHECKING:
    from agentdesk.core.entities import Account
    from agentdesk.sync.account_setup import AccountSetup

NO_CLIENT_ID = N_(
    "X needs the client id of your company's X app (Developer Console → your app → Keys and tokens → "
    "OAuth 2.0 Client ID)."
)


@dataclass(frozen=True, slots=True)
class XCheck:
    ok: bool
    message: str
    handle: str = ""
    secret: str = field(default="", repr=False)  # handed on to the keyring, never shown or logged
    user_id: str = ""  # X's id of the account: unlike the handle it never changes


def api_url(value: str) -> str:
    """The API's address: X's own unless the company goes through a proxy (or a test server)."""
    value = value.strip().rstrip("/") or API_URL
    if "://" not in value:
        value = "https://" + value
    split = urlsplit(value)
    if split.scheme not in ("https", "http") or not split.netloc:
        raise ValueError(_("{address!r} is not the address of the X API").format(address=value))
    return f"{split.scheme}://{split.netloc}"


async def check_sign_in(
    client: httpx.AsyncClient, url: str, stored: StoredSignIn, keyring: tuple[Save, Load] | None = None
) -> XCheck:
    """Whether the sign-in works (``GET /2/users/me``), in plain words when it does not.

    A stored sign-in may be refreshed on the way: ``keyring`` keeps the rotated one, or the keyring
    would be left with a refresh token X has retired.
    """
    save, load = keyring or (None, None)
    connector = XConnector(client, base_url=url, stored=stored, save=save, load=load)
    try:
        me = await connector.me()
    except NeedsSignIn:
        return XCheck(False, _("X refused this access token: it is wrong, expired or was revoked."))
    except SourceError as exc:
        return XCheck(False, str(exc))
    handle = f"@{me['username']}"
    words = _("Signed in to X as {handle}.").format(handle=handle)
    return XCheck(True, words, handle, stored.encode(), str(me["id"]))


async def sign_in(
    client: httpx.AsyncClient, url: str, client_id: str, open_browser: OpenBrowser, port: int | None = None
) -> Tokens:
    """Tokens from a browser sign-in on the loopback ``port`` the app lists (default
    :data:`REDIRECT_PORT`); raises SignInFailed or another SourceError in words."""
    if not client_id.strip():
        raise SourceError(_(NO_CLIENT_ID))
    endpoints_ = endpoints(url, client_id.strip())
    return await sign_in_with_browser(client, endpoints_, open_browser, port=port or session.REDIRECT_PORT)


def account_settings(check: XCheck, client_id: str, port: int | None = None) -> dict[str, str]:
    """What the profile keeps: the handle and X's id of the account, the app's client id and a
    loopback port other than the default (for the next sign-in). Never a token."""
    settings = {"handle": check.handle}
    if check.user_id:
        settings["user_id"] = check.user_id
    if client_id.strip():
        settings["client_id"] = client_id.strip()
    if port:
        settings["redirect_port"] = str(port)
    return settings


def redirect_port(account: Account) -> int | None:
    """The loopback port the account's app lists, if not the default."""
    value = account.settings.get("redirect_port", "")
    return int(value) if value.isdigit() else None


async def add_account(accounts: AccountSetup, form: AccountForm, open_browser: OpenBrowser) -> XCheck:
    """The accounts dialog's *Add*: sign in through the app named in the form (or check a pasted
    token), then keep and sync the account."""
    problem = accounts.name_problem(form.name)
    if problem:
        return XCheck(False, problem)
    try:
        url = api_url(form.url)
    except ValueError as exc:
        return XCheck(False, str(exc))
    check = await signed_in(url, form.login, open_browser, form.secret.strip())
    if check.ok and check.secret:
        await accounts.keep(XConnector.kind, form.name, url, check.secret, account_settings(check, form.login))
    return check


async def sign_in_again(
    accounts: AccountSetup, account: Account, form: AccountForm, open_browser: OpenBrowser
) -> XCheck:
    """*Sign in again* on an account whose access was revoked or expired: new tokens through the
    account's app (from the browser, or a token pasted into the form), and it syncs at once."""
    client_id = form.login.strip() or account.settings.get("client_id", "")
    port = redirect_port(account)
    check = await signed_in(account.base_url, client_id, open_browser, form.secret.strip(), port)
    if check.ok and check.secret:
        settings = account_settings(check, client_id, port)
        identity = "user_id" if account.settings.get("user_id") else "handle"  # accounts added before ids were kept
        problem = await accounts.sign_in_again(account, check.secret, settings, identity=identity)
        if problem:
            return XCheck(False, problem)
    return check


async def test_typed(form: AccountForm) -> XCheck:
    """*Test connection* with an access token typed into the form."""
    try:
        url = api_url(form.url)
    except ValueError as exc:
        return XCheck(False, str(exc))
    if not form.secret.strip():
        return XCheck(False, _("Type an access token, or leave it empty and sign in with the browser."))
    return await checked(url, StoredSignIn(Tokens(form.secret.strip())))


async def test_stored(account: Account) -> XCheck:
    """*Test connection* for a stored account, with its sign-in from the keyring (read off the loop)."""
    secret = await stored_secret(account)
    if not secret:
        return XCheck(False, _("No sign-in is stored for {account}; sign in again.").format(account=account.name))
    try:
        stored = StoredSignIn.decode(secret)
    except NeedsSignIn as exc:
        return XCheck(False, str(exc))
    return await checked(account.base_url, stored, keyring_access(account))


async def signed_in(url: str, client_id: str, open_browser: OpenBrowser, token: str, port: int | None = None) -> XCheck:
    """A typed token is checked; without one, the browser sign-in gets tokens first."""
    if token:
        return await checked(url, StoredSignIn(Tokens(token)))
    try:
        async with httpx.AsyncClient(timeout=20) as client:
            tokens = await sign_in(client, url, client_id, open_browser, port)
    except SourceError as exc:
        return XCheck(False, str(exc))
    return await checked(url, StoredSignIn(tokens, client_id.strip()))


async def checked(url: str, stored: StoredSignIn, keyring: tuple[Save, Load] | None = None) -> XCheck:
    async with httpx.AsyncClient(timeout=20) as client:
        return await check_sign_in(client, url, stored, keyring)
