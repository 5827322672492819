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

from agentdesk.sync.errors import Forbidden, MalformedResponse, NeedsSignIn, Rejected, SourceError
from agentdesk.sync.http_failures import transport_failure
from agentdesk.sync.platform_http import RateHeaders, RequestBudget, common_failure, decode_json, epoch_reset
from agentdesk.sync.words import _

#: Below this many requests left in the window, wait for the reset rather than spend the rest.
RESERVE = 5
RATE_HEADERS = RateHeaders("Bluesky", "ratelimit-remaining", "ratelimit-reset", epoch_reset)


def sign_in_again_text() -> str:
    return _(
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
            raise NeedsSignIn(_("The stored Bluesky sign-in cannot be read. Sign in again.")) from None

    @classmethod
    def from_answer(cls, body: object) -> Session:
        """From ``createSession`` or ``refreshSession``."""
        if not isinstance(body, Mapping) or not all(
            isinstance(body.get(k), str) for k in ("did", "handle", "accessJwt", "refreshJwt")
        ):
            raise MalformedResponse(_("Bluesky answered the sign-in without a session."))
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
        self.budget = RequestBudget(RATE_HEADERS, RESERVE)

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
            raise NeedsSignIn(_("Bluesky refused this handle or app password."))
        if _error_name(response) == "AuthFactorTokenRequired":
            raise NeedsSignIn(_("This account asks for a code from an e-mail: sign in with an app password instead."))
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
        self.budget.check(datetime.now(UTC))
        session = self.signed_in()
        response = await self._send(method, nsid, session.access_jwt, params or {}, proxy, body)
        if _expired(response):
            await self._refresh(stale=session)
            response = await self._send(method, nsid, self.signed_in().access_jwt, params or {}, proxy, body)
            if _expired(response):
                raise NeedsSignIn(sign_in_again_text())
        if not response.is_success:
            raise error_for_response(response, datetime.now(UTC))
        return _decode(response)

    def signed_in(self) -> Session:
        if self.session is None:
            raise NeedsSignIn(_("This Bluesky account is not signed in. Sign in again."))
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
        self.budget.note(response)
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
            raise NeedsSignIn(sign_in_again_text())


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
        return NeedsSignIn(sign_in_again_text())
    if name == "InvalidToken" and "method" in said.lower():
        return Forbidden(_("This app password may not read or send direct messages (Bluesky: “Bad token method”)."))
    if name in ("InvalidToken", "ExpiredToken", "AccountTakedown", "AccountDeactivated"):
        return NeedsSignIn(sign_in_again_text())
    if status == 403:
        return Forbidden(
            _("Bluesky refuses this account access: {reason}.").format(reason=said)
            if said
            else _("Bluesky refuses this account access.")
        )
    if status == 404 or name in ("NotFound", "RecordNotFound"):
        return Rejected(_("The post no longer exists on Bluesky (deleted or hidden)."))
    return common_failure(response, now, RATE_HEADERS, said)


def _decode(response: httpx.Response) -> Any:
    return decode_json(response, "Bluesky") if response.content else {}
