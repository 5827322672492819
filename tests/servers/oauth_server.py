"""An OAuth 2 authorization server on 127.0.0.1, strict where RFC 6749, 7636 and 8252 are.

It plays the platform's side of a desktop sign-in: ``/oauth/authorize`` answers the browser with
a redirect to the app's loopback address (consenting at once, or as told: deny, or a forged
state), and ``/oauth/token`` exchanges a code only with the right PKCE verifier, redirect URI and
client id, once, within the code's lifetime. Refresh tokens rotate, as X's do. Anything the
RFCs do not allow is answered with the RFC's error, and recorded in ``violations`` so a test
fails even when the client would swallow the error.
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import threading
import time
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlencode, urlsplit

from tests.servers.loopback import Answer, LoopbackServer


@dataclass
class _Grant:
    client_id: str
    redirect_uri: str
    challenge: str
    scope: str
    issued: float
    used: bool = False


@dataclass
class OAuthServerState:
    client_ids: set[str] = field(default_factory=lambda: {"agentdesk-test"})
    confidential: dict[str, str] = field(default_factory=dict)  # client_id -> secret (Basic auth required)
    code_lifetime: float = 600.0
    access_lifetime: int = 7200
    consent: str = "allow"  # "allow", "deny", "forge_state"
    grants: dict[str, _Grant] = field(default_factory=dict)
    refresh_tokens: dict[str, str] = field(default_factory=dict)  # refresh token -> client_id
    access_tokens: set[str] = field(default_factory=set)
    violations: list[str] = field(default_factory=list)
    clock_offset: float = 0.0  # tests move time on to expire codes

    def now(self) -> float:
        return time.monotonic() + self.clock_offset


class OAuthAuthority:
    """The two endpoints' logic, for this server and for platform test servers that embed it."""

    def __init__(self, state: OAuthServerState | None = None) -> None:
        self.state = state or OAuthServerState()
        self._lock = threading.Lock()

    def authorize(self, query: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        state = self.state
        redirect_uri = query.get("redirect_uri", "")
        client_id = query.get("client_id", "")
        problems = []
        if client_id not in state.client_ids:
            problems.append(f"unknown client_id {client_id!r}")
        split = urlsplit(redirect_uri)
        if split.scheme != "http" or split.hostname != "127.0.0.1" or not split.port:
            problems.append(f"redirect_uri {redirect_uri!r} is not a loopback IP literal with a port (RFC 8252 7.3)")
        if problems:  # never redirect to an unverified URI (RFC 6749 4.1.2.1)
            state.violations.extend(problems)
            return 400, {"Content-Type": "text/plain"}, "; ".join(problems).encode()
        if query.get("response_type") != "code":
            return self._redirect(redirect_uri, {"error": "unsupported_response_type", "state": query.get("state", "")})
        if query.get("code_challenge_method") != "S256" or len(query.get("code_challenge", "")) != 43:
            state.violations.append("authorization request without an S256 code challenge")
            return self._redirect(redirect_uri, {"error": "invalid_request", "state": query.get("state", "")})
        if not query.get("state"):
            state.violations.append("authorization request without state")
        if state.consent == "deny":
            return self._redirect(
                redirect_uri,
                {"error": "access_denied", "error_description": "The user denied access", "state": query["state"]},
            )
        code = secrets.token_urlsafe(24)
        with self._lock:
            state.grants[code] = _Grant(
                client_id, redirect_uri, query["code_challenge"], query.get("scope", ""), state.now()
            )
        returned_state = "forged-" + secrets.token_urlsafe(8) if state.consent == "forge_state" else query["state"]
        return self._redirect(redirect_uri, {"code": code, "state": returned_state})

    def token(self, form: dict[str, str], authorization: str) -> tuple[int, dict[str, object]]:
        state = self.state
        client_id = form.get("client_id", "")
        if authorization.startswith("Basic "):
            user, _, secret = base64.b64decode(authorization[6:]).decode().partition(":")
            if state.confidential.get(user) != secret:
                return 401, {"error": "invalid_client"}
            client_id = client_id or user
        elif client_id in state.confidential:
            return 401, {"error": "invalid_client"}
        if client_id not in state.client_ids:
            return 401, {"error": "invalid_client"}
        grant_type = form.get("grant_type")
        if grant_type == "authorization_code":
            return self._code_grant(form, client_id)
        if grant_type == "refresh_token":
            with self._lock:
                owner = state.refresh_tokens.pop(form.get("refresh_token", ""), None)  # rotation: one use each
            if owner != client_id:
                return 400, {"error": "invalid_grant", "error_description": "refresh token unknown or used"}
            return 200, self._issue(client_id, "")
        return 400, {"error": "unsupported_grant_type"}

    def token_request(self, headers: dict[str, str], body: bytes) -> tuple[int, dict[str, object]]:
        """The token endpoint's answer to an HTTP request (headers with lower-case names)."""
        if headers.get("content-type", "").split(";")[0] != "application/x-www-form-urlencoded":
            self.state.violations.append("token request not form-encoded (RFC 6749 4.1.3)")
        form = {k: v[0] for k, v in parse_qs(body.decode()).items()}
        return self.token(form, headers.get("authorization", ""))

    def _code_grant(self, form: dict[str, str], client_id: str) -> tuple[int, dict[str, object]]:
        state = self.state
        with self._lock:
            grant = state.grants.get(form.get("code", ""))
            if grant is None or grant.used:
                return 400, {"error": "invalid_grant", "error_description": "unknown or used code"}
            grant.used = True
        if state.now() - grant.issued > state.code_lifetime:
            return 400, {"error": "invalid_grant", "error_description": "the code has expired"}
        if grant.client_id != client_id or grant.redirect_uri != form.get("redirect_uri"):
            state.violations.append("code exchanged by another client or with another redirect_uri")
            return 400, {"error": "invalid_grant"}
        verifier = form.get("code_verifier", "")
        digest = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
        if not 43 <= len(verifier) <= 128 or digest != grant.challenge:
            return 400, {"error": "invalid_grant", "error_description": "PKCE verification failed"}
        return 200, self._issue(client_id, grant.scope)

    def _issue(self, client_id: str, scope: str) -> dict[str, object]:
        access, refresh = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
        with self._lock:
            self.state.access_tokens.add(access)
            self.state.refresh_tokens[refresh] = client_id
        return {
            "token_type": "bearer",
            "access_token": access,
            "refresh_token": refresh,
            "expires_in": self.state.access_lifetime,
            "scope": scope,
        }

    @staticmethod
    def _redirect(redirect_uri: str, params: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        return 302, {"Location": f"{redirect_uri}?{urlencode(params)}"}, b""


class OAuthServer(OAuthAuthority, LoopbackServer):
    """The authority alone on its own port, for the generic sign-in tests."""

    name = "oauth-test-server"

    def __init__(self, state: OAuthServerState | None = None) -> None:
        OAuthAuthority.__init__(self, state)
        LoopbackServer.__init__(self)

    def handle(self, method: str, target: str, headers: dict[str, str], body: bytes) -> Answer:
        split = urlsplit(target)
        if (method, split.path) == ("GET", "/oauth/authorize"):
            return self.authorize({k: v[0] for k, v in parse_qs(split.query).items()})
        if (method, split.path) != ("POST", "/oauth/token"):
            return 404, {"Content-Type": "text/plain"}, b"not found"
        status, answer = self.token_request(headers, body)
        return status, {"Content-Type": "application/json", "Cache-Control": "no-store"}, json.dumps(answer).encode()
