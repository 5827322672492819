"""Signing in to X: OAuth 2.0 authorization code with PKCE against the loopback X API (a test plays
the browser), and the sign-in's life after: refresh before expiry, rotation into the keyring, a
refused refresh asks to sign in again. The generic cases (the loopback port, RFC 7636) are in
``test_browser_sign_in.py``; these are X's endpoints, scopes and rotating refresh tokens.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import httpx
import pytest
import pytest_asyncio

from agentdesk.core.oauth import Tokens
from agentdesk.sync.browser_sign_in import SignInFailed, sign_in_with_browser
from agentdesk.sync.errors import NeedsSignIn, SourceError
from agentdesk.sync.x import XConnector
from agentdesk.sync.x.session import SCOPES, StoredSignIn, endpoints
from agentdesk.sync.x.setup import sign_in
from tests.servers.x.server import CLIENT_ID, XServer
from tests.test_browser_sign_in import browser

pytest_plugins = ("tests.servers.x.fixtures",)

pytestmark = pytest.mark.asyncio


@pytest_asyncio.fixture
async def client() -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(timeout=5) as web:
        yield web


async def test_the_real_endpoints_are_xs() -> None:
    real = endpoints("https://api.x.com", "abc")
    assert real.authorize_url == "https://x.com/i/oauth2/authorize"
    assert real.token_url == "https://api.x.com/2/oauth2/token"
    assert real.client_secret == ""  # a desktop app is a public client
    assert SCOPES == ("tweet.read", "tweet.write", "users.read", "dm.read", "dm.write", "offline.access")


async def test_the_browser_sign_in_asks_for_the_narrow_scopes_and_gets_a_refresh_token(
    x_server: XServer, client: httpx.AsyncClient
) -> None:
    open_browser, visited = browser()
    tokens = await sign_in(client, x_server.url, CLIENT_ID, open_browser)
    authorize = httpx.URL(visited[0])
    assert authorize.path == "/i/oauth2/authorize" and authorize.params["client_id"] == CLIENT_ID
    assert authorize.params["scope"] == "tweet.read tweet.write users.read dm.read dm.write offline.access"
    assert authorize.params["code_challenge_method"] == "S256"
    assert {authorize.params["redirect_uri"]} == x_server.callbacks  # exactly the callback the app lists
    assert x_server.state.tokens[tokens.access_token] == x_server.state.me and tokens.refresh_token
    token_requests = [t for m, t in x_server.state.requests if m == "POST" and t == "/2/oauth2/token"]
    assert len(token_requests) == 1


async def test_without_a_client_id_nothing_opens(x_server: XServer, client: httpx.AsyncClient) -> None:
    opened: list[str] = []
    with pytest.raises(SourceError, match="client id of your company's X app"):
        await sign_in(client, x_server.url, " ", opened.append)
    assert opened == []


@pytest.mark.parametrize(
    ("consent", "words"), [("deny", "not allowed"), ("forge_state", "different sign-in")], ids=["denied", "forged"]
)
async def test_a_refused_or_forged_consent_gives_no_tokens(
    x_server: XServer, client: httpx.AsyncClient, consent: str, words: str
) -> None:
    x_server.oauth.state.consent = consent
    open_browser, _ = browser()
    with pytest.raises(SignInFailed, match=words):
        await sign_in(client, x_server.url, CLIENT_ID, open_browser)
    assert list(x_server.state.tokens) == [x_server.token]


async def test_an_expired_code_asks_to_sign_in_again(x_server: XServer, client: httpx.AsyncClient) -> None:
    def expire() -> None:
        x_server.oauth.state.clock_offset = x_server.oauth.state.code_lifetime + 1  # X's codes live 30 s

    open_browser, _ = browser(before_redirect=expire)
    with pytest.raises(SignInFailed, match="expired or was already used"):
        await sign_in(client, x_server.url, CLIENT_ID, open_browser)


async def test_an_unknown_client_id_is_refused_on_xs_page(x_server: XServer, client: httpx.AsyncClient) -> None:
    visited: list[str] = []

    async def open_and_look(url: str) -> None:
        visited.append(url)
        page = await client.get(url)
        assert page.status_code == 400  # X never redirects for an app it does not know

    task: list[asyncio.Task[None]] = []
    with pytest.raises(SignInFailed, match="No answer from the browser"):
        await sign_in_with_browser(
            client,
            endpoints(x_server.url, "someone-elses-app"),
            lambda url: task.append(asyncio.get_running_loop().create_task(open_and_look(url))),
            timeout=0.5,
        )
    await task[0]
    x_server.oauth.state.violations.clear()  # the unknown client id was the point


async def signed_in(x_server: XServer, client: httpx.AsyncClient) -> Tokens:
    open_browser, _ = browser()
    return await sign_in(client, x_server.url, CLIENT_ID, open_browser)


async def test_an_expired_access_token_is_refreshed_and_the_rotated_pair_kept(
    x_server: XServer, client: httpx.AsyncClient
) -> None:
    first = await signed_in(x_server, client)
    expired = Tokens(first.access_token, first.refresh_token, datetime.now(UTC) - timedelta(minutes=1))
    kept: list[str] = []

    async def save(secret: str) -> None:
        kept.append(secret)

    async with httpx.AsyncClient(timeout=5) as api:
        connector = XConnector(api, base_url=x_server.url, stored=StoredSignIn(expired, CLIENT_ID), save=save)
        assert (await connector.me())["username"] == "wellenreich"
    [secret] = kept
    renewed = StoredSignIn.decode(secret)
    assert renewed.client_id == CLIENT_ID
    assert renewed.tokens.refresh_token not in ("", first.refresh_token)  # X rotates refresh tokens
    assert renewed.tokens.expires_at is not None and renewed.tokens.expires_at > datetime.now(UTC)
    assert first.access_token not in renewed.encode()


async def test_a_refused_access_token_is_refreshed_once_and_a_used_refresh_token_asks_to_sign_in_again(
    x_server: XServer, client: httpx.AsyncClient
) -> None:
    first = await signed_in(x_server, client)
    x_server.revoke(first.access_token)
    kept: list[str] = []

    async def save(secret: str) -> None:
        kept.append(secret)

    async with httpx.AsyncClient(timeout=5) as api:
        stored = StoredSignIn(first, CLIENT_ID)
        assert (await XConnector(api, base_url=x_server.url, stored=stored, save=save).me())["id"]
        assert len(kept) == 1
        again = XConnector(api, base_url=x_server.url, stored=stored, save=save)  # the old pair, rotated away
        with pytest.raises(NeedsSignIn, match="sign in again"):
            await again.me()


async def test_a_secret_is_json_in_the_keyring_and_a_pasted_token_works_too() -> None:
    tokens = Tokens("access", "refresh", datetime(2026, 11, 23, 11, 0, tzinfo=UTC))
    assert StoredSignIn.decode(StoredSignIn(tokens, "app").encode()) == StoredSignIn(tokens, "app")
    assert StoredSignIn.decode("  pasted-token\n") == StoredSignIn(Tokens("pasted-token"))
    with pytest.raises(NeedsSignIn, match="cannot be read"):
        StoredSignIn.decode('{"refresh_token": "r"}')


async def test_two_connectors_of_one_account_share_a_rotation_instead_of_spending_a_retired_token(
    x_server: XServer, client: httpx.AsyncClient
) -> None:
    """The sync and the monitoring each hold the sign-in; the one that refreshes second takes the
    pair the first one stored, because X retires a refresh token once it is used."""
    first = await signed_in(x_server, client)
    expired = StoredSignIn(Tokens(first.access_token, first.refresh_token, datetime.now(UTC)), CLIENT_ID)
    keyring = {"secret": expired.encode()}

    async def save(secret: str) -> None:
        keyring["secret"] = secret

    async def load() -> str | None:
        return keyring["secret"]

    async with httpx.AsyncClient(timeout=5) as api:
        sync, monitoring = (
            XConnector(api, base_url=x_server.url, stored=expired, save=save, load=load) for _ in range(2)
        )
        assert (await sync.me())["username"] == "wellenreich"
        assert (await monitoring.me())["username"] == "wellenreich"
    refreshes = [t for m, t in x_server.state.requests if (m, t) == ("POST", "/2/oauth2/token")]
    assert len(refreshes) == 2  # the sign-in's code exchange and one refresh, not two


async def test_a_taken_callback_port_is_said_before_the_browser_opens(
    x_server: XServer, client: httpx.AsyncClient
) -> None:
    opened: list[str] = []
    async with await asyncio.start_server(lambda _r, w: w.close(), "127.0.0.1", x_server.callback_port):
        with pytest.raises(SignInFailed, match=f"Port {x_server.callback_port} on this computer is taken"):
            await sign_in(client, x_server.url, CLIENT_ID, opened.append)
    assert opened == []
