"""What goes into triage and what comes out: the only shapes the store, CLI and UI see."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
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


# A result is built for every message. The ``__init__`` a frozen dataclass generates goes through
# ``object.__setattr__`` for each field; calling the slots' own setters does the same in half the
# time. The signature, the defaults and the frozen, comparable result stay as declared above.
_SET_ID, _SET_SPAM, _SET_SCORE, _SET_TOPIC, _SET_LABEL, _SET_RELEVANCE, _SET_SENTIMENT, _SET_REASONS, _SET_ALARM = (
    getattr(TriageResult, f.name).__set__ for f in fields(TriageResult)
)


def _init_result(
    self: TriageResult,
    id: str,
    spam: bool,
    spam_score: float,
    topic_id: int | None,
    topic_label: str | None,
    relevance: float,
    sentiment: float,
    reasons: tuple[Reason, ...] = (),
    alarm: StormAlarm | None = None,
) -> None:
    _SET_ID(self, id)
    _SET_SPAM(self, spam)
    _SET_SCORE(self, spam_score)
    _SET_TOPIC(self, topic_id)
    _SET_LABEL(self, topic_label)
    _SET_RELEVANCE(self, relevance)
    _SET_SENTIMENT(self, sentiment)
    _SET_REASONS(self, reasons)
    _SET_ALARM(self, alarm)


TriageResult.__init__ = _init_result  # type: ignore[method-assign]  # replaces the generated one on purpose
