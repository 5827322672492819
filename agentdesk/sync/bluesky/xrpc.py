"""One account's XRPC calls to its PDS: the session's JWTs, their rotation, rate limits, errors.

A session is two JWTs from ``createSession``: a short-lived access token and a refresh token
(about 90 days, single use). When the PDS answers ``ExpiredToken`` (or 401) we refresh once,
keep the rotated pair (the old refresh token is dead from now on) and send the call again. A
refused refresh is *Sign in again* — unless another connector of the same account has rotated
the pair meanwhile: then the keyring holds the new one and we take it.

The PDS sends ``ratelimit-limit/-remaining/-reset`` (the reset in epoch seconds); when the
budget runs low we wait for the reset instead of running into 429s. Errors come as
``{"error": "Name", "message": "…"}``, mostly with status 400.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Protocol

import httpx

from agentdesk.sync.errors import (
    Forbidden,
    MalformedResponse,
    NeedsSignIn,
    RateLimited,
    Rejected,
    ServerError,
    SourceError,
)
from agentdesk.sync.http_failures import retry_after_seconds, transport_failure

#: Below this many requests left in the window, wait for the reset rather than spend the rest.
RESERVE = 5

SIGN_IN_AGAIN = (
    "Bluesky no longer accepts this sign-in (the app password was revoked or the session expired). Sign in again."
)


@dataclass(frozen=True, slots=True)
class Session:
    """What the keyring keeps for a Bluesky account: the JWT pair, never the app password."""

    did: str
    handle: str
    access_jwt: str = field(repr=False)
    refresh_jwt: str = field(repr=False)

    def to_secret(self) -> str:
        return json.dumps(
            {"did": self.did, "handle": self.handle, "accessJwt": self.access_jwt, "refreshJwt": self.refresh_jwt}
        )

    @classmethod
    def from_secret(cls, secret: str) -> Session:
        try:
            data = json.loads(secret)
            return cls(str(data["did"]), str(data["handle"]), str(data["accessJwt"]), str(data["refreshJwt"]))
        except (ValueError, KeyError, TypeError):
            raise NeedsSignIn("The stored Bluesky sign-in cannot be read. Sign in again.") from None

    @classmethod
    def from_answer(cls, body: object) -> Session:
        """From ``createSession`` or ``refreshSession``."""
        if not isinstance(body, Mapping) or not all(
            isinstance(body.get(k), str) for k in ("did", "handle", "accessJwt", "refreshJwt")
        ):
            raise MalformedResponse("Bluesky answered the sign-in without a session.")
        return cls(str(body["did"]), str(body["handle"]), str(body["accessJwt"]), str(body["refreshJwt"]))


class SessionKeeper(Protocol):
    """Where a rotated session is kept (the keyring), and read back from."""

    async def save(self, session: Session) -> None: ...

    async def load(self) -> Session | None: ...


class Xrpc:
    def __init__(
        self, client: httpx.AsyncClient, pds: str, session: Session | None, keeper: SessionKeeper | None = None
    ) -> None:
        self._client = client
        self.pds = pds.rstrip("/")
        self.session = session
        self._keeper = keeper
        self._refreshing = asyncio.Lock()
        self.remaining: int | None = None
        self.reset_at: datetime | None = None

    async def query(self, nsid: str, params: Mapping[str, Any] | None = None, *, proxy: str = "") -> Any:
        return await self._call("GET", nsid, params=params, proxy=proxy)

    async def procedure(self, nsid: str, body: Mapping[str, Any] | None = None, *, proxy: str = "") -> Any:
        return await self._call("POST", nsid, body=body, proxy=proxy)

    async def create_session(self, identifier: str, password: str) -> Session:
        """``createSession`` with a handle or e-mail and an app password; the session is ours from now on."""
        response = await self._send(
            "POST",
            "com.atproto.server.createSession",
            "",
            {},
            None,
            {
                "identifier": identifier,
                "password": password,
            },
        )
        if response.status_code == 401 or _error_name(response) == "AuthenticationRequired":
            raise NeedsSignIn("Bluesky refused this handle or app password.")
        if _error_name(response) == "AuthFactorTokenRequired":
            raise NeedsSignIn("This account asks for a code from an e-mail: sign in with an app password instead.")
        if not response.is_success:
            raise error_for_response(response, datetime.now(UTC))
        self.session = Session.from_answer(_decode(response))
        return self.session

    async def _call(
        self,
        method: str,
        nsid: str,
        *,
        params: Mapping[str, Any] | None = None,
        body: Mapping[str, Any] | None = None,
        proxy: str = "",
    ) -> Any:
        self._check_budget(datetime.now(UTC))
        session = self.signed_in()
        response = await self._send(method, nsid, session.access_jwt, params or {}, proxy, body)
        if _expired(response):
            await self._refresh(stale=session)
            response = await self._send(method, nsid, self.signed_in().access_jwt, params or {}, proxy, body)
            if _expired(response):
                raise NeedsSignIn(SIGN_IN_AGAIN)
        if not response.is_success:
            raise error_for_response(response, datetime.now(UTC))
        return _decode(response)

    def signed_in(self) -> Session:
        if self.session is None:
            raise NeedsSignIn("This Bluesky account is not signed in. Sign in again.")
        return self.session

    async def _send(
        self,
        method: str,
        nsid: str,
        token: str,
        params: Mapping[str, Any],
        proxy: str | None,
        body: Mapping[str, Any] | None,
    ) -> httpx.Response:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        if proxy:
            headers["atproto-proxy"] = proxy
        try:
            response = await self._client.request(
                method, f"{self.pds}/xrpc/{nsid}", params=params, json=body, headers=headers
            )
        except httpx.TransportError as exc:
            raise transport_failure(exc, "Bluesky") from exc
        self._note_budget(response)
        return response

    async def _refresh(self, stale: Session) -> None:
        """Rotate the pair once, however many calls found the access token expired at the same time."""
        async with self._refreshing:
            if self.session is not None and self.session.access_jwt != stale.access_jwt:
                return  # another call rotated it while we waited
            response = await self._send("POST", "com.atproto.server.refreshSession", stale.refresh_jwt, {}, None, None)
            if response.is_success:
                self.session = Session.from_answer(_decode(response))
                if self._keeper is not None:
                    await self._keeper.save(self.session)
                return
            if response.status_code == 429 or response.status_code >= 500:
                raise error_for_response(response, datetime.now(UTC))
            stored = await self._keeper.load() if self._keeper is not None else None
            if stored is not None and stored.refresh_jwt != stale.refresh_jwt:
                self.session = stored  # rotated by another connector of this account (or signed in again)
                return
            raise NeedsSignIn(SIGN_IN_AGAIN)

    def _note_budget(self, response: httpx.Response) -> None:
        remaining = response.headers.get("ratelimit-remaining")
        reset = response.headers.get("ratelimit-reset")
        if remaining is None or reset is None:
            return
        try:
            self.remaining = int(remaining)
            self.reset_at = datetime.fromtimestamp(int(reset), UTC)
        except (ValueError, OverflowError, OSError):
            self.remaining, self.reset_at = None, None

    def _check_budget(self, now: datetime) -> None:
        """Almost out of requests: stop here and let the engine wait for the window to reset."""
        if self.remaining is None or self.reset_at is None or self.remaining > RESERVE:
            return
        wait = (self.reset_at - now).total_seconds()
        if wait > 0:
            raise RateLimited(f"Bluesky's request budget is almost used up; going on in {wait:.0f} seconds.", wait)
        self.remaining = None


def _error_name(response: httpx.Response) -> str:
    try:
        body = response.json()
    except (json.JSONDecodeError, UnicodeDecodeError):
        return ""
    return str(body.get("error") or "") if isinstance(body, Mapping) else ""


def _error_message(response: httpx.Response) -> str:
    try:
        body = response.json()
    except (json.JSONDecodeError, UnicodeDecodeError):
        return ""
    return str(body.get("message") or body.get("error") or "") if isinstance(body, Mapping) else ""


def _expired(response: httpx.Response) -> bool:
    return response.status_code == 401 or (response.status_code == 400 and _error_name(response) == "ExpiredToken")


def error_for_response(response: httpx.Response, now: datetime) -> SourceError:
    status, name, said = response.status_code, _error_name(response), _error_message(response)
    if status == 401:
        return NeedsSignIn(SIGN_IN_AGAIN)
    if name == "InvalidToken" and "method" in said.lower():
        return Forbidden("This app password may not read or send direct messages (Bluesky: “Bad token method”).")
    if name in ("InvalidToken", "ExpiredToken", "AccountTakedown", "AccountDeactivated"):
        return NeedsSignIn(SIGN_IN_AGAIN)
    if status == 403:
        return Forbidden(f"Bluesky refuses this account access{': ' + said if said else ''}.")
    if status == 404 or name in ("NotFound", "RecordNotFound"):
        return Rejected("The post no longer exists on Bluesky (deleted or hidden).")
    if status == 429:
        reset = response.headers.get("ratelimit-reset")
        wait = retry_after_seconds(response.headers.get("Retry-After"), now)
        if reset and reset.isdigit() and not response.headers.get("Retry-After"):
            wait = max(0.0, int(reset) - now.timestamp())
        return RateLimited(f"Bluesky asks us to slow down; trying again in {wait:.0f} seconds.", wait)
    if status >= 500:
        return ServerError(f"The Bluesky server failed (HTTP {status}); trying again later.")
    return Rejected(f"Bluesky refused this: {said}" if said else f"Bluesky refused this (HTTP {status}).")


def _decode(response: httpx.Response) -> Any:
    if not response.content:
        return {}
    try:
        return response.json()
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise MalformedResponse(
            f"The Bluesky server sent an answer we could not read ({type(exc).__name__} at "
            f"{response.request.method} {response.request.url.path}); trying again later."
        ) from exc
