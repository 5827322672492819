"""What the platform APIs (Mastodon, X, Bluesky) share over HTTP: the request budget their
rate-limit headers announce, and the failures every one of them words the same way.

Each platform names its headers differently (``x-ratelimit-*`` on Mastodon, ``x-rate-limit-*`` on
X, ``ratelimit-*`` on Bluesky) and writes the reset differently (an ISO 8601 instant on Mastodon,
epoch seconds on X and Bluesky), so a :class:`RequestBudget` is built with both. When a budget
runs low the connector waits for the reset instead of running into 429s; a 429 waits as long as
``Retry-After`` or, failing that, the reset header says.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import httpx

from agentdesk.sync.errors import MalformedResponse, RateLimited, Rejected, ServerError, SourceError
from agentdesk.sync.http_failures import retry_after_seconds
from agentdesk.sync.words import _, ngettext

#: Reads a reset header's value as an instant; raises ValueError for one it cannot read.
ResetParser = Callable[[str], datetime]


def iso_reset(value: str) -> datetime:
    """Mastodon: ``2026-11-23T10:05:00.000Z``."""
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def epoch_reset(value: str) -> datetime:
    """X and Bluesky: seconds since 1970."""
    return datetime.fromtimestamp(float(value), UTC)


@dataclass(frozen=True, slots=True)
class RateHeaders:
    """How one platform announces its request budget."""

    platform: str  # "Mastodon", for the sentences
    remaining: str  # the header with the requests left in the window
    reset: str  # the header with the window's end
    parse_reset: ResetParser

    def reset_at(self, headers: Mapping[str, str]) -> datetime | None:
        value = headers.get(self.reset)
        if value is None:
            return None
        try:
            return self.parse_reset(value)
        except (ValueError, OverflowError, OSError):
            return None


class RequestBudget:
    """The requests left in one rate-limit window, as the last answer announced them."""

    def __init__(self, headers: RateHeaders, reserve: int) -> None:
        self.headers = headers
        self.reserve = reserve  # below this many left, wait for the reset rather than spend the rest
        self.remaining: int | None = None
        self.reset_at: datetime | None = None

    def note(self, response: httpx.Response) -> None:
        remaining = response.headers.get(self.headers.remaining)
        reset_at = self.headers.reset_at(response.headers)
        try:
            self.remaining = None if remaining is None or reset_at is None else int(remaining)
        except ValueError:
            self.remaining = None
        self.reset_at = reset_at if self.remaining is not None else None

    def check(self, now: datetime) -> None:
        """Almost out of requests: raise RateLimited so the engine waits for the window to reset."""
        if self.remaining is None or self.reset_at is None or self.remaining > self.reserve:
            return
        wait = (self.reset_at - now).total_seconds()
        if wait > 0:
            seconds = round(wait)
            words = ngettext(
                "{platform}'s request budget is almost used up; going on in {seconds} second.",
                "{platform}'s request budget is almost used up; going on in {seconds} seconds.",
                seconds,
            )
            raise RateLimited(words.format(platform=self.headers.platform, seconds=seconds), wait)
        self.remaining = None  # the window has reset meanwhile


def common_failure(response: httpx.Response, now: datetime, headers: RateHeaders, said: str) -> SourceError:
    """429, 5xx and any other refusal, in the same words for every platform; ``said`` is the
    platform's own reason from the body ("" if it gave none). 401/403/404 mean different things
    per platform and are told by its connector before it comes here."""
    status, platform = response.status_code, headers.platform
    if status == 429:
        wait = retry_after_seconds(response.headers.get("Retry-After"), now)
        reset_at = headers.reset_at(response.headers)
        if reset_at is not None and not response.headers.get("Retry-After"):
            wait = max(0.0, (reset_at - now).total_seconds())
        return slow_down(platform, wait)
    if status >= 500:
        return server_failed(platform, status)
    return refused(platform, status, said)


def slow_down(platform: str, wait: float) -> RateLimited:
    """A 429: the platform's own wait, in words."""
    seconds = round(wait)
    words = ngettext(
        "{platform} asks us to slow down; trying again in {seconds} second.",
        "{platform} asks us to slow down; trying again in {seconds} seconds.",
        seconds,
    )
    return RateLimited(words.format(platform=platform, seconds=seconds), wait)


def server_failed(platform: str, status: int) -> ServerError:
    """A 5xx: the server's own trouble (the engine tries again later, the account shows it)."""
    return ServerError(_("The {platform} server failed (HTTP {status}).").format(platform=platform, status=status))


def refused(platform: str, status: int, said: str) -> Rejected:
    """Any other refusal, with the platform's reason when it gave one."""
    if said:
        return Rejected(_("{platform} refused this: {reason}").format(platform=platform, reason=said))
    return Rejected(_("{platform} refused this (HTTP {status}).").format(platform=platform, status=status))


def decode_json(response: httpx.Response, platform: str) -> Any:
    """The answer's JSON; a body that is not JSON is a MalformedResponse, retried later."""
    try:
        return response.json()
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise unreadable(platform, type(exc).__name__, response.request.method, response.request.url.path) from exc


def unreadable(platform: str, error: str, method: str, path: str) -> MalformedResponse:
    """An answer that is not the JSON it should be; the request named, so a report can be followed up."""
    return MalformedResponse(
        _("The {platform} server sent an answer we could not read ({error} at {request}).").format(
            platform=platform, error=error, request=f"{method} {path}"
        )
    )
