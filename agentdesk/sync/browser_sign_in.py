"""Browser sign-in for a desktop app: the system browser, a one-time loopback redirect, PKCE.

RFC 8252 is the rule book: the platform redirects the browser to ``http://127.0.0.1:<port>/…``
on a port the system picks for this one sign-in; we listen only on the loopback interface, take
exactly one redirect, answer the browser with a short page, and close the port again. The code
is exchanged for tokens with the PKCE verifier. Opening the browser is the caller's (Qt's
``QDesktopServices`` in the window, :mod:`webbrowser` in the CLI), so this module stays free of
both.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime

import httpx

from agentdesk.core.oauth import AuthorizationRequest, SignInProblem, SignInRefused, Tokens, tokens_from_response
from agentdesk.sync.errors import NeedsSignIn, Offline, Rejected, ServerError, SourceError
from agentdesk.sync.words import N_, _, ngettext

CALLBACK_PATH = "/callback"
SIGN_IN_TIMEOUT = 300.0  # five minutes to find the password and say yes

_DONE_PAGE = (
    "<!doctype html><html><head><meta charset='utf-8'><title>AgentDesk</title></head>"
    "<body style='font-family:sans-serif;margin:3em'>"
    "<h1>{title}</h1><p>{text}</p></body></html>"
)
_PAGES = {
    True: (
        "Angemeldet · Signed in",
        "Sie können dieses Fenster schließen und zu AgentDesk zurückkehren. · "
        "You can close this tab and return to AgentDesk.",
    ),
    False: (
        "Anmeldung nicht abgeschlossen · Sign-in not completed",
        "AgentDesk zeigt, was fehlt. · AgentDesk says what went wrong.",
    ),
}


@dataclass(frozen=True, slots=True)
class OAuthEndpoints:
    authorize_url: str
    token_url: str
    client_id: str
    scopes: tuple[str, ...]
    client_secret: str = ""  # only for platforms that give desktop apps one (Mastodon's app registration)


class LoopbackRedirect:
    """Listens on 127.0.0.1 for exactly one browser redirect to :data:`CALLBACK_PATH`."""

    def __init__(self, port: int = 0) -> None:
        """``port`` 0: a one-time port the system picks; a platform that matches its callback
        URL exactly, port included (X), names the port its app lists."""
        self._port = port
        self._server: asyncio.Server | None = None
        self._arrived: asyncio.Future[str] | None = None
        self._request: AuthorizationRequest | None = None

    async def __aenter__(self) -> LoopbackRedirect:
        self._arrived = asyncio.get_running_loop().create_future()
        try:
            self._server = await asyncio.start_server(self._handle, host="127.0.0.1", port=self._port)
        except OSError:
            words = _("Port {port} on this computer is taken by another program, so the sign-in cannot start.")
            raise SignInFailed(words.format(port=self._port)) from None
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self._server is not None:
            self._server.close()
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self._server.wait_closed(), 2)
        if self._arrived is not None and not self._arrived.done():
            self._arrived.cancel()

    @property
    def redirect_uri(self) -> str:
        assert self._server is not None, "use as 'async with LoopbackRedirect() as redirect'"
        port = self._server.sockets[0].getsockname()[1]
        return f"http://127.0.0.1:{port}{CALLBACK_PATH}"

    def expect(self, request: AuthorizationRequest) -> None:
        """The page the browser is shown depends on whether its redirect carries a good code."""
        self._request = request

    async def target(self, timeout: float = SIGN_IN_TIMEOUT) -> str:
        """The path and query the browser was redirected to."""
        assert self._arrived is not None
        return await asyncio.wait_for(asyncio.shield(self._arrived), timeout)

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 10)
            method, target, _version = head.split(b"\r\n", 1)[0].decode("latin-1").split(" ", 2)
        except (TimeoutError, asyncio.IncompleteReadError, asyncio.LimitOverrunError, ValueError):
            writer.close()
            return
        if method != "GET" or not target.startswith(CALLBACK_PATH) or self._arrived is None or self._arrived.done():
            await _answer(writer, 404, "Not found")
            return
        good = True
        if self._request is not None:
            try:
                self._request.code_from_redirect(target)
            except SignInRefused:
                good = False
        title, text = _PAGES[good]
        await _answer(writer, 200, _DONE_PAGE.format(title=title, text=text))
        self._arrived.set_result(target)


async def _answer(writer: asyncio.StreamWriter, status: int, body: str) -> None:
    data = body.encode("utf-8")
    reason = "OK" if status == 200 else "Not Found"
    writer.write(
        f"HTTP/1.1 {status} {reason}\r\nContent-Type: text/html; charset=utf-8\r\n"
        f"Content-Length: {len(data)}\r\nConnection: close\r\nCache-Control: no-store\r\n\r\n".encode("latin-1")
        + data
    )
    with contextlib.suppress(ConnectionError):
        await writer.drain()
    writer.close()


class SignInFailed(SourceError):
    """A browser sign-in that ended without tokens, in words for the account dialog and the CLI."""


_PROBLEM_WORDS = {  # translated when used: the language may change after import
    SignInProblem.DENIED: N_("Access was not allowed on the platform's page, so the account was not added."),
    SignInProblem.STATE_MISMATCH: N_(
        "The browser came back with an answer to a different sign-in; it was ignored for safety. Please try again."
    ),
    SignInProblem.PLATFORM_ERROR: N_("The platform refused the sign-in: {detail}"),
    SignInProblem.NO_CODE: N_("The platform redirected back without a sign-in code. Please try again."),
}


#: The endpoints of a platform, or how to get them once the redirect URI is known (Mastodon registers
#: an app per instance, and its redirect URI must name the loopback port exactly).
Endpoints = OAuthEndpoints | Callable[[str], Awaitable[OAuthEndpoints]]


async def sign_in_with_browser(
    client: httpx.AsyncClient,
    endpoints: Endpoints,
    open_browser: Callable[[str], object],
    *,
    timeout: float = SIGN_IN_TIMEOUT,
    now: Callable[[], datetime] = lambda: datetime.now(UTC),
    port: int = 0,
) -> Tokens:
    """The whole flow: loopback port, browser, redirect, code exchange. Raises :class:`SignInFailed`."""
    async with LoopbackRedirect(port) as redirect:
        if not isinstance(endpoints, OAuthEndpoints):
            endpoints = await endpoints(redirect.redirect_uri)
        request = AuthorizationRequest(
            endpoints.authorize_url, endpoints.client_id, redirect.redirect_uri, endpoints.scopes
        )
        redirect.expect(request)
        open_browser(request.browser_url())
        try:
            target = await redirect.target(timeout)
        except TimeoutError:
            minutes = int(timeout // 60)
            words = ngettext(
                "No answer from the browser within {minutes} minute; the sign-in was cancelled.",
                "No answer from the browser within {minutes} minutes; the sign-in was cancelled.",
                minutes,
            )
            raise SignInFailed(words.format(minutes=minutes)) from None
    try:
        code = request.code_from_redirect(target)
    except SignInRefused as refused:
        raise SignInFailed(_(_PROBLEM_WORDS[refused.problem]).format(detail=refused.detail)) from None
    return await exchange(client, endpoints, request.token_form(code), now())


async def refresh(client: httpx.AsyncClient, endpoints: OAuthEndpoints, tokens: Tokens, now: datetime) -> Tokens:
    """New tokens from the refresh token; a refused refresh means the user must sign in again."""
    form = {"grant_type": "refresh_token", "refresh_token": tokens.refresh_token, "client_id": endpoints.client_id}
    try:
        return await exchange(client, endpoints, form, now, previous_refresh=tokens.refresh_token)
    except SignInFailed as failed:
        raise NeedsSignIn(str(failed)) from None


async def exchange(
    client: httpx.AsyncClient,
    endpoints: OAuthEndpoints,
    form: dict[str, str],
    now: datetime,
    previous_refresh: str = "",
) -> Tokens:
    """POST to the token endpoint. A code is single-use and short-lived: 'invalid_grant' says so."""
    auth = httpx.BasicAuth(endpoints.client_id, endpoints.client_secret) if endpoints.client_secret else None
    try:
        response = await client.post(endpoints.token_url, data=form, auth=auth or httpx.USE_CLIENT_DEFAULT)
    except httpx.TransportError as exc:
        raise Offline(_("The sign-in server cannot be reached ({error}).").format(error=type(exc).__name__)) from exc
    try:
        body = response.json()
    except ValueError:
        body = None
    if response.status_code >= 400:
        error = body.get("error") if isinstance(body, dict) else None
        if error == "invalid_grant":
            raise SignInFailed(_("The sign-in code has expired or was already used. Please sign in again."))
        if error == "invalid_client":
            raise SignInFailed(_("The platform does not know this app (client id). Check the account's client id."))
        status = response.status_code
        if status >= 500:
            raise ServerError(
                _("The sign-in server has a problem (HTTP {status}). Try again later.").format(status=status)
            )
        if error:
            raise Rejected(
                _("The sign-in server refused the request (HTTP {status}, {reason}).").format(
                    status=status, reason=error
                )
            )
        raise Rejected(_("The sign-in server refused the request (HTTP {status}).").format(status=status))
    try:
        return tokens_from_response(body, now, previous_refresh)
    except ValueError as exc:
        raise SignInFailed(_("The sign-in server's answer cannot be used: {detail}.").format(detail=exc)) from None
