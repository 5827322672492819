"""Connection test for the account set-up: one plain sentence for whatever is wrong.

It walks the steps a user can get wrong, in order: the URL (reachable? TLS? Chatwoot at all?),
the token (401), the account (in the profile's list, and readable). The first failing step
names the fix; TLS verification is never relaxed to make a test pass.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx

from agentdesk.sync.chatwoot.endpoints import Endpoints
from agentdesk.sync.chatwoot.parsing import parse_profile
from agentdesk.sync.chatwoot.records import Profile
from agentdesk.sync.errors import MalformedResponse
from agentdesk.sync.http_failures import is_tls_error
from agentdesk.sync.words import _


@dataclass(frozen=True, slots=True)
class ConnectionCheck:
    ok: bool
    message: str  # one sentence for the user, success or failure
    profile: Profile | None = None


async def diagnose(client: httpx.AsyncClient, base_url: str, account_id: int, token: str) -> ConnectionCheck:
    host = urlsplit(base_url).netloc or base_url
    headers = {"api_access_token": token}
    try:
        response = await client.get(base_url + Endpoints.profile().path, headers=headers)
    except httpx.TransportError as exc:
        return ConnectionCheck(False, _unreachable(host, exc))
    except httpx.InvalidURL:
        return ConnectionCheck(
            False,
            _("{address!r} is not a web address; it should look like https://chat.example.com.").format(
                address=base_url
            ),
        )
    if response.status_code == 401:
        return ConnectionCheck(
            False,
            _(
                "The server is Chatwoot, but it refused the access token (401). Copy the token "
                "again from Profile settings → Access token in Chatwoot."
            ),
        )
    try:
        profile = parse_profile(response.json()) if response.is_success else None
    except (json.JSONDecodeError, UnicodeDecodeError, MalformedResponse):
        profile = None
    if profile is None:
        return ConnectionCheck(
            False,
            _(
                "{host} answered, but not like a Chatwoot server (HTTP {status} "
                "for /api/v1/profile). Check the URL: it is the address you open Chatwoot at."
            ).format(host=host, status=response.status_code),
        )
    if profile.account(account_id) is None:
        known = ", ".join(f"{a.id} ({a.name})" for a in profile.accounts) or _("none")
        return ConnectionCheck(
            False,
            _("{name} has no access to account {account}; accounts this user can open: {known}.").format(
                name=profile.name, account=account_id, known=known
            ),
            profile,
        )
    inboxes = await client.get(base_url + Endpoints(account_id).inboxes().path, headers=headers)
    if inboxes.status_code in (401, 403, 404):
        return ConnectionCheck(
            False,
            _("{name} may not read account {account} (HTTP {status}); ask a Chatwoot administrator.").format(
                name=profile.name, account=account_id, status=inboxes.status_code
            ),
            profile,
        )
    if not inboxes.is_success:
        return ConnectionCheck(
            False,
            _("Chatwoot failed while listing inboxes (HTTP {status}); try again later.").format(
                status=inboxes.status_code
            ),
            profile,
        )
    account = profile.account(account_id)
    return ConnectionCheck(
        True,
        _("Connected to {host} as {name}, account {account} ({account_name}).").format(
            host=host, name=profile.name, account=account_id, account_name=account.name if account else ""
        ),
        profile,
    )


def _unreachable(host: str, exc: httpx.TransportError) -> str:
    if is_tls_error(exc):
        return _(
            "The TLS certificate of {host} could not be verified ({detail}). AgentDesk always checks "
            "certificates: fix the server's certificate or add its CA to the system's trust store."
        ).format(host=host, detail=exc)
    if isinstance(exc, httpx.TimeoutException):
        return _("{host} did not answer in time. Check the URL and your network.").format(host=host)
    if isinstance(exc, httpx.UnsupportedProtocol):
        return _("The URL must start with https:// (or http:// for a test server): {detail}.").format(detail=exc)
    return _("Could not reach {host} ({detail}). Check the URL and your network.").format(
        host=host, detail=f"{type(exc).__name__}: {exc}"
    )
