"""A trainee's history of finished practices, and what a supervisor reads from it per scenario.

Pure: the history is JSON text in and out (the file lives in the trainee's profile and, when a
team folder is set, a copy lands there for the supervisor). Each session keeps the reasons as
worded at the time, and the reply that decided each, so a report reads the same later even if the
scenarios or their wording change.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from agentdesk.core.training.player import ScenarioPlayer
from agentdesk.core.training.scoring import Score


@dataclass(frozen=True, slots=True)
class Session:
    """One finished practice as the history keeps it."""

    scenario: str
    title: str
    finished: datetime  # real time, UTC
    score: int
    reasons: tuple[dict[str, Any], ...]  # behaviour, met, why, turn, reply, weight

    def as_json(self) -> dict[str, Any]:
        return {
            "scenario": self.scenario,
            "title": self.title,
            "finished": self.finished.isoformat(),
            "score": self.score,
            "reasons": list(self.reasons),
        }

    @classmethod
    def from_json(cls, item: Any) -> Session:
        if not isinstance(item, dict):
            raise ValueError("a session is not an object")
        try:
            return cls(
                str(item["scenario"]),
                str(item.get("title", item["scenario"])),
                datetime.fromisoformat(str(item["finished"])),
                int(item["score"]),
                tuple(r for r in item.get("reasons", []) if isinstance(r, dict)),
            )
        except KeyError as exc:
            raise ValueError(f"a session has no {exc.args[0]!r}") from None


def session_of(player: ScenarioPlayer, result: Score, finished: datetime) -> Session:
    """The session to keep: each reason with the text of the reply (or thread) that decided it."""
    reasons = []
    for reason in result.reasons:
        turn = player.turns[reason.turn - 1] if reason.turn is not None else None
        handling = turn.handling if turn is not None else None
        reasons.append(
            {
                "behaviour": reason.behaviour,
                "met": reason.met,
                "why": reason.why,
                "turn": reason.turn,
                "reply": handling.text if handling is not None else "",
                "weight": reason.weight,
            }
        )
    return Session(player.scenario.id, player.scenario.title, finished, result.points, tuple(reasons))


def parse_history(text: str) -> list[Session]:
    """The sessions in a history file's text, oldest first; ValueError says what is wrong."""
    try:
        items = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(f"not valid JSON (line {exc.lineno}: {exc.msg})") from None
    if not isinstance(items, list):
        raise ValueError("not a list of sessions")
    sessions = []
    for number, item in enumerate(items, 1):
        try:
            sessions.append(Session.from_json(item))
        except (ValueError, TypeError) as exc:
            raise ValueError(f"session {number}: {exc}") from None
    return sessions


def history_text(sessions: list[Session]) -> str:
    return json.dumps([s.as_json() for s in sessions], ensure_ascii=False, indent=1)


@dataclass(frozen=True, slots=True)
class ScenarioSummary:
    """How a trainee did on one scenario over time: every score in order, the last and the best."""

    scenario: str
    title: str
    scores: tuple[int, ...]  # oldest first

    @property
    def last(self) -> int:
        return self.scores[-1]

    @property
    def best(self) -> int:
        return max(self.scores)

    @property
    def trend(self) -> int:
        """Points gained (or lost) from the first attempt to the last; 0 with one attempt."""
        return self.scores[-1] - self.scores[0]


def per_scenario(sessions: list[Session]) -> list[ScenarioSummary]:
    """One summary per scenario practised, in the order first practised; the title as last shown."""
    scores: dict[str, list[int]] = {}
    titles: dict[str, str] = {}
    for session in sorted(sessions, key=lambda s: s.finished):
        scores.setdefault(session.scenario, []).append(session.score)
        titles[session.scenario] = session.title
    return [ScenarioSummary(sid, titles[sid], tuple(values)) for sid, values in scores.items()]
