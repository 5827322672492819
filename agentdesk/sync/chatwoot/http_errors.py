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
from agentdesk.sync.errors import Forbidden, NeedsSignIn, Rejected, SourceError
from agentdesk.sync.http_failures import retry_after_seconds, transport_failure
from agentdesk.sync.platform_http import refused, server_failed, slow_down, unreadable
from agentdesk.sync.words import _


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
            _(
                "Chatwoot did not accept the access token: it is wrong, expired or was revoked. "
                "Copy a new one from your Chatwoot profile settings and sign in again."
            )
        )
    if status == 403:
        return Forbidden(
            _("This Chatwoot user has no access to account {account}. Ask an administrator.").format(account=account_id)
        )
    if status == 404 and scope is Scope.ACCOUNT:
        return Forbidden(
            _("Chatwoot account {account} does not exist on this server or is hidden from this user.").format(
                account=account_id
            )
        )
    if status == 404:
        return Rejected(_("The conversation no longer exists on Chatwoot."))
    if status == 429:
        return slow_down("Chatwoot", retry_after_seconds(headers.get("retry-after"), now))
    if status >= 500:
        return server_failed("Chatwoot", status)
    return refused("Chatwoot", status, said)


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
        raise unreadable("Chatwoot", "JSONDecodeError", method, path) from exc


def _json_or_none(body: bytes) -> Any:
    try:
        return orjson.loads(body)
    except orjson.JSONDecodeError:
        return None
