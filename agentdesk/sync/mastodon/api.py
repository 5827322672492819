"""One Mastodon instance over HTTP: bearer token, its rate-limit headers, its errors in words.

Mastodon answers every authenticated request with ``x-ratelimit-limit/-remaining/-reset`` (the
reset an ISO 8601 instant, not seconds) and errors as ``{"error": "…"}``. When the budget runs
low we wait for the reset instead of running into 429s, and a 429 waits as long as the headers
say. Pagination is by ``Link`` header (``rel="next"`` with ``max_id``, ``rel="prev"`` with
``min_id``); there are no totals.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import httpx

from agentdesk.sync.errors import Forbidden, NeedsSignIn, Rejected, SourceError
from agentdesk.sync.http_failures import transport_failure
from agentdesk.sync.mastodon.parsing import error_text
from agentdesk.sync.platform_http import RateHeaders, RequestBudget, common_failure, decode_json, iso_reset
from agentdesk.sync.words import _

#: Below this many requests left in the window, wait for the reset rather than spend the rest.
RESERVE = 5
RATE_HEADERS = RateHeaders("Mastodon", "x-ratelimit-remaining", "x-ratelimit-reset", iso_reset)


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
        self.budget = RequestBudget(RATE_HEADERS, RESERVE)

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
        self.budget.check(datetime.now(UTC))
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
        self.budget.note(response)
        if not response.is_success:
            raise error_for_response(response, datetime.now(UTC), account=account)
        links = response.links
        return Page(
            decode_json(response, "Mastodon"),
            (links.get("next") or {}).get("url"),
            (links.get("prev") or {}).get("url"),
        )


def error_for_response(response: httpx.Response, now: datetime, *, account: bool = False) -> SourceError:
    status = response.status_code
    try:
        said = error_text(response.json())
    except (json.JSONDecodeError, UnicodeDecodeError):
        said = ""
    if status == 401:
        return NeedsSignIn(
            _("Mastodon no longer accepts this sign-in (the access was revoked or has expired). Sign in again.")
        )
    if status == 403 and said:
        return Forbidden(_("Mastodon refuses this account access: {reason}.").format(reason=said))
    if status == 403:
        return Forbidden(_("Mastodon refuses this account access."))
    if status == 404 and account:
        return Forbidden(_("This server does not answer like a Mastodon instance. Check the address."))
    if status == 404:
        return Rejected(_("The post no longer exists on Mastodon (deleted or hidden)."))
    return common_failure(response, now, RATE_HEADERS, said)
