"""The keyring as the place a Bluesky session is kept and rotated (one secret string per account)."""

from __future__ import annotations

from agentdesk.sync import credentials
from agentdesk.sync.bluesky.xrpc import Session

KIND = "bluesky"


class KeyringSessions:
    """Every rotation is written at once: the old refresh token is dead as soon as the PDS rotates it,
    so a session kept only in memory would be lost with the process."""

    def __init__(self, account_name: str) -> None:
        self._name = account_name

    async def save(self, session: Session) -> None:
        await credentials.off_loop(credentials.set_secret, KIND, self._name, session.to_secret())

    async def load(self) -> Session | None:
        secret = await credentials.off_loop(credentials.get_secret, KIND, self._name)
        return Session.from_secret(secret) if secret else None
