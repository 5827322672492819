"""The X API v2 over HTTP: bearer token, its per-endpoint rate limits, its errors in words.

Every answer carries ``x-rate-limit-limit/-remaining/-reset`` (the reset in epoch seconds) for
*that endpoint's* 15-minute window, so the budget is kept per endpoint: mentions running low
must not stop replies. When an endpoint's budget is almost spent we wait for its reset rather
than run into 429s; a 429 waits until the announced reset. Errors are problem objects
(``{"title", "detail", "type", "status"}``); a 401 first tries a refresh of the sign-in, once.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

import httpx

from agentdesk.sync.errors import Forbidden, MalformedResponse, NeedsSignIn, Rejected, SourceError
from agentdesk.sync.http_failures import transport_failure
from agentdesk.sync.platform_http import RateHeaders, RequestBudget, common_failure, decode_json, epoch_reset
from agentdesk.sync.words import _
from agentdesk.sync.x.session import XSession, sign_in_again

RATE_HEADERS = RateHeaders("X", "x-rate-limit-remaining", "x-rate-limit-reset", epoch_reset)

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
        self._budgets: dict[str, RequestBudget] = {}  # one per endpoint: each has its own window

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
        budget = self._budgets.setdefault(endpoint(method, path), RequestBudget(RATE_HEADERS, RESERVE))
        budget.check(datetime.now(UTC))
        response = await self._send(method, path, params, body)
        if response.status_code == 401 and self._session.can_refresh:
            await self._session.renew()  # expired early or revoked: a refused refresh raises NeedsSignIn
            response = await self._send(method, path, params, body)
        budget.note(response)
        if not response.is_success:
            raise error_for_response(response, datetime.now(UTC), account=account)
        answer = decode_json(response, "X")
        if not isinstance(answer, Mapping):
            raise MalformedResponse(
                _("X sent an answer that is not an object at {path}.").format(path=response.request.url.path)
            )
        return answer

    async def _send(
        self, method: str, path: str, params: Mapping[str, Any] | None, body: Mapping[str, Any] | None
    ) -> httpx.Response:
        headers = {"Authorization": f"Bearer {await self._session.bearer()}"}
        try:
            return await self._client.request(method, self.base_url + path, params=params, json=body, headers=headers)
        except httpx.TransportError as exc:
            raise transport_failure(exc, "X") from exc


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
    except ValueError:
        said = ""
    write = response.request.method != "GET"
    if status == 401:
        return NeedsSignIn(sign_in_again())
    if status == 403 and write:  # a duplicate post, a reply X does not allow, a closed inbox: this one only
        return Rejected(_("X refused this: {reason}").format(reason=said) if said else _("X refused this post."))
    if status == 403:
        if said:
            return Forbidden(_("X refuses this account access: {reason}.").format(reason=said))
        return Forbidden(_("X refuses this account access."))
    if status == 404 and account:
        return Forbidden(_("This server does not answer like the X API. Check the address."))
    if status == 404:
        return Rejected(_("The post no longer exists on X (deleted or hidden)."))
    return common_failure(response, now, RATE_HEADERS, said)
