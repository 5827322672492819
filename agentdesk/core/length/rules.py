"""Per-account overrides of a channel's rules, such as a Mastodon instance's own limits."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class ChannelRules:
    """Overrides for one account; ``None`` keeps the channel's documented default."""

    max_characters: int | None = None
    characters_reserved_per_url: int | None = None
    sms_max_segments: int | None = None

    @classmethod
    def from_settings(cls, settings: Mapping[str, str]) -> ChannelRules:
        """The overrides an account keeps in its settings (e.g. read from its instance when added)."""

        def number(key: str) -> int | None:
            value = settings.get(key, "")
            return _positive(int(value), allow_zero=True) if value.isdigit() else None

        return cls(number("max_characters"), number("characters_reserved_per_url"), number("sms_max_segments"))


@dataclass(frozen=True, slots=True)
class MastodonInstanceRules(ChannelRules):
    """The limits a Mastodon instance announces (many raise the 500-character default)."""

    @classmethod
    def from_instance_json(cls, data: Mapping[str, Any]) -> MastodonInstanceRules:
        """Read ``configuration.statuses`` from ``GET /api/v2/instance`` (or the v1 variant)."""
        statuses = (data.get("configuration") or {}).get("statuses") or {}
        max_characters = statuses.get("max_characters", data.get("max_toot_chars"))
        per_url = statuses.get("characters_reserved_per_url")
        return cls(
            max_characters=_positive(max_characters),
            characters_reserved_per_url=_positive(per_url, allow_zero=True),
        )


def _positive(value: object, *, allow_zero: bool = False) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int):
        return None
    return value if value > 0 or (allow_zero and value == 0) else None
