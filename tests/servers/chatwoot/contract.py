"""The Chatwoot OpenAPI contract the test server holds itself and its clients to.

The spec is a byte-for-byte copy of the official ``application_swagger.json`` (see
``shared/contracts/chatwoot/README.md`` for its provenance), so CI does not depend on a path
outside the repository. A few corrections are applied on load; each one is a place where the
spec contradicts the real server, and each says why. Everything else is checked as published.
"""

from __future__ import annotations

import copy
import json
import threading
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from openapi_core import OpenAPI
from openapi_core.datatypes import RequestParameters
from openapi_core.templating.responses.exceptions import ResponseNotFound
from werkzeug.datastructures import Headers, ImmutableMultiDict

SPEC_FILE = Path(__file__).with_name("application_swagger.json")
_CONVERSATION = "/api/v1/accounts/{account_id}/conversations/{conversation_id}"


def _correct(spec: dict[str, Any]) -> dict[str, Any]:
    """The published spec with the corrections the real server forces on us."""
    spec = copy.deepcopy(spec)
    paths, schemas = spec["paths"], spec["components"]["schemas"]
    # The spec uses {id} in a path without declaring the parameter; the spec validator refuses it.
    paths["/api/v1/accounts/{id}"]["parameters"] = [
        {"in": "path", "name": "id", "required": True, "schema": {"type": "integer"}}
    ]
    # toggle_status accepts "snoozed" and the list filters by it, so conversations carry it too.
    schemas["conversation"]["properties"]["status"]["enum"].append("snoozed")
    # The server pages messages with before/after message ids (README: "Messages"); declaring
    # them makes the contract check their type instead of ignoring them.
    paths[_CONVERSATION + "/messages"]["get"]["parameters"] = [
        {"in": "query", "name": name, "schema": {"type": "integer"}} for name in ("before", "after")
    ]
    # Unassigning ({"assignee_id": null}) answers a JSON null (README: "Status, assignment").
    assigned = paths[_CONVERSATION + "/assignments"]["post"]["responses"]["200"]["content"]
    assigned["application/json"]["schema"] = {**schemas["user"], "nullable": True}
    request_body = paths[_CONVERSATION + "/assignments"]["post"]["requestBody"]["content"]
    for prop in request_body["application/json"]["schema"]["properties"].values():
        prop["nullable"] = True
    return spec


#: openapi-core (its path and schema caches) is not thread-safe: concurrent checks crashed the
#: interpreter, so the handler threads take turns.
_CHECKING = threading.Lock()


@cache
def _openapi() -> OpenAPI:
    """Loading and checking the spec takes most of a second: do it once per test session."""
    return OpenAPI.from_dict(_correct(json.loads(SPEC_FILE.read_text(encoding="utf-8"))))


def spec_server_url() -> str:
    """Requests are matched as if sent to the spec's own server (the port is ours, not theirs)."""
    return str(_openapi().spec["servers"][0]["url"]).rstrip("/")


@dataclass
class SpecRequest:
    """A received request in the shape openapi-core's Request protocol asks for."""

    method: str
    path: str
    query: list[tuple[str, str]]
    headers: dict[str, str]
    body: bytes | None = None
    content_type: str = "application/json"
    host_url: str = field(default_factory=spec_server_url)
    parameters: RequestParameters = field(init=False)

    def __post_init__(self) -> None:
        self.method = self.method.lower()
        self.parameters = RequestParameters(query=ImmutableMultiDict(self.query), header=Headers(self.headers))


@dataclass
class SpecResponse:
    status_code: int
    data: bytes
    headers: dict[str, str] = field(default_factory=dict)
    content_type: str = "application/json"


def request_violation(request: SpecRequest) -> str | None:
    """Why the request is outside the spec, or None if it is inside."""
    try:
        with _CHECKING:
            _openapi().validate_request(request)
    except Exception as exc:  # openapi-core raises a family of errors; each is a finding
        return f"{request.method.upper()} {request.path}: {_explain(exc)}"
    return None


def response_violation(request: SpecRequest, response: SpecResponse) -> str | None:
    """Why the response is outside the spec (or, for an undocumented error, the README's shapes)."""
    try:
        with _CHECKING:
            _openapi().validate_response(request, response)
    except ResponseNotFound:
        if response.status_code >= 400 and _is_real_server_error_body(response.data):
            return None
        return f"{request.method.upper()} {request.path}: undocumented status {response.status_code}"
    except Exception as exc:
        return f"{request.method.upper()} {request.path} -> {response.status_code}: {_explain(exc)}"
    return None


def _is_real_server_error_body(data: bytes) -> bool:
    """The real server's undocumented errors: {"error": ...} or {"message": ..., "attributes": [...]}."""
    body = json.loads(data)
    return isinstance(body, dict) and (isinstance(body.get("error"), str) or isinstance(body.get("message"), str))


def _explain(exc: Exception) -> str:
    cause = exc.__cause__
    details = getattr(cause, "schema_errors", None) or getattr(exc, "schema_errors", None)
    if details:
        found = dict.fromkeys(f"{error.json_path}: {error.message}" for error in details)
        return f"{type(exc).__name__}: " + "; ".join(list(found)[:5])
    return f"{type(exc).__name__}: {exc}" + (f" ({cause})" if cause else "")
