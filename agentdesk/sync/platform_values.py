"""Reading a platform's JSON and addresses the same way for every direct source: a missing field
or an unreadable time is a ``MalformedResponse`` that names the platform, never a KeyError."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from agentdesk.sync.errors import MalformedResponse
from agentdesk.sync.words import _


def require(platform: str, data: object, *keys: str) -> Mapping[str, Any]:
    """``data`` as a mapping that holds every key, or a MalformedResponse listing the missing ones."""
    if not isinstance(data, Mapping) or any(key not in data for key in keys):
        missing = [key for key in keys if not isinstance(data, Mapping) or key not in data]
        raise MalformedResponse(
            _("{platform} sent an object without {fields}.").format(platform=platform, fields=", ".join(missing))
        )
    return data


def instant(platform: str, value: object) -> datetime:
    """An ISO 8601 time (``Z`` or an offset) as an aware datetime."""
    if not isinstance(value, str):
        raise MalformedResponse(
            _("{platform} sent a time that is not text: {value!r}.").format(platform=platform, value=value)
        )
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise MalformedResponse(
            _("{platform} sent a time we cannot read: {value!r}.").format(platform=platform, value=value)
        ) from None


def server_address(value: str, what: str) -> str:
    """``example.com`` or ``https://example.com/path`` → ``https://example.com``; ValueError names ``what``."""
    value = value.strip().rstrip("/")
    if "://" not in value:
        value = "https://" + value
    split = urlsplit(value)
    if split.scheme not in ("https", "http") or not split.netloc:
        raise ValueError(_("'{value}' is not a {what} server address.").format(value=value, what=what))
    return f"{split.scheme}://{split.netloc}"
