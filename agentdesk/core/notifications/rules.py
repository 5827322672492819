"""When a notice reaches the desktop: per-type on/off, one per conversation per minute, and
silence outside the agent's working hours (which default to the desk's opening hours).

Kept apart from Qt so the rules are tested with any time the test likes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from agentdesk.core.sla import BusinessCalendar, Language, format_opening_hours, is_open


class NoticeKind(StrEnum):
    ASSIGNED = "assigned"  # a conversation was assigned to me, not by my own hand
    AT_RISK = "at_risk"  # one of mine turned at risk
    NEW_MESSAGE = "new_message"  # the customer wrote in a conversation I have open in the background
    STORM = "storm"  # supervisors: a storm is building


#: In the order the settings menu lists them.
NOTICE_KINDS: tuple[NoticeKind, ...] = tuple(NoticeKind)


@dataclass(frozen=True, slots=True)
class Notice:
    """Something worth telling the agent; the UI puts it into words."""

    kind: NoticeKind
    conversation_id: int | None  # the conversation a click opens; None for a storm
    subject: str  # the customer's name, or the storm's topic
    detail: str = ""  # the customer's words, the business time left, the storm's rate
    count: int = 1  # more than one: several conversations summed up in one notice

    @property
    def key(self) -> str:
        """What the one-per-minute rule counts by: the conversation, else the kind and subject."""
        if self.count > 1:
            return f"{self.kind}:several"
        if self.conversation_id is not None:
            return f"conversation:{self.conversation_id}"
        return f"{self.kind}:{self.subject}"


class Verdict(StrEnum):
    SHOW = "show"
    TYPE_OFF = "type_off"
    QUIET = "quiet"  # outside the agent's working hours
    TOO_SOON = "too_soon"  # this conversation had a notice less than a minute ago


@dataclass(frozen=True, slots=True)
class NotificationRules:
    enabled: frozenset[NoticeKind] = frozenset(NoticeKind)
    working_hours: BusinessCalendar | None = None  # None: every hour is working time
    min_gap: timedelta = timedelta(minutes=1)

    def with_kind(self, kind: NoticeKind, on: bool) -> NotificationRules:
        enabled = self.enabled | {kind} if on else self.enabled - {kind}
        return NotificationRules(frozenset(enabled), self.working_hours, self.min_gap)


class NotificationGate:
    """Applies the rules and remembers when each conversation last had a notice."""

    def __init__(self, rules: NotificationRules) -> None:
        self.rules = rules
        self._last: dict[str, datetime] = {}

    def decide(self, notice: Notice, now: datetime) -> Verdict:
        """SHOW records the notice, so a second one for the same conversation waits a minute."""
        rules = self.rules
        if notice.kind not in rules.enabled:
            return Verdict.TYPE_OFF
        if rules.working_hours is not None and not is_open(now, rules.working_hours):
            return Verdict.QUIET
        last = self._last.get(notice.key)
        if last is not None and abs(now - last) < rules.min_gap:
            return Verdict.TOO_SOON
        self._last = {k: t for k, t in self._last.items() if abs(now - t) < rules.min_gap}
        self._last[notice.key] = now
        return Verdict.SHOW


def bundle(notices: Iterable[Notice], most: int = 3) -> list[Notice]:
    """At most ``most`` notices of a kind at once; more become one that counts them (a first sync
    that brings forty conversations assigned to me is one notice, not forty)."""
    by_kind: dict[NoticeKind, list[Notice]] = {}
    for notice in notices:
        by_kind.setdefault(notice.kind, []).append(notice)
    result: list[Notice] = []
    for kind, group in by_kind.items():
        if len(group) <= most:
            result.extend(group)
        else:
            first = group[0]
            result.append(Notice(kind, first.conversation_id, first.subject, first.detail, count=len(group)))
    return result


def working_calendar(
    working_hours: str, opening_hours: str, *, tz: str, holidays: str, closed: str
) -> BusinessCalendar:
    """The agent's working hours (empty: the desk's opening hours) with the desk's holidays and
    closing days; a ValueError says what is wrong, as for the opening hours."""
    return BusinessCalendar.parse_hours(working_hours.strip() or opening_hours, tz=tz, holidays=holidays, closed=closed)


_PREFIX = {"de": "Öffnungszeiten ", "en": "Opening hours "}


def working_hours_words(calendar: BusinessCalendar, language: Language) -> str:
    """'Mo–Fr 8–18' / 'Mon–Fri 08:00–18:00': the weekly hours alone, for a sentence of the UI's own."""
    return format_opening_hours(calendar, language).removeprefix(_PREFIX[language])
