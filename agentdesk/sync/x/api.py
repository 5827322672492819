"""The X API v2 over HTTP: bearer token, its per-endpoint rate limits, its errors in words.

Every answer carries ``x-rate-limit-limit/-remaining/-reset`` (the reset in epoch seconds) for
*that endpoint's* 15-minute window, so the budget is kept per endpoint: mentions running low
must not stop replies. When an endpoint's budget is almost spent we wait for its reset rather
than run into 429s; a 429 waits until the announced reset. Errors are problem objects
(``{"title", "detail", "type", "status"}``); a 401 first tries a refresh of the sign-in, once.
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

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
from agentdesk.sync.x.session import XSession

#: Below this many requests left in an endpoint's window, wait for the reset rather than spend the rest.
RESERVE = 2

_ID = re.compile(r"/[0-9][0-9-]*(?=/|$)")


def endpoint(method: str, path: str) -> str:
    """``GET /2/users/123/mentions`` → ``GET /2/users/:id/mentions``: what X limits as one."""
    return f"{method} {_ID.sub('/:id', path)}"


class XApi:
    def __init__(self, client: httpx.AsyncClient, base_url: str, session: XSession) -> None:
        self._client = client
        self.base_url = base_url.rstrip("/")
        self._session = session
        self._budget: dict[str, tuple[int, float]] = {}  # endpoint -> (remaining, reset epoch)

    async def get(self, path: str, params: Mapping[str, Any] | None = None, *, account: bool = False) -> Any:
        return await self.request("GET", path, params=params, account=account)

    async def post(self, path: str, body: Mapping[str, Any]) -> Any:
        return await self.request("POST", path, body=body)

    async def request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, Any] | None = None,
        body: Mapping[str, Any] | None = None,
        account: bool = False,
    ) -> Any:
        """The decoded JSON. ``account``: a 404 there means this is no X API (not a missing post)."""
        key = endpoint(method, path)
        self._check_budget(key, datetime.now(UTC).timestamp())
        response = await self._send(method, path, params, body)
        if response.status_code == 401 and self._session.can_refresh:
            await self._session.renew()  # expired early or revoked: a refused refresh raises NeedsSignIn
            response = await self._send(method, path, params, body)
        self._note_budget(key, response)
        if not response.is_success:
            raise error_for_response(response, datetime.now(UTC), account=account)
        return _decode(response)

    async def _send(
        self, method: str, path: str, params: Mapping[str, Any] | None, body: Mapping[str, Any] | None
    ) -> httpx.Response:
        headers = {"Authorization": f"Bearer {await self._session.bearer()}"}
        try:
            return await self._client.request(method, self.base_url + path, params=params, json=body, headers=headers)
        except httpx.TransportError as exc:
            raise transport_failure(exc, "X") from exc

    def _note_budget(self, key: str, response: httpx.Response) -> None:
        try:
            remaining = int(response.headers["x-rate-limit-remaining"])
            reset = float(response.headers["x-rate-limit-reset"])
        except (KeyError, ValueError):
            return
        self._budget[key] = (remaining, reset)

    def _check_budget(self, key: str, now: float) -> None:
        """Almost out of requests on this endpoint: stop here and let the engine wait for its reset."""
        remaining, reset = self._budget.get(key, (RESERVE + 1, 0.0))
        if remaining > RESERVE:
            return
        if reset > now:
            raise RateLimited(
                f"X's request budget for this is almost used up; going on in {reset - now:.0f} seconds.", reset - now
            )
        del self._budget[key]


def problem_text(body: object) -> str:
    """The words of an X problem object (v2) or an ``errors`` list (v2 and v1.1)."""
    if not isinstance(body, Mapping):
        return ""
    errors = body.get("errors")
    if isinstance(errors, list) and errors and isinstance(errors[0], Mapping):
        first = errors[0]
        said = first.get("message") or first.get("detail")
        if isinstance(said, str) and said:
            return said
    detail = body.get("detail") or body.get("title")
    return detail if isinstance(detail, str) else ""


def error_for_response(response: httpx.Response, now: datetime, *, account: bool = False) -> SourceError:
    status = response.status_code
    try:
        said = problem_text(response.json())
    except (json.JSONDecodeError, UnicodeDecodeError):
        said = ""
    write = response.request.method != "GET"
    if status == 401:
        return NeedsSignIn("X no longer accepts this sign-in (the access was revoked or has expired). Sign in again.")
    if status == 403 and write:  # a duplicate post, a reply X does not allow, a closed inbox: this one only
        return Rejected(f"X refused this: {said}" if said else "X refused this post.")
    if status == 403:
        return Forbidden(f"X refuses this account access{': ' + said if said else ''}.")
    if status == 404 and account:
        return Forbidden("This server does not answer like the X API. Check the address.")
    if status == 404:
        return Rejected("The post no longer exists on X (deleted or hidden).")
    if status == 429:
        wait = retry_after_seconds(response.headers.get("Retry-After"), now)
        reset = response.headers.get("x-rate-limit-reset")
        if reset and not response.headers.get("Retry-After"):
            with contextlib.suppress(ValueError):
                wait = max(0.0, float(reset) - now.timestamp())
        return RateLimited(f"X asks us to slow down; trying again in {wait:.0f} seconds.", wait)
    if status >= 500:
        return ServerError(f"The X server failed (HTTP {status}); trying again later.")
    return Rejected(f"X refused this: {said}" if said else f"X refused this (HTTP {status}).")


def _decode(response: httpx.Response) -> Any:
    try:
        body = response.json()
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise MalformedResponse(
            f"X sent an answer we could not read ({type(exc).__name__} at "
            f"{response.request.method} {response.request.url.path}); trying again later."
        ) from exc
    if not isinstance(body, Mapping):
        raise MalformedResponse(f"X sent an answer that is not an object at {response.request.url.path}.")
    return body
