"""One Mastodon instance over HTTP: bearer token, its rate-limit headers, its errors in words.

Mastodon answers every authenticated request with ``x-ratelimit-limit/-remaining/-reset`` (the
reset an ISO 8601 instant, not seconds) and errors as ``{"error": "…"}``. When the budget runs
low we wait for the reset instead of running into 429s, and a 429 waits as long as the headers
say. Pagination is by ``Link`` header (``rel="next"`` with ``max_id``, ``rel="prev"`` with
``min_id``); there are no totals.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
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
from agentdesk.sync.mastodon.parsing import error_text

#: Below this many requests left in the window, wait for the reset rather than spend the rest.
RESERVE = 5


@dataclass(frozen=True, slots=True)
class Page:
    body: Any
    next_url: str | None  # older items (max_id)
    prev_url: str | None  # newer items (min_id)


class MastodonApi:
    def __init__(self, client: httpx.AsyncClient, base_url: str, token: str) -> None:
        self._client = client
        self.base_url = base_url.rstrip("/")
        self._token = token
        self.remaining: int | None = None
        self.reset_at: datetime | None = None

    async def get(self, path_or_url: str, params: Mapping[str, Any] | None = None, *, account: bool = False) -> Page:
        return await self.request("GET", path_or_url, params=params, account=account)

    async def post(
        self, path: str, data: Mapping[str, Any] | None = None, *, idempotency_key: str = "", account: bool = False
    ) -> Page:
        headers = {"Idempotency-Key": idempotency_key} if idempotency_key else {}
        return await self.request("POST", path, data=data, headers=headers, account=account)

    async def request(
        self,
        method: str,
        path_or_url: str,
        *,
        params: Mapping[str, Any] | None = None,
        data: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        account: bool = False,
    ) -> Page:
        """``account``: a 404 there means the instance has no such API (not a missing status)."""
        self._check_budget(datetime.now(UTC))
        url = path_or_url if path_or_url.startswith(("http://", "https://")) else self.base_url + path_or_url
        try:
            response = await self._client.request(
                method,
                url,
                params=params,
                data=data,
                headers={**({"Authorization": f"Bearer {self._token}"} if self._token else {}), **(headers or {})},
            )
        except httpx.TransportError as exc:
            raise transport_failure(exc, "Mastodon") from exc
        self._note_budget(response)
        if not response.is_success:
            raise error_for_response(response, datetime.now(UTC), account=account)
        links = response.links
        return Page(
            _decode(response),
            (links.get("next") or {}).get("url"),
            (links.get("prev") or {}).get("url"),
        )

    def _note_budget(self, response: httpx.Response) -> None:
        remaining = response.headers.get("x-ratelimit-remaining")
        reset = response.headers.get("x-ratelimit-reset")
        if remaining is None or reset is None:
            return
        try:
            self.remaining = int(remaining)
            self.reset_at = datetime.fromisoformat(reset.replace("Z", "+00:00"))
        except ValueError:
            self.remaining, self.reset_at = None, None

    def _check_budget(self, now: datetime) -> None:
        """Almost out of requests: stop here and let the engine wait for the window to reset."""
        if self.remaining is None or self.reset_at is None or self.remaining > RESERVE:
            return
        wait = (self.reset_at - now).total_seconds()
        if wait > 0:
            raise RateLimited(f"Mastodon's request budget is almost used up; going on in {wait:.0f} seconds.", wait)
        self.remaining = None


def error_for_response(response: httpx.Response, now: datetime, *, account: bool = False) -> SourceError:
    status = response.status_code
    try:
        said = error_text(response.json())
    except (json.JSONDecodeError, UnicodeDecodeError):
        said = ""
    if status == 401:
        return NeedsSignIn(
            "Mastodon no longer accepts this sign-in (the access was revoked or has expired). Sign in again."
        )
    if status == 403:
        return Forbidden(f"Mastodon refuses this account access{': ' + said if said else ''}.")
    if status == 404 and account:
        return Forbidden("This server does not answer like a Mastodon instance. Check the address.")
    if status == 404:
        return Rejected("The post no longer exists on Mastodon (deleted or hidden).")
    if status == 429:
        reset = response.headers.get("x-ratelimit-reset")
        wait = retry_after_seconds(response.headers.get("Retry-After"), now)
        if reset and not response.headers.get("Retry-After"):
            with contextlib.suppress(ValueError):
                wait = max(0.0, (datetime.fromisoformat(reset.replace("Z", "+00:00")) - now).total_seconds())
        return RateLimited(f"Mastodon asks us to slow down; trying again in {wait:.0f} seconds.", wait)
    if status >= 500:
        return ServerError(f"The Mastodon server failed (HTTP {status}); trying again later.")
    return Rejected(f"Mastodon refused this: {said}" if said else f"Mastodon refused this (HTTP {status}).")


def _decode(response: httpx.Response) -> Any:
    try:
        return response.json()
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise MalformedResponse(
            f"The Mastodon server sent an answer we could not read ({type(exc).__name__} at "
            f"{response.request.method} {response.request.url.path}); trying again later."
        ) from exc
