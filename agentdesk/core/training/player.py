"""Playing a training scenario: turns, the trainee's handling of each, and the branch that follows.

Pure: time comes in with each handling (the simulated moment the trainee acted), so the same
player runs headless from a replies file (``agentdesk train``) and live on the sandbox's clock.
A follow-up may only answer an earlier step, so every play ends.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from agentdesk.core.channels import Audience
from agentdesk.core.checks import Guidelines
from agentdesk.core.checks.messages import Language
from agentdesk.core.spelling import Lexicon
from agentdesk.core.training.reply_facts import ReplyFacts, has_keyword, reply_facts
from agentdesk.core.training.scenario import Action, Condition, CustomerMessage, Step, TrainingScenario


@dataclass(frozen=True, slots=True)
class Handling:
    """What the trainee did with a turn, ``after`` the turn's first message arrived (simulated time).

    A reply split into a thread keeps its ``parts`` (each sent as its own post, each counted against
    the limit); ``text`` is then the parts joined by blank lines, for the words the branches look for.
    """

    action: Action
    after: timedelta
    text: str = ""
    audience: Audience = Audience.PUBLIC
    parts: tuple[str, ...] = ()

    @classmethod
    def thread(cls, after: timedelta, parts: tuple[str, ...]) -> Handling:
        """A public reply sent as a thread of ``parts``."""
        return cls(Action.REPLY, after, "\n\n".join(parts), Audience.PUBLIC, parts)


@dataclass(frozen=True, slots=True)
class Arrival:
    at: datetime
    message: CustomerMessage


@dataclass
class Turn:
    """Customer messages the trainee answers at once; number 1 is the opening."""

    number: int
    step: Step
    arrived: datetime
    messages: tuple[Arrival, ...]
    audience: Audience  # where the customer wrote, and where a reply goes by default
    form: str  # the customer's form of address in this turn
    handling: Handling | None = None
    facts: ReplyFacts | None = None

    @property
    def handled_at(self) -> datetime | None:
        return None if self.handling is None else self.arrived + self.handling.after

    @property
    def answered(self) -> bool:
        return self.handling is not None and self.handling.action is not Action.SKIP

    @property
    def replied(self) -> bool:
        return self.handling is not None and self.handling.action is Action.REPLY


@dataclass(frozen=True, slots=True)
class PlayContext:
    """What checks and scoring need besides the scenario: guidelines, words, the calendar's zone."""

    guidelines: Guidelines
    lexicons: Mapping[str, Lexicon]
    tz: ZoneInfo
    language: Language = "en"  # of the findings and reasons
    company_names: frozenset[str] = frozenset()


@dataclass
class ScenarioPlayer:
    scenario: TrainingScenario
    context: PlayContext
    turns: list[Turn] = field(default_factory=list)
    finished: bool = False

    def __post_init__(self) -> None:
        start = self.scenario.starts.replace(tzinfo=self.context.tz)
        self._open(self.scenario.opening, start, self.scenario.audience, self.scenario.persona.form)

    @property
    def current(self) -> Turn | None:
        """The turn waiting for the trainee, or None once the scenario is over."""
        return None if self.finished else self.turns[-1]

    @property
    def known_names(self) -> frozenset[str]:
        """Words that are names, not spelling mistakes: the customer's, the company's."""
        persona = self.scenario.persona
        names = {persona.name, persona.handle, *self.context.company_names}
        return frozenset(word for name in names for word in name.replace("@", " ").split() if word)

    def handle(self, handling: Handling) -> Turn | None:
        """Record the trainee's handling of the current turn; returns the customer's next turn, if any."""
        turn = self.current
        if turn is None:
            raise RuntimeError("the scenario is over")
        turn.handling = handling
        if handling.action is Action.REPLY:
            turn.facts = reply_facts(
                handling.text,
                self.scenario.channel,
                handling.audience,
                guidelines=self.context.guidelines,
                form=turn.form if self.scenario.language == "de" else "",
                language=self.context.language,
                lexicons=self.context.lexicons,
                known_names=self.known_names,
                parts=handling.parts,
            )
        if handling.action is Action.SPAM:
            self.finished = True
            return None
        step = next((s for s in self._candidates(turn) if self._holds(s.when, turn)), None)
        if step is None:
            self.finished = True
            return None
        since = turn.arrived if step.when.no_reply else turn.arrived + handling.after
        reply_audience = turn.facts.audience if turn.facts is not None else turn.audience
        return self._open(step, since + step.delay, step.audience or reply_audience, step.form or turn.form)

    def next_nudge(self) -> datetime | None:
        """When the customer writes again if the current turn stays unanswered (for the live clock)."""
        turn = self.current
        step = next((s for s in self._candidates(turn) if s.when.no_reply), None) if turn else None
        return None if turn is None or step is None else turn.arrived + step.delay

    def _candidates(self, turn: Turn) -> Iterable[Step]:
        return (s for s in self.scenario.follow_ups if turn.step.id in s.answers)

    def _holds(self, when: Condition, turn: Turn) -> bool:
        handling = turn.handling
        assert handling is not None
        if when.no_reply:
            return handling.action is Action.SKIP
        if handling.action is Action.SKIP:
            return False
        facts = turn.facts
        text = handling.text
        checks: list[bool | None] = [
            None if when.escalated is None else when.escalated == (handling.action is Action.ESCALATE),
            None if not when.keywords else has_keyword(text, when.keywords) is not None,
            None if when.waited_over is None else handling.after > when.waited_over,
        ]
        for name in ("apologised", "private", "asked_personal_data_public", "promised_public", "form_kept"):
            wanted = getattr(when, name)
            if wanted is not None:
                checks.append(facts is not None and getattr(facts, name) == wanted)
        return all(c is not False for c in checks)

    def _open(self, step: Step, at: datetime, audience: Audience, form: str) -> Turn:
        arrivals = tuple(Arrival(at + m.delay, m) for m in step.messages)
        turn = Turn(len(self.turns) + 1, step, at, arrivals, audience, form)
        self.turns.append(turn)
        self.finished = step.ends
        return turn


def play(scenario: TrainingScenario, handlings: Iterable[Handling], context: PlayContext) -> ScenarioPlayer:
    """Play headless: one handling per turn, in order; when they run out, the trainee stays silent."""
    player = ScenarioPlayer(scenario, context)
    pending = iter(handlings)
    while player.current is not None:
        player.handle(next(pending, None) or Handling(Action.SKIP, timedelta(0)))
    return player
