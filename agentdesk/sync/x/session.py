"""An X sign-in as one keyring secret, refreshed before it expires and stored again when it rotates.

X's OAuth 2 access tokens live two hours; with ``offline.access`` a refresh token comes along,
and every refresh hands out a new one and retires the old. So the secret is the pair (plus its
expiry and the client id it belongs to) as one JSON string, and each rotation is written back to
the keyring at once: a crash after a refresh must not leave only the retired refresh token
behind. A bare access token (``--token-stdin``) is a secret too: it works until it expires.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urlsplit

import httpx

from agentdesk.core.oauth import Tokens
from agentdesk.sync.browser_sign_in import OAuthEndpoints, refresh
from agentdesk.sync.errors import NeedsSignIn
from agentdesk.sync.words import _

API_URL = "https://api.x.com"
#: X redirects only to a callback URL on the app's allow list, port included (no RFC 8252 port
#: wildcard): so the loopback port is fixed, and the company lists
#: ``http://127.0.0.1:48271/callback`` in its app. An account can name another (``redirect_port``).
REDIRECT_PORT = 48271
#: What the features need: read and write posts, who we are, read and answer direct messages,
#: and ``offline.access`` for a refresh token (without it, a sign-in lasts two hours).
SCOPES = ("tweet.read", "tweet.write", "users.read", "dm.read", "dm.write", "offline.access")


def sign_in_again() -> str:
    """The sentence for a refused sign-in, worded when needed (the language may change meanwhile)."""
    return _("X no longer accepts this sign-in (the access was revoked or has expired). Sign in again.")


Save = Callable[[str], Awaitable[None]]
Load = Callable[[], Awaitable[str | None]]


def endpoints(api_url: str, client_id: str) -> OAuthEndpoints:
    """X's consent page is on the web host (``x.com``), its token endpoint on the API host.

    Any other API address (a proxy, the test server) serves both itself.
    """
    split = urlsplit(api_url.rstrip("/"))
    web_host = split.netloc.removeprefix("api.")
    return OAuthEndpoints(
        authorize_url=f"{split.scheme}://{web_host}/i/oauth2/authorize",
        token_url=f"{split.scheme}://{split.netloc}/2/oauth2/token",
        client_id=client_id,
        scopes=SCOPES,
    )


@dataclass(frozen=True, slots=True)
class StoredSignIn:
    tokens: Tokens
    client_id: str = ""

    def encode(self) -> str:
        return json.dumps(
            {
                "access_token": self.tokens.access_token,
                "refresh_token": self.tokens.refresh_token,
                "expires_at": self.tokens.expires_at.isoformat() if self.tokens.expires_at else None,
                "client_id": self.client_id,
            }
        )

    @classmethod
    def decode(cls, secret: str) -> StoredSignIn:
        """The keyring's secret: our JSON, or a bare access token someone pasted."""
        secret = secret.strip()
        if not secret.startswith("{"):
            return cls(Tokens(secret))
        try:
            data = json.loads(secret)
            expires = data.get("expires_at")
            tokens = Tokens(
                str(data["access_token"]),
                str(data.get("refresh_token") or ""),
                datetime.fromisoformat(expires) if expires else None,
            )
            return cls(tokens, str(data.get("client_id") or ""))
        except (ValueError, KeyError, TypeError, AttributeError):
            raise NeedsSignIn(_("The stored X sign-in cannot be read. Sign in again.")) from None


class XSession:
    """The bearer token for each request; refreshes it when it expires or X refuses it.

    Several connectors of one account (the sync and the monitoring) each hold a copy of the
    sign-in. ``load`` reads the keyring's current one before a refresh: when another connector
    has rotated the pair meanwhile, its new pair is used instead of our retired refresh token.
    """

    def __init__(
        self,
        client: httpx.AsyncClient,
        api_url: str,
        stored: StoredSignIn,
        save: Save | None,
        load: Load | None = None,
    ) -> None:
        self._client = client
        self._api_url = api_url
        self._stored = stored
        self._save = save
        self._load = load

    @property
    def can_refresh(self) -> bool:
        return bool(self._stored.tokens.refresh_token and self._stored.client_id)

    async def bearer(self) -> str:
        if self._stored.tokens.expired(datetime.now(UTC)) and self.can_refresh:
            await self.renew()
        return self._stored.tokens.access_token

    async def renew(self) -> None:
        """A new pair from the refresh token, kept before it is used; a refused refresh: sign in again."""
        if await self._rotated_elsewhere():
            return
        if not self.can_refresh:
            raise NeedsSignIn(sign_in_again())
        tokens = await refresh(
            self._client, endpoints(self._api_url, self._stored.client_id), self._stored.tokens, datetime.now(UTC)
        )
        self._stored = StoredSignIn(tokens, self._stored.client_id)
        if self._save is not None:
            await self._save(self._stored.encode())

    async def _rotated_elsewhere(self) -> bool:
        """Takes the keyring's sign-in if another connector (or a new sign-in) replaced ours."""
        latest = await self._load() if self._load is not None else None
        if not latest:
            return False
        stored = StoredSignIn.decode(latest)
        if stored.tokens.access_token == self._stored.tokens.access_token:
            return False
        self._stored = StoredSignIn(stored.tokens, stored.client_id or self._stored.client_id)
        return not stored.tokens.expired(datetime.now(UTC))
