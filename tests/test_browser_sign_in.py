"""Browser sign-in (OAuth 2 code + PKCE, loopback redirect) against a strict loopback OAuth server.

A test plays the browser: it opens the authorize URL the app hands out, follows the platform's
redirect to the app's one-time loopback port, and the app exchanges the code.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from agentdesk.core.oauth import AuthorizationRequest, SignInProblem, SignInRefused, Tokens, tokens_from_response
from agentdesk.sync.browser_sign_in import OAuthEndpoints, SignInFailed, refresh, sign_in_with_browser
from agentdesk.sync.errors import NeedsSignIn
from tests.servers.oauth_server import OAuthServer

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


@pytest.fixture
def server() -> Iterator[OAuthServer]:
    srv = OAuthServer().start()
    yield srv
    srv.stop()
    assert srv.state.violations == []


def endpoints(server: OAuthServer, client_id: str = "agentdesk-test") -> OAuthEndpoints:
    return OAuthEndpoints(f"{server.url}/oauth/authorize", f"{server.url}/oauth/token", client_id, ("read", "write"))


def browser(before_redirect: Callable[[], None] = lambda: None) -> tuple[Callable[[str], object], list[str]]:
    """The system browser: opens the URL, shows the platform's page, follows its redirect."""
    visited: list[str] = []

    async def visit(url: str) -> None:
        async with httpx.AsyncClient() as web:
            visited.append(url)
            answer = await web.get(url)
            assert answer.status_code == 302, answer.text
            before_redirect()
            location = answer.headers["Location"]
            visited.append(location)
            await web.get(location)

    tasks: list[asyncio.Task[None]] = []
    return (lambda url: tasks.append(asyncio.get_running_loop().create_task(visit(url)))), visited


# --- the pure half ----------------------------------------------------------------------------------
def test_the_challenge_is_rfc_7636s_s256_of_the_verifier() -> None:
    request = AuthorizationRequest("https://m.example/oauth/authorize", "id", "http://127.0.0.1:5/callback", ())
    verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"
    fixed = AuthorizationRequest(request.authorize_url, "id", request.redirect_uri, (), code_verifier=verifier)
    assert fixed.code_challenge == "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"  # RFC 7636, appendix B
    assert 43 <= len(request.code_verifier) <= 128
    assert request.state != AuthorizationRequest(request.authorize_url, "id", request.redirect_uri, ()).state


def test_a_redirect_for_another_sign_in_is_refused_before_anything_else() -> None:
    request = AuthorizationRequest("https://x.example/authorize", "id", "http://127.0.0.1:5/callback", ("a",))
    with pytest.raises(SignInRefused) as refused:
        request.code_from_redirect("/callback?code=abc&state=someone-elses")
    assert refused.value.problem is SignInProblem.STATE_MISMATCH
    with pytest.raises(SignInRefused) as denied:
        request.code_from_redirect(f"/callback?error=access_denied&state={request.state}")
    assert denied.value.problem is SignInProblem.DENIED
    assert request.code_from_redirect(f"/callback?code=abc&state={request.state}") == "abc"


def test_token_answers_are_checked_and_a_rotated_refresh_token_kept() -> None:
    tokens = tokens_from_response({"access_token": "A", "token_type": "Bearer", "expires_in": 7200}, NOW, "old")
    assert tokens.refresh_token == "old"  # no new one given: the old one stays valid
    assert tokens.expired(NOW + timedelta(hours=2)) and not tokens.expired(NOW)
    assert "A" not in repr(tokens)
    with pytest.raises(ValueError, match="without an access token"):
        tokens_from_response({"error": "x"}, NOW)
    with pytest.raises(ValueError, match="bearer"):
        tokens_from_response({"access_token": "A", "token_type": "mac"}, NOW)


# --- the whole flow ---------------------------------------------------------------------------------
@pytest.mark.asyncio
async def test_the_browser_flow_signs_in_and_the_loopback_port_closes_after(server: OAuthServer) -> None:
    open_browser, visited = browser()
    async with httpx.AsyncClient() as client:
        tokens = await sign_in_with_browser(client, endpoints(server), open_browser, now=lambda: NOW)
    assert tokens.access_token in server.state.access_tokens
    assert tokens.refresh_token and tokens.expires_at == NOW + timedelta(seconds=7200)
    assert tokens.scopes == ("read", "write")
    redirect = httpx.URL(visited[1])
    assert redirect.host == "127.0.0.1" and redirect.path == "/callback"
    async with httpx.AsyncClient() as web:  # one sign-in, one port: nobody can knock on it later
        with pytest.raises(httpx.ConnectError):
            await web.get(visited[1])


@pytest.mark.asyncio
async def test_denied_consent_says_so_and_gives_no_tokens(server: OAuthServer) -> None:
    server.state.consent = "deny"
    open_browser, _ = browser()
    async with httpx.AsyncClient() as client:
        with pytest.raises(SignInFailed, match="not allowed"):
            await sign_in_with_browser(client, endpoints(server), open_browser)
    assert server.state.access_tokens == set()


@pytest.mark.asyncio
async def test_a_forged_state_is_ignored_and_the_code_never_exchanged(server: OAuthServer) -> None:
    server.state.consent = "forge_state"
    open_browser, _ = browser()
    async with httpx.AsyncClient() as client:
        with pytest.raises(SignInFailed, match="different sign-in"):
            await sign_in_with_browser(client, endpoints(server), open_browser)
    assert not any(grant.used for grant in server.state.grants.values())


@pytest.mark.asyncio
async def test_an_expired_code_asks_to_sign_in_again(server: OAuthServer) -> None:
    def expire() -> None:
        server.state.clock_offset = server.state.code_lifetime + 1

    open_browser, _ = browser(before_redirect=expire)
    async with httpx.AsyncClient() as client:
        with pytest.raises(SignInFailed, match="expired or was already used"):
            await sign_in_with_browser(client, endpoints(server), open_browser)


@pytest.mark.asyncio
async def test_an_unknown_client_id_is_named(server: OAuthServer) -> None:
    server.state.client_ids.add("revoked-app")
    open_browser, _ = browser(before_redirect=lambda: server.state.client_ids.discard("revoked-app"))
    async with httpx.AsyncClient() as client:
        with pytest.raises(SignInFailed, match="client id"):
            await sign_in_with_browser(client, endpoints(server, "revoked-app"), open_browser)


@pytest.mark.asyncio
async def test_no_browser_answer_ends_the_sign_in_with_words(server: OAuthServer) -> None:
    async with httpx.AsyncClient() as client:
        with pytest.raises(SignInFailed, match="No answer from the browser"):
            await sign_in_with_browser(client, endpoints(server), lambda _url: None, timeout=0.2)


@pytest.mark.asyncio
async def test_refresh_rotates_and_a_used_refresh_token_means_sign_in_again(server: OAuthServer) -> None:
    open_browser, _ = browser()
    async with httpx.AsyncClient() as client:
        first = await sign_in_with_browser(client, endpoints(server), open_browser, now=lambda: NOW)
        second = await refresh(client, endpoints(server), first, NOW)
        assert second.access_token != first.access_token and second.refresh_token != first.refresh_token
        with pytest.raises(NeedsSignIn, match="expired or was already used"):
            await refresh(client, endpoints(server), first, NOW)  # rotated away: only the newest works
        assert isinstance(await refresh(client, endpoints(server), second, NOW), Tokens)


@pytest.mark.asyncio
async def test_the_loopback_answers_only_its_callback(server: OAuthServer) -> None:
    from agentdesk.sync.browser_sign_in import LoopbackRedirect

    async with LoopbackRedirect() as redirect, httpx.AsyncClient() as web:
        base = redirect.redirect_uri.rsplit("/", 1)[0]
        assert (await web.get(f"{base}/favicon.ico")).status_code == 404
        assert (await web.post(redirect.redirect_uri)).status_code == 404
        page = await web.get(f"{redirect.redirect_uri}?code=c&state=s")
        assert page.status_code == 200 and "AgentDesk" in page.text
        assert await redirect.target(1) == "/callback?code=c&state=s"
