"""The storm alarm: negative posts on one topic far above that topic's usual rate.

A sliding window (default 30 minutes) is compared with the same topic's rate over the hours
before it. A floor on the baseline keeps a brand-new topic from alarming on its first few
posts, and a cool-down keeps one storm from raising an alarm per message.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from datetime import datetime, timedelta

from agentdesk.core.triage.records import StormAlarm

_EXAMPLES = 3
_SWEEP_EVERY = timedelta(hours=1)


@dataclass(frozen=True, slots=True)
class StormSettings:
    """Tuning knobs; the defaults are what ``bench/bench_triage.py`` reports on."""

    window: timedelta = timedelta(minutes=30)
    baseline: timedelta = timedelta(hours=6)
    factor: float = 4.0
    min_count: int = 6
    floor_per_hour: float = 1.0
    cooldown: timedelta = timedelta(hours=2)


class StormDetector:
    """Feed it every negative post with its topic, in time order; it returns an alarm when one fires."""

    def __init__(self, settings: StormSettings | None = None) -> None:
        self.settings = settings or StormSettings()
        self._negatives: dict[int, deque[tuple[datetime, str, float]]] = {}
        self._quiet_until: dict[int, datetime] = {}
        self._next_sweep: datetime | None = None

    def observe(
        self, topic_id: int, topic_label: str, message_id: str, at: datetime, relevance: float
    ) -> StormAlarm | None:
        """Record one negative post; an alarm if its topic just broke out."""
        s = self.settings
        if self._next_sweep is None or at >= self._next_sweep:
            self._sweep(at)
        history = self._negatives.setdefault(topic_id, deque())
        history.append((at, message_id, relevance))
        window_start = at - s.window
        while history[0][0] < window_start - s.baseline:
            history.popleft()
        recent = [entry for entry in history if entry[0] >= window_start]
        if len(recent) < s.min_count or at < self._quiet_until.get(topic_id, at):
            return None
        hours = s.window.total_seconds() / 3600
        rate = len(recent) / hours
        baseline = (len(history) - len(recent)) / (s.baseline.total_seconds() / 3600)
        if rate < s.factor * max(baseline, s.floor_per_hour):
            return None
        self._quiet_until[topic_id] = at + s.cooldown
        examples = sorted(recent, key=lambda e: -e[2])[:_EXAMPLES]
        return StormAlarm(
            topic_id=topic_id,
            topic_label=topic_label,
            at=at,
            rate=rate,
            baseline=baseline,
            message_ids=tuple(e[1] for e in recent),
            example_ids=tuple(e[1] for e in examples),
        )

    def _sweep(self, now: datetime) -> None:
        """Drop topics with no negative post in the horizon (at most hourly) so memory stays flat."""
        self._next_sweep = now + _SWEEP_EVERY
        horizon = now - self.settings.window - self.settings.baseline - self.settings.cooldown
        for topic_id in [t for t, h in self._negatives.items() if h[-1][0] < horizon]:
            del self._negatives[topic_id]
            self._quiet_until.pop(topic_id, None)
