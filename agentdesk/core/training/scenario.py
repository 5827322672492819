"""What a training scenario describes, as data (format: docs/training-scenarios.md).

A scenario is a small branching script: the customer's opening, follow-ups that fire on what the
trainee wrote (or on the trainee not answering), and the behaviours the score is made of.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum

from agentdesk.core.channels import Audience, Channel

OPENING = "opening"  # the step id of the customer's first message(s)


class Check(StrEnum):
    """The behaviours a scenario can expect; each is scored by ``agentdesk.core.training.scoring``."""

    RESPONDS_WITHIN = "responds-within"  # every turn answered within `within` business time
    FITS_LIMIT = "fits-limit"  # every reply fits the platform's limit
    NO_WARNINGS = "no-warnings"  # no reply sent with a blocking finding or an ignored warning
    FORM_OF_ADDRESS = "form-of-address"  # Sie/du as the customer uses it, also after a switch
    PRIVATE_BEFORE_PERSONAL_DATA = "private-before-personal-data"  # personal data only ever in private
    MOVES_PRIVATE = "moves-private"  # at least one private reply
    NO_PROMISE_PUBLIC = "no-promise-public"  # no warranty, refund or contract wording in public
    APOLOGISES = "apologises"  # the first reply apologises
    MENTIONS = "mentions"  # some reply contains one of `keywords`
    AVOIDS = "avoids"  # no reply contains any of `keywords`
    MAX_REPLIES = "max-replies"  # at most `count` replies (do not feed a troll, do not answer spam)
    MARKS_SPAM = "marks-spam"  # the conversation is marked as spam
    ESCALATES = "escalates"  # escalated, or a reply names where it goes (`keywords`)
    SPELLING = "spelling"  # no misspelled words in any reply


#: Checks that need `keywords` in the file.
KEYWORD_CHECKS = frozenset({Check.MENTIONS, Check.AVOIDS})


class Action(StrEnum):
    """What the trainee did with a turn."""

    REPLY = "reply"
    SKIP = "skip"  # not answered (yet): time passes
    SPAM = "spam"  # marked as spam: the scenario ends
    ESCALATE = "escalate"  # handed on (PR, legal, data protection): the scenario goes on


@dataclass(frozen=True, slots=True)
class Persona:
    name: str
    handle: str
    mood: str
    form: str  # "sie", "du" or "" (English)
    followers: int = 0


@dataclass(frozen=True, slots=True)
class CustomerMessage:
    """One message in a step; ``author``/``handle`` set when someone else joins in (a storm)."""

    text: str
    delay: timedelta = timedelta(0)  # after the step fires
    author: str = ""
    handle: str = ""


@dataclass(frozen=True, slots=True)
class Condition:
    """All given fields must hold for the trainee's handling of a turn; None means "any"."""

    no_reply: bool = False  # fires only when the trainee did not answer
    keywords: tuple[str, ...] = ()  # any of them in the reply
    apologised: bool | None = None
    private: bool | None = None
    asked_personal_data_public: bool | None = None
    promised_public: bool | None = None
    form_kept: bool | None = None
    waited_over: timedelta | None = None  # the trainee took longer than this
    escalated: bool | None = None


@dataclass(frozen=True, slots=True)
class Step:
    """Customer messages that the trainee answers as one turn; the opening is a step too."""

    id: str
    line: int
    answers: tuple[str, ...]  # the steps whose reply this follows (empty for the opening)
    when: Condition
    delay: timedelta  # after the reply (or, for `no_reply`, after the turn arrived)
    messages: tuple[CustomerMessage, ...]
    audience: Audience | None = None  # None: the audience of the reply it follows
    form: str | None = None  # the customer switches form of address from here on
    ends: bool = False  # a closing message: no reply expected


@dataclass(frozen=True, slots=True)
class Expectation:
    check: Check
    weight: int
    line: int
    label: dict[str, str] = field(default_factory=dict)  # language -> what the behaviour is; default per check
    within: timedelta | None = None
    keywords: tuple[str, ...] = ()
    count: int = 0


@dataclass(frozen=True, slots=True)
class TrainingScenario:
    id: str
    title: str
    language: str  # "de" or "en"
    channel: Channel
    audience: Audience
    starts: datetime  # the opening's arrival, as a naive local time of the business calendar
    persona: Persona
    opening: Step
    follow_ups: tuple[Step, ...]
    expect: tuple[Expectation, ...]
    summary: str = ""
    topic: str = ""
