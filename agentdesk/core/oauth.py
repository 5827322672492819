"""OAuth 2 authorization code with PKCE for a desktop app (RFC 6749, RFC 7636, RFC 8252).

The pure half of the browser sign-in: the request the browser opens, and what the redirect back
to the loopback address means. No secret of ours is involved: a desktop app is a public client,
and PKCE binds the code to this one sign-in, so a code caught by another program is useless.
"""

from __future__ import annotations

import base64
import hashlib
import secrets
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from urllib.parse import parse_qs, urlencode, urlsplit


class SignInProblem(StrEnum):
    """Why a browser sign-in did not give a code; each has its own plain words in the UI."""

    DENIED = "denied"  # the user said no on the platform's consent page
    STATE_MISMATCH = "state_mismatch"  # the answer belongs to another sign-in: possibly forged
    PLATFORM_ERROR = "platform_error"  # the platform sent another OAuth error
    NO_CODE = "no_code"  # a redirect without code or error


class SignInRefused(Exception):
    """The browser came back without a usable authorization code."""

    def __init__(self, problem: SignInProblem, detail: str = "") -> None:
        super().__init__(detail or problem.value)
        self.problem = problem
        self.detail = detail


def _urlsafe(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


@dataclass(frozen=True, slots=True)
class AuthorizationRequest:
    """One sign-in attempt: what goes to the browser, and what must come back (state, verifier)."""

    authorize_url: str
    client_id: str
    redirect_uri: str
    scopes: tuple[str, ...]
    state: str = field(default_factory=lambda: secrets.token_urlsafe(24))
    code_verifier: str = field(default_factory=lambda: secrets.token_urlsafe(64))  # 86 chars: within 43-128

    @property
    def code_challenge(self) -> str:
        """S256: the browser only ever sees the hash; the verifier goes with the code exchange."""
        return _urlsafe(hashlib.sha256(self.code_verifier.encode("ascii")).digest())

    def browser_url(self, **extra: str) -> str:
        params = {
            "response_type": "code",
            "client_id": self.client_id,
            "redirect_uri": self.redirect_uri,
            "scope": " ".join(self.scopes),
            "state": self.state,
            "code_challenge": self.code_challenge,
            "code_challenge_method": "S256",
            **extra,
        }
        separator = "&" if urlsplit(self.authorize_url).query else "?"
        return f"{self.authorize_url}{separator}{urlencode(params)}"

    def code_from_redirect(self, redirect_target: str) -> str:
        """The authorization code from the request the browser made to our loopback address.

        The state is checked before anything else, so a forged redirect cannot even report an
        error in the user's face as if it came from the platform.
        """
        query = {key: values[0] for key, values in parse_qs(urlsplit(redirect_target).query).items()}
        if query.get("state") != self.state:
            raise SignInRefused(SignInProblem.STATE_MISMATCH)
        error = query.get("error")
        if error == "access_denied":
            raise SignInRefused(SignInProblem.DENIED, query.get("error_description", ""))
        if error:
            raise SignInRefused(SignInProblem.PLATFORM_ERROR, query.get("error_description") or error)
        code = query.get("code")
        if not code:
            raise SignInRefused(SignInProblem.NO_CODE)
        return code

    def token_form(self, code: str) -> dict[str, str]:
        return {
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": self.redirect_uri,
            "client_id": self.client_id,
            "code_verifier": self.code_verifier,
        }


@dataclass(frozen=True, slots=True)
class Tokens:
    """What the token endpoint gave. The refresh token rotates on some platforms (X): keep the newest."""

    access_token: str
    refresh_token: str = ""
    expires_at: datetime | None = None
    scopes: tuple[str, ...] = ()

    def __repr__(self) -> str:  # never print a token, not even in a traceback's locals
        return f"Tokens(expires_at={self.expires_at!r}, scopes={self.scopes!r})"

    def expired(self, now: datetime, margin: timedelta = timedelta(minutes=1)) -> bool:
        return self.expires_at is not None and now >= self.expires_at - margin


def tokens_from_response(body: object, now: datetime, previous_refresh: str = "") -> Tokens:
    """A token endpoint's JSON answer; ``ValueError`` says in words what is missing or wrong."""
    if not isinstance(body, dict) or not isinstance(body.get("access_token"), str) or not body["access_token"]:
        raise ValueError("the token endpoint answered without an access token")
    token_type = str(body.get("token_type", "bearer")).lower()
    if token_type != "bearer":
        raise ValueError(f"the token endpoint gave a {token_type!r} token; AgentDesk can only use bearer tokens")
    expires_in = body.get("expires_in")
    expires_at = now + timedelta(seconds=int(expires_in)) if isinstance(expires_in, int | float) else None
    refresh = body.get("refresh_token")
    scope = body.get("scope")
    return Tokens(
        access_token=body["access_token"],
        refresh_token=refresh if isinstance(refresh, str) and refresh else previous_refresh,
        expires_at=expires_at,
        scopes=tuple(scope.split()) if isinstance(scope, str) else (),
    )
