"""Chatwoot's HTTP failures mapped onto the expected-error tree, each with a sentence for the user.

A 404 means two different things: on an account-level path the account is gone or hidden
(Forbidden: stop the account), on a conversation the conversation was deleted (Rejected: the
user decides about this one command). The caller says which with ``scope``.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from enum import StrEnum
from typing import Any

import httpx
import orjson

from agentdesk.sync.chatwoot.parsing import error_text
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


class Scope(StrEnum):
    ACCOUNT = "account"
    CONVERSATION = "conversation"


def error_for_response(response: httpx.Response, scope: Scope, account_id: int, now: datetime) -> SourceError:
    """The SourceError for a non-2xx answer."""
    return error_for_status(response.status_code, response.headers, response.content, scope, account_id, now)


def error_for_status(
    status: int, headers: Mapping[str, str], body: bytes, scope: Scope, account_id: int, now: datetime
) -> SourceError:
    """The SourceError for a non-2xx status; ``headers`` are looked up by lower-case name."""
    said = error_text(_json_or_none(body))
    if status == 401:
        return NeedsSignIn(
            "Chatwoot did not accept the access token: it is wrong, expired or was revoked. "
            "Copy a new one from your Chatwoot profile settings and sign in again."
        )
    if status == 403:
        return Forbidden(f"This Chatwoot user has no access to account {account_id}. Ask an administrator.")
    if status == 404 and scope is Scope.ACCOUNT:
        return Forbidden(f"Chatwoot account {account_id} does not exist on this server or is hidden from this user.")
    if status == 404:
        return Rejected("The conversation no longer exists on Chatwoot.")
    if status == 429:
        wait = retry_after_seconds(headers.get("retry-after"), now)
        return RateLimited(f"Chatwoot asks us to slow down; trying again in {wait:.0f} seconds.", wait)
    if status >= 500:
        return ServerError(f"The Chatwoot server failed (HTTP {status}); trying again later.")
    return Rejected(f"Chatwoot refused this: {said}" if said else f"Chatwoot refused this (HTTP {status}).")


def error_for_transport(exc: httpx.TransportError) -> SourceError:
    """No answer at all: the network, DNS, TLS or a dropped connection."""
    return transport_failure(exc, "Chatwoot")


def decode_json(response: httpx.Response) -> Any:
    """The answer's JSON; None for an empty body (``head :ok``, e.g. after toggle_priority)."""
    return decode_body(response.content, response.request.method, response.request.url.path)


def decode_body(body: bytes, method: str, path: str) -> Any:
    """``body`` as JSON (orjson: a full pass decodes 10,000 answers); None when it is empty."""
    if not body:
        return None
    try:
        return orjson.loads(body)
    except orjson.JSONDecodeError as exc:  # invalid UTF-8 lands here too
        raise MalformedResponse(
            f"The Chatwoot server sent an answer we could not read (JSONDecodeError at {method} {path}); "
            "trying again later."
        ) from exc


def _json_or_none(body: bytes) -> Any:
    try:
        return orjson.loads(body)
    except orjson.JSONDecodeError:
        return None
