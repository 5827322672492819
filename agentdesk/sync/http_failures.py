"""What every HTTP source shares when the answer is not there: no connection, TLS, Retry-After.

Each connector maps its own status codes (their meaning differs per platform); these are the
failures that look the same everywhere, with the platform's name in the sentence.
"""

from __future__ import annotations

import ssl
from datetime import datetime
from email.utils import parsedate_to_datetime

import httpx

from agentdesk.sync.errors import Offline
from agentdesk.sync.words import _

#: When a 429 names no Retry-After, wait this long.
DEFAULT_RETRY_AFTER = 30.0


def retry_after_seconds(value: str | None, now: datetime) -> float:
    """Retry-After as seconds: a number of seconds or an HTTP date (RFC 9110 §10.2.3)."""
    if not value:
        return DEFAULT_RETRY_AFTER
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        return max(0.0, (parsedate_to_datetime(value) - now).total_seconds())
    except (TypeError, ValueError):
        return DEFAULT_RETRY_AFTER


def transport_failure(exc: httpx.TransportError, server: str) -> Offline:
    """No answer at all: the network, DNS, TLS or a dropped connection."""
    if is_tls_error(exc):
        return Offline(_("The server's TLS certificate could not be verified ({detail}).").format(detail=exc))
    if isinstance(exc, httpx.TimeoutException):
        return Offline(_("The {platform} server did not answer in time.").format(platform=server))
    return Offline(
        _("No connection to the {platform} server ({error}).").format(platform=server, error=type(exc).__name__)
    )


def is_tls_error(exc: BaseException) -> bool:
    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(cause, ssl.SSLError):
            return True
        cause = cause.__cause__ or cause.__context__
    return False
