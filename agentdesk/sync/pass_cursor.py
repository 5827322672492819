"""A platform connector's position between passes, kept by the engine as a JSON string.

Each connector's cursor is a frozen dataclass that says how to read its fields back
(``from_fields``); writing is the same for all. An unreadable cursor gives a fresh one: a full
pass again is slow, never wrong.
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any, Self


class JsonCursor:
    __slots__ = ()

    @classmethod
    def from_fields(cls, data: dict[str, Any]) -> Self:
        """The cursor from its decoded fields; may raise ValueError, AttributeError or TypeError."""
        raise NotImplementedError

    @classmethod
    def decode(cls, raw: str | None) -> Self:
        if not raw:
            return cls()
        try:
            return cls.from_fields(json.loads(raw))
        except (ValueError, AttributeError, TypeError):
            return cls()

    def encode(self) -> str:
        return json.dumps(dataclasses.asdict(self))  # type: ignore[call-overload]
