"""Signing a Mastodon account in, and checking an access token, for the CLI and the accounts dialog.

The browser sign-in registers AgentDesk as an app on the user's instance (each instance is its
own server: there is no global client id), with the one-time loopback address as its redirect
URI, and asks only for the scopes the features need. An access token pasted instead (from the
instance's *Development* settings) is checked the same way before it is kept.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx

from agentdesk.core.length.rules import MastodonInstanceRules
from agentdesk.sync.browser_sign_in import OAuthEndpoints, sign_in_with_browser
from agentdesk.sync.errors import NeedsSignIn, SourceError
from agentdesk.sync.mastodon.api import MastodonApi
from agentdesk.sync.mastodon.connector import MastodonConnector

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


def instance_url(value: str) -> str:
    """``mastodon.social`` or ``https://mastodon.social/`` → ``https://mastodon.social``."""
    value = value.strip().rstrip("/")
    if "://" not in value:
        value = "https://" + value
    split = urlsplit(value)
    if split.scheme not in ("https", "http") or not split.netloc:
        raise ValueError(f"{value!r} is not the address of a Mastodon instance")
    return f"{split.scheme}://{split.netloc}"


async def check_token(client: httpx.AsyncClient, url: str, token: str) -> MastodonCheck:
    """Whether the token signs in on this instance, in plain words when it does not."""
    connector = MastodonConnector(client, base_url=url, token=token)
    try:
        me = await connector.me()
        rules = await connector.instance_rules()
    except NeedsSignIn:
        return MastodonCheck(False, "Mastodon refused this access token: it is wrong, expired or was revoked.")
    except SourceError as exc:
        return MastodonCheck(False, str(exc))
    handle = f"@{me['acct']}@{urlsplit(url).netloc}"
    limit = rules.max_characters or 500
    return MastodonCheck(True, f"Signed in as {handle}; this instance allows {limit} characters.", handle, rules)


async def register_app(client: httpx.AsyncClient, url: str, redirect_uri: str) -> OAuthEndpoints:
    """``POST /api/v1/apps``: this instance's client id and secret for exactly this redirect URI."""
    api = MastodonApi(client, url, token="")
    form = {"client_name": APP_NAME, "redirect_uris": redirect_uri, "scopes": " ".join(SCOPES), "website": APP_WEBSITE}
    answer = (await api.post("/api/v1/apps", form, account=True)).body
    if not isinstance(answer, dict) or not answer.get("client_id"):
        raise SourceError("The instance did not register AgentDesk as an app. Is this a Mastodon server?")
    return OAuthEndpoints(
        authorize_url=f"{url}/oauth/authorize",
        token_url=f"{url}/oauth/token",
        client_id=str(answer["client_id"]),
        scopes=SCOPES,
        client_secret=str(answer.get("client_secret") or ""),
    )


async def sign_in(client: httpx.AsyncClient, url: str, open_browser: Callable[[str], object]) -> str:
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
