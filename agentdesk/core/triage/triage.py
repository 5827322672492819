"""The one entry point the sync engine, the CLI and the bench use: process a message, learn a decision.

Not thread-safe by design: the app owns one ``Triage`` per profile on a worker thread and
feeds it messages in time order; the GUI thread only reads the results it is handed.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from agentdesk.core.triage.bayes import SpamBayes
from agentdesk.core.triage.records import Reason, TriageInput, TriageResult
from agentdesk.core.triage.relevance import relevance
from agentdesk.core.triage.sentiment import NEGATIVE, sentiment
from agentdesk.core.triage.spam_rules import SpamRules
from agentdesk.core.triage.storm import StormDetector, StormSettings
from agentdesk.core.triage.text import Analysed, analyse
from agentdesk.core.triage.topics import TopicStore

STATE_VERSION = 1
_LEARNED_REASON = 1.0  # log-odds from lessons beyond which the lessons are named as a reason
_LEARNED_SPAM = Reason("learned-spam", "resembles posts marked as spam")
_LEARNED_NOT_SPAM = Reason("learned-not-spam", "resembles posts marked as not spam")


@dataclass(frozen=True, slots=True)
class TriageSettings:
    """Per-profile knobs; the defaults are the ones evaluated in ``bench/README.md``."""

    spam_threshold: float = 0.5
    vip_authors: frozenset[str] = frozenset()
    topic_window: timedelta = timedelta(days=3)
    topic_threshold: float = 0.15
    storm: StormSettings = field(default_factory=StormSettings)


class Triage:
    """Spam, topic, relevance and storm verdicts for a stream of messages in time order."""

    def __init__(self, settings: TriageSettings | None = None, state: dict[str, Any] | None = None) -> None:
        self.settings = settings or TriageSettings()
        self._vips = frozenset(a.lower() for a in self.settings.vip_authors)
        self._bayes = SpamBayes() if state is None else _bayes_from_state(state)
        self._rules = SpamRules()
        self.topics = TopicStore(self.settings.topic_window, self.settings.topic_threshold)
        self._storms = StormDetector(self.settings.storm)

    def process(self, msg: TriageInput) -> TriageResult:
        """Score, group and watch one message; the result explains itself in ``reasons``."""
        analysed = analyse(msg.text)
        spam, spam_score, rank, tone, reasons = self._judge(msg, analysed)
        if spam:
            return TriageResult(msg.id, True, spam_score, None, None, rank, tone, reasons)
        topic_id = self.topics.add(msg.id, msg.text, msg.at, analysed)
        label = self.topics.label(topic_id) or ""
        alarm = None
        if tone <= NEGATIVE:
            alarm = self._storms.observe(topic_id, label, msg.id, msg.at, rank)
        return TriageResult(msg.id, False, spam_score, topic_id, label, rank, tone, reasons, alarm)

    def score(self, msg: TriageInput) -> TriageResult:
        """Spam, tone and relevance only, without grouping: for re-scoring a queue after a lesson."""
        spam, spam_score, rank, tone, reasons = self._judge(msg, analyse(msg.text))
        return TriageResult(msg.id, spam, spam_score, None, None, rank, tone, reasons)

    def _judge(self, msg: TriageInput, analysed: Analysed) -> tuple[bool, float, float, float, tuple[Reason, ...]]:
        """(spam, spam score, relevance, tone, reasons): spam's reasons for spam, else the ranking's."""
        rule_logit, spam_reasons = self._rules.score(msg, analysed)
        learned = self._bayes.log_odds(analysed)
        if learned >= _LEARNED_REASON:
            spam_reasons.append(_LEARNED_SPAM)
        elif learned <= -_LEARNED_REASON:
            spam_reasons.append(_LEARNED_NOT_SPAM)
        spam_score = 1.0 / (1.0 + math.exp(-(rule_logit + learned)))
        tone = sentiment(analysed)
        rank, rank_reasons = relevance(
            analysed, msg.followers, tone, bool(self._vips) and msg.author.lower() in self._vips
        )
        if spam_score >= self.settings.spam_threshold:
            return True, spam_score, rank * (1.0 - spam_score), tone, tuple(spam_reasons)
        return False, spam_score, rank, tone, tuple(rank_reasons)

    def learn(self, text: str, is_spam: bool) -> None:
        """Take the agent's *Mark spam* / *Not spam*; the next similar message is judged by it."""
        self._bayes.learn(analyse(text), is_spam)

    def state(self) -> dict[str, Any]:
        """What the profile keeps between sessions: the learned classifier, as plain JSON data."""
        return {"version": STATE_VERSION, "spam_classifier": self._bayes.to_dict()}


def _bayes_from_state(state: dict[str, Any]) -> SpamBayes:
    if state.get("version") != STATE_VERSION or "spam_classifier" not in state:
        raise ValueError(f"unsupported triage state (version {state.get('version')!r})")
    return SpamBayes.from_dict(state["spam_classifier"])
