"""Signing a Mastodon account in, and checking an access token, for the CLI and the accounts dialog.

The browser sign-in registers AgentDesk as an app on the user's instance (each instance is its
own server: there is no global client id), with the one-time loopback address as its redirect
URI, and asks only for the scopes the features need. An access token pasted instead (from the
instance's *Development* settings) is checked the same way before it is kept.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import httpx

from agentdesk.core.length.rules import MastodonInstanceRules
from agentdesk.sync.account_setup import AccountForm, OpenBrowser, stored_secret
from agentdesk.sync.browser_sign_in import OAuthEndpoints, sign_in_with_browser
from agentdesk.sync.errors import NeedsSignIn, SourceError
from agentdesk.sync.mastodon.api import MastodonApi
from agentdesk.sync.mastodon.connector import MastodonConnector
from agentdesk.sync.words import _

if TYPE_CHECKING:
    from agentdesk.core.entities import Account
    from agentdesk.sync.account_setup import AccountSetup

#: Read mentions, threads, accounts and search results; write statuses (replies, direct messages).
SCOPES = ("read:accounts", "read:notifications", "read:statuses", "read:search", "write:statuses")
APP_NAME = "AgentDesk"
APP_WEBSITE = "https://github.com/agentdesk/agentdesk"


@dataclass(frozen=True, slots=True)
class MastodonCheck:
    ok: bool
    message: str
    handle: str = ""
    rules: MastodonInstanceRules | None = None
    token: str = field(default="", repr=False)  # handed on to the keyring, never shown or logged


def instance_url(value: str) -> str:
    """``mastodon.social`` or ``https://mastodon.social/`` → ``https://mastodon.social``."""
    value = value.strip().rstrip("/")
    if "://" not in value:
        value = "https://" + value
    split = urlsplit(value)
    if split.scheme not in ("https", "http") or not split.netloc:
        raise ValueError(_("{address!r} is not the address of a Mastodon instance").format(address=value))
    return f"{split.scheme}://{split.netloc}"


async def check_token(client: httpx.AsyncClient, url: str, token: str) -> MastodonCheck:
    """Whether the token signs in on this instance, in plain words when it does not."""
    connector = MastodonConnector(client, base_url=url, token=token)
    try:
        me = await connector.me()
        rules = await connector.instance_rules()
    except NeedsSignIn:
        return MastodonCheck(False, _("Mastodon refused this access token: it is wrong, expired or was revoked."))
    except SourceError as exc:
        return MastodonCheck(False, str(exc))
    handle = f"@{me['acct']}@{urlsplit(url).netloc}"
    limit = rules.max_characters or 500
    words = _("Signed in as {handle}; this instance allows {limit} characters.").format(handle=handle, limit=limit)
    return MastodonCheck(True, words, handle, rules)


async def register_app(client: httpx.AsyncClient, url: str, redirect_uri: str) -> OAuthEndpoints:
    """``POST /api/v1/apps``: this instance's client id and secret for exactly this redirect URI."""
    api = MastodonApi(client, url, token="")
    form = {"client_name": APP_NAME, "redirect_uris": redirect_uri, "scopes": " ".join(SCOPES), "website": APP_WEBSITE}
    answer = (await api.post("/api/v1/apps", form, account=True)).body
    if not isinstance(answer, dict) or not answer.get("client_id"):
        raise SourceError(_("The instance did not register AgentDesk as an app. Is this a Mastodon server?"))
    return OAuthEndpoints(
        authorize_url=f"{url}/oauth/authorize",
        token_url=f"{url}/oauth/token",
        client_id=str(answer["client_id"]),
        scopes=SCOPES,
        client_secret=str(answer.get("client_secret") or ""),
    )


async def sign_in(client: httpx.AsyncClient, url: str, open_browser: OpenBrowser) -> str:
    """The access token from a browser sign-in; raises SignInFailed or another SourceError in words."""
    tokens = await sign_in_with_browser(
        client, lambda redirect_uri: register_app(client, url, redirect_uri), open_browser
    )
    return tokens.access_token


def account_settings(check: MastodonCheck) -> dict[str, str]:
    """What the profile keeps: the handle and the instance's counting rules. Never the token."""
    settings = {"handle": check.handle}
    if check.rules is not None and check.rules.max_characters:
        settings["max_characters"] = str(check.rules.max_characters)
    if check.rules is not None and check.rules.characters_reserved_per_url is not None:
        settings["characters_reserved_per_url"] = str(check.rules.characters_reserved_per_url)
    return settings


async def add_account(accounts: AccountSetup, form: AccountForm, open_browser: OpenBrowser) -> MastodonCheck:
    """The accounts dialog's *Add*: sign in (or check a pasted token), then keep and sync the account."""
    problem = accounts.name_problem(form.name)
    if problem:
        return MastodonCheck(False, problem)
    try:
        url = instance_url(form.url)
    except ValueError as exc:
        return MastodonCheck(False, str(exc))
    check = await _signed_in(url, open_browser, form.secret.strip())
    if check.ok and check.token:
        await accounts.keep(MastodonConnector.kind, form.name, url, check.token, account_settings(check))
    return check


async def sign_in_again(
    accounts: AccountSetup, account: Account, form: AccountForm, open_browser: OpenBrowser
) -> MastodonCheck:
    """*Sign in again* on an account whose access was revoked: a new token (from the browser, or
    pasted into the form), and it syncs at once."""
    check = await _signed_in(account.base_url, open_browser, form.secret.strip())
    if check.ok and check.token:
        problem = await accounts.sign_in_again(account, check.token, account_settings(check), identity="handle")
        if problem:
            return MastodonCheck(False, problem)
    return check


async def test_typed(form: AccountForm) -> MastodonCheck:
    """*Test connection* with the instance and a token typed into the form."""
    try:
        url = instance_url(form.url)
    except ValueError as exc:
        return MastodonCheck(False, str(exc))
    return await _checked(url, form.secret.strip())


async def test_stored(account: Account) -> MastodonCheck:
    """*Test connection* for a stored account, with its token from the keyring (read off the loop)."""
    token = await stored_secret(account)
    if not token:
        return MastodonCheck(
            False, _("No access token is stored for {account}; sign in again.").format(account=account.name)
        )
    return await _checked(account.base_url, token)


async def _signed_in(url: str, open_browser: OpenBrowser, token: str) -> MastodonCheck:
    """A typed token is checked; without one, the browser sign-in gets one first."""
    if not token:
        try:
            async with httpx.AsyncClient(timeout=20) as client:
                token = await sign_in(client, url, open_browser)
        except SourceError as exc:
            return MastodonCheck(False, str(exc))
    return await _checked(url, token)


async def _checked(url: str, token: str) -> MastodonCheck:
    if not token:
        return MastodonCheck(False, _("Type an access token, or leave it empty and sign in with the browser."))
    async with httpx.AsyncClient(timeout=20) as client:
        check = await check_token(client, url, token)
    return MastodonCheck(check.ok, check.message, check.handle, check.rules, token if check.ok else "")
