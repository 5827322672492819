"""What goes into triage and what comes out: the only shapes the store, CLI and UI see."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True, slots=True)
class TriageInput:
    """One incoming message as triage needs it; ``at`` must be timezone-aware."""

    id: str
    text: str
    channel: str
    author: str
    followers: int
    at: datetime


@dataclass(frozen=True, slots=True)
class Reason:
    """Why a score is high: a stable English ``code`` for programs and a short ``text`` for people."""

    code: str
    text: str

    def to_dict(self) -> dict[str, str]:
        return {"code": self.code, "text": self.text}


@dataclass(frozen=True, slots=True)
class StormAlarm:
    """Negative posts on one topic arrive far above their usual rate (per hour)."""

    topic_id: int
    topic_label: str
    at: datetime
    rate: float
    baseline: float
    message_ids: tuple[str, ...]
    example_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class TriageResult:
    """The verdict on one message; ``alarm`` is set on the message that tipped a storm."""

    id: str
    spam: bool
    spam_score: float
    topic_id: int | None
    topic_label: str | None
    relevance: float
    sentiment: float
    reasons: tuple[Reason, ...] = ()
    alarm: StormAlarm | None = field(default=None)
