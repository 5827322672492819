"""Which server (PDS) holds a Bluesky account: handle → DID → DID document → ``#atproto_pds``.

A handle is a domain name; its DID is published at ``https://<handle>/.well-known/atproto-did``
or in DNS (``_atproto.<handle>`` TXT), which we do not query ourselves: a handle resolver
(``com.atproto.identity.resolveHandle``, by default Bluesky's public AppView) does both. A
``did:plc`` document comes from the PLC directory (configurable, so a private network's works),
a ``did:web`` one from the domain itself. An e-mail address names no server: it signs in at
Bluesky's entryway, which tells the account's own PDS in its answer.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import httpx

from agentdesk.sync import platform_values
from agentdesk.sync.errors import Forbidden, MalformedResponse, SourceError
from agentdesk.sync.http_failures import transport_failure
from agentdesk.sync.words import _

DEFAULT_PLC = "https://plc.directory"
DEFAULT_RESOLVER = "https://public.api.bsky.app"
ENTRYWAY = "https://bsky.social"  # signs in every account Bluesky hosts


def normalise_handle(value: str) -> str:
    """``@Alice.bsky.social `` → ``alice.bsky.social``; an e-mail address stays as typed."""
    value = value.strip()
    return value if "@" in value.lstrip("@") else value.lstrip("@").lower()


def is_email(identifier: str) -> bool:
    return "@" in identifier.lstrip("@")


def server_url(value: str) -> str:
    """``pds.example.com`` or ``https://pds.example.com/`` → ``https://pds.example.com``."""
    try:
        return platform_values.server_address(value, "Bluesky")
    except ValueError:
        raise ValueError(
            _("{value} is not the address of a Bluesky server (PDS).").format(value=repr(value.strip()))
        ) from None


async def resolve_pds(
    client: httpx.AsyncClient, handle: str, *, plc_url: str = DEFAULT_PLC, resolver_url: str = DEFAULT_RESOLVER
) -> str:
    """The PDS address for a handle; a SourceError in words when it cannot be found."""
    did = await resolve_handle(client, handle, resolver_url)
    return pds_of(await did_document(client, did, plc_url), did)


async def resolve_handle(client: httpx.AsyncClient, handle: str, resolver_url: str) -> str:
    answer = await _get(
        client, f"{resolver_url.rstrip('/')}/xrpc/com.atproto.identity.resolveHandle", {"handle": handle}
    )
    if answer.status_code == 400:
        raise Forbidden(_("There is no Bluesky account with the handle {handle}.").format(handle=handle))
    did = _json(answer).get("did") if answer.is_success else None
    if not isinstance(did, str) or not did.startswith("did:"):
        raise SourceError(
            _("The handle {handle} could not be looked up (HTTP {status}).").format(
                handle=handle, status=answer.status_code
            )
        )
    return did


async def did_document(client: httpx.AsyncClient, did: str, plc_url: str) -> Mapping[str, Any]:
    if did.startswith("did:plc:"):
        url = f"{plc_url.rstrip('/')}/{did}"
    elif did.startswith("did:web:"):
        url = f"https://{did.removeprefix('did:web:').replace('%3A', ':')}/.well-known/did.json"
    else:
        raise SourceError(_("AgentDesk cannot look up accounts of the kind {kind}.").format(kind=did.split(":")[1]))
    answer = await _get(client, url, {})
    if not answer.is_success:
        raise SourceError(
            _("The account's identity ({did}) could not be looked up (HTTP {status}).").format(
                did=did, status=answer.status_code
            )
        )
    return _json(answer)


def pds_of(document: Mapping[str, Any], did: str) -> str:
    """The ``#atproto_pds`` service endpoint in a DID document."""
    for service in document.get("service") or ():
        if isinstance(service, Mapping) and str(service.get("id", "")).endswith("#atproto_pds"):
            endpoint = service.get("serviceEndpoint")
            if isinstance(endpoint, str) and endpoint.startswith(("https://", "http://")):
                return endpoint.rstrip("/")
    raise MalformedResponse(_("The identity of {did} names no Bluesky server (PDS).").format(did=did))


async def _get(client: httpx.AsyncClient, url: str, params: Mapping[str, str]) -> httpx.Response:
    try:
        return await client.get(url, params=params)
    except httpx.TransportError as exc:
        raise transport_failure(exc, "Bluesky") from exc


def _json(answer: httpx.Response) -> Mapping[str, Any]:
    try:
        body = answer.json()
    except ValueError:
        body = None
    if not isinstance(body, Mapping):
        raise MalformedResponse(
            _("{host} sent an answer that is not a JSON object.").format(host=answer.request.url.host)
        )
    return body
