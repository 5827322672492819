"""Where a Chatwoot sync pass stands, as a small JSON string the engine stores opaquely.

Chatwoot lists conversations newest activity first, 25 a page, and any change (a message, a
status, an assignment, labels) writes an activity message that moves ``last_activity_at``. So
one watermark is enough: a pass pages from the top until it reaches conversations older than
``since`` (the highest ``last_activity_at`` of the previous pass), and fetches only the messages
created at or after it. Comparing with ``>=`` re-reads the boundary second; records are upserted
by source id, so the overlap is harmless, while a conversation that moves up during a pass only
shifts others down (read twice, never skipped) and is caught by the next pass.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass


@dataclass(frozen=True, slots=True)
class SyncCursor:
    since: int | None = None  # None: a full pass (every conversation, every message)
    page: int = 1
    high: int = 0  # the highest last_activity_at seen in this pass
    done: int = 0  # conversations handed over in this pass

    def encode(self) -> str:
        return json.dumps(asdict(self), separators=(",", ":"))

    @classmethod
    def decode(cls, text: str | None) -> SyncCursor:
        if not text:
            return cls()
        try:
            return cls(**json.loads(text))
        except (json.JSONDecodeError, TypeError):
            return cls()  # unreadable (an older format): a full pass re-reads everything, losing nothing

    def next_page(self, high: int, handed_over: int) -> SyncCursor:
        return SyncCursor(self.since, self.page + 1, max(self.high, high), self.done + handed_over)

    def next_pass(self, high: int) -> SyncCursor:
        """The cursor that starts the next (incremental) pass after this one completed."""
        watermark = max(self.high, high)
        return SyncCursor(since=watermark or self.since, page=1, high=watermark)
