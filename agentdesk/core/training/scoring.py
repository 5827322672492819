"""The score after a scenario: out of 100, one reason per expected behaviour, each pointing at the
turn whose reply decided it. Response times count in business time (core.sla): a message that
arrives on Friday night is not late on Saturday.

Reasons are plain sentences built only from the play, so the same replies always give the same
words (tests and supervisors rely on that).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from agentdesk.core.checks import BLOCKING
from agentdesk.core.sla import BusinessCalendar, business_time_between, format_span
from agentdesk.core.training.player import ScenarioPlayer, Turn
from agentdesk.core.training.reply_facts import has_keyword
from agentdesk.core.training.scenario import Action, Check, Expectation
from agentdesk.core.training.words import behaviour_label, why


@dataclass(frozen=True, slots=True)
class Reason:
    check: str
    behaviour: str
    met: bool
    why: str
    turn: int | None  # the turn whose handling decided it; None when no single turn did
    weight: int

    def as_json(self) -> dict[str, object]:
        return {"behaviour": self.behaviour, "met": self.met, "why": self.why, "turn": self.turn, "check": self.check}


@dataclass(frozen=True, slots=True)
class Score:
    scenario: str
    points: int  # 0–100
    reasons: tuple[Reason, ...]

    def as_json(self) -> dict[str, object]:
        return {"scenario": self.scenario, "score": self.points, "reasons": [r.as_json() for r in self.reasons]}


Verdict = tuple[bool, str, int | None]


def score(player: ScenarioPlayer, calendar: BusinessCalendar) -> Score:
    """Score a finished (or abandoned) play; unanswered turns count as not answered."""
    judge = _Judge(player, calendar)
    reasons = []
    for expectation in player.scenario.expect:
        met, text, turn = judge.verdict(expectation)
        label = behaviour_label(expectation, player.context.language)
        reasons.append(Reason(expectation.check.value, label, met, text, turn, expectation.weight))
    total = sum(r.weight for r in reasons)
    points = round(100 * sum(r.weight for r in reasons if r.met) / total)
    return Score(player.scenario.id, points, tuple(reasons))


class _Judge:
    def __init__(self, player: ScenarioPlayer, calendar: BusinessCalendar) -> None:
        self.player = player
        self.calendar = calendar
        self.language = player.context.language
        # The closing message of a scenario ("Thanks, all good!") needs no answer.
        self.due = [t for t in player.turns if not t.step.ends]
        self.replies = [t for t in player.turns if t.replied]

    def say(self, key: str, **values: object) -> str:
        return why(key, self.language, **values)

    def verdict(self, expectation: Expectation) -> Verdict:
        judges: dict[Check, Callable[[Expectation], Verdict]] = {
            Check.RESPONDS_WITHIN: self.responds_within,
            Check.FITS_LIMIT: self.fits_limit,
            Check.NO_WARNINGS: self.no_warnings,
            Check.FORM_OF_ADDRESS: self.form_of_address,
            Check.PRIVATE_BEFORE_PERSONAL_DATA: self.private_before_personal_data,
            Check.MOVES_PRIVATE: self.moves_private,
            Check.NO_PROMISE_PUBLIC: self.no_promise_public,
            Check.APOLOGISES: self.apologises,
            Check.MENTIONS: self.mentions,
            Check.AVOIDS: self.avoids,
            Check.MAX_REPLIES: self.max_replies,
            Check.MARKS_SPAM: self.marks_spam,
            Check.ESCALATES: self.escalates,
            Check.SPELLING: self.spelling,
        }
        return judges[expectation.check](expectation)

    def _first_bad(self, bad: Callable[[Turn], bool]) -> Turn | None:
        return next((t for t in self.replies if bad(t)), None)

    # --- one method per check ----------------------------------------------------------------------
    def responds_within(self, e: Expectation) -> Verdict:
        assert e.within is not None
        limit = format_span(e.within)
        if not self.due:
            return True, self.say("nothing-to-answer"), None
        slowest: tuple[timedelta, Turn] | None = None
        for turn in self.due:
            if not turn.answered:
                return False, self.say("never-answered", turn=turn.number, limit=limit), turn.number
            assert turn.handled_at is not None
            took = business_time_between(turn.arrived, turn.handled_at, self.calendar)
            if took > e.within:
                return False, self.say("too-slow", turn=turn.number, took=format_span(took), limit=limit), turn.number
            if slowest is None or took > slowest[0]:
                slowest = (took, turn)
        assert slowest is not None
        took, turn = slowest
        return True, self.say("in-time", turn=turn.number, took=format_span(took), limit=limit), turn.number

    def fits_limit(self, _e: Expectation) -> Verdict:
        bad = self._first_bad(lambda t: t.facts is not None and not t.facts.fits)
        if bad is None:
            return True, self.say("fits"), None
        assert bad.facts is not None
        return False, self.say("too-long", turn=bad.number, length=bad.facts.length, limit=bad.facts.limit), bad.number

    def no_warnings(self, _e: Expectation) -> Verdict:
        bad = self._first_bad(lambda t: t.facts is not None and bool(t.facts.findings))
        if bad is None:
            return True, self.say("no-findings"), None
        assert bad.facts is not None
        finding = bad.facts.findings[0]
        key = "sent-blocked" if finding.severity == BLOCKING else "ignored-warning"
        return False, self.say(key, turn=bad.number, message=finding.message), bad.number

    def form_of_address(self, _e: Expectation) -> Verdict:
        bad = self._first_bad(lambda t: t.facts is not None and not t.facts.form_kept)
        if bad is not None:
            assert bad.facts is not None
            finding = bad.facts.finding("form-of-address")
            message = finding.message if finding else ""
            return False, self.say("form-broken", turn=bad.number, message=message), bad.number
        switched = next((t for t in self.replies if t.form != self.player.scenario.persona.form), None)
        if switched is not None:
            return True, self.say("form-followed", turn=switched.number, form=_form(switched.form)), switched.number
        form = _form(self.player.scenario.persona.form)
        return True, self.say("form-kept", form=form), None

    def private_before_personal_data(self, _e: Expectation) -> Verdict:
        bad = self._first_bad(lambda t: t.facts is not None and t.facts.asked_personal_data_public)
        if bad is not None:
            return False, self.say("data-public", turn=bad.number), bad.number
        private = self._first_bad(lambda t: t.facts is not None and t.facts.private)
        if private is not None:
            return True, self.say("data-private", turn=private.number), private.number
        return True, self.say("no-data-asked"), None

    def moves_private(self, _e: Expectation) -> Verdict:
        private = self._first_bad(lambda t: t.facts is not None and t.facts.private)
        if private is None:
            return False, self.say("stayed-public"), None
        return True, self.say("went-private", turn=private.number), private.number

    def no_promise_public(self, _e: Expectation) -> Verdict:
        bad = self._first_bad(lambda t: t.facts is not None and t.facts.promised_public)
        if bad is None:
            return True, self.say("no-promise"), None
        assert bad.facts is not None
        finding = bad.facts.finding("promise")
        return False, self.say("promised", turn=bad.number, message=finding.message if finding else ""), bad.number

    def apologises(self, _e: Expectation) -> Verdict:
        first = self.replies[0] if self.replies else None
        if first is None:
            return False, self.say("no-reply-at-all"), None
        assert first.facts is not None
        if first.facts.apologised:
            return True, self.say("apologised", turn=first.number), first.number
        return False, self.say("no-apology", turn=first.number), first.number

    def mentions(self, e: Expectation) -> Verdict:
        for turn in self.replies:
            assert turn.handling is not None
            found = has_keyword(turn.handling.text, e.keywords)
            if found is not None:
                return True, self.say("mentioned", turn=turn.number, word=found), turn.number
        return False, self.say("not-mentioned", words=", ".join(e.keywords)), None

    def avoids(self, e: Expectation) -> Verdict:
        for turn in self.replies:
            assert turn.handling is not None
            found = has_keyword(turn.handling.text, e.keywords)
            if found is not None:
                return False, self.say("said", turn=turn.number, word=found), turn.number
        return True, self.say("avoided"), None

    def max_replies(self, e: Expectation) -> Verdict:
        if len(self.replies) <= e.count:
            return True, self.say("replies-ok", count=len(self.replies), limit=e.count), None
        extra = self.replies[e.count]
        return False, self.say("too-many-replies", count=len(self.replies), limit=e.count), extra.number

    def marks_spam(self, _e: Expectation) -> Verdict:
        turn = next((t for t in self.player.turns if t.handling and t.handling.action is Action.SPAM), None)
        if turn is None:
            return False, self.say("not-spam"), None
        return True, self.say("marked-spam", turn=turn.number), turn.number

    def escalates(self, e: Expectation) -> Verdict:
        for turn in self.player.turns:
            handling = turn.handling
            if handling is not None and handling.action is Action.ESCALATE:
                return True, self.say("escalated", turn=turn.number), turn.number
            found = has_keyword(handling.text, e.keywords) if handling and e.keywords else None
            if turn.replied and found is not None:
                return True, self.say("referred", turn=turn.number, word=found), turn.number
        return False, self.say("not-escalated"), None

    def spelling(self, _e: Expectation) -> Verdict:
        bad = self._first_bad(lambda t: t.facts is not None and bool(t.facts.misspelled))
        if bad is None:
            return True, self.say("spelling-ok"), None
        assert bad.facts is not None
        words = ", ".join(bad.facts.misspelled[:3])
        return False, self.say("misspelled", turn=bad.number, words=words), bad.number


def _form(form: str) -> str:
    return "Sie" if form == "sie" else "du"
