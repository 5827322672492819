"""What a length check reports, whatever the channel."""

from __future__ import annotations

from dataclasses import dataclass

from agentdesk.core.channels import Audience, Channel


@dataclass(frozen=True, slots=True)
class Measure:
    """A draft counted the platform's way.

    ``over`` holds ``[start, end)`` index ranges into the Python string that lie past the limit;
    it is empty exactly when the text fits. ``posted_text`` is what will be sent (Bluesky shows
    long links shortened, and counts that text).
    """

    channel: Channel
    audience: Audience
    length: int
    limit: int
    unit: str
    valid: bool
    over: tuple[tuple[int, int], ...] = ()
    segments: int = 1
    encoding: str | None = None
    ucs2_characters: tuple[str, ...] = ()
    posted_text: str | None = None

    @property
    def remaining(self) -> int:
        return self.limit - self.length

    @property
    def fits(self) -> bool:
        return not self.over
