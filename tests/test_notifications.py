"""The notification rules and the watch, with the time passed in: what reaches the desktop when."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from agentdesk.core.channels import Audience, Channel
from agentdesk.core.entities import ConversationRow, Status
from agentdesk.core.notifications import (
    ConversationWatch,
    Notice,
    NoticeKind,
    NotificationGate,
    NotificationRules,
    Verdict,
    bundle,
    is_new_customer_message,
    working_calendar,
    working_hours_words,
)
from agentdesk.core.sla import DEFAULT_POLICY, BusinessCalendar, SlaState, SlaStatus, sla_state

BERLIN = ZoneInfo("Europe/Berlin")
MONDAY_10 = datetime(2026, 11, 23, 10, 0, tzinfo=BERLIN)
SATURDAY_10 = datetime(2026, 11, 28, 10, 0, tzinfo=BERLIN)
HOURS = BusinessCalendar.parse_hours("mon-fri 08:00-18:00", holidays="DE")
AT_RISK = DEFAULT_POLICY.at_risk
ME = "Alex Berger"


def _row(cid: int = 1, assignee: str = "", **changes: object) -> ConversationRow:
    row = ConversationRow(
        cid, Channel.X, Audience.PUBLIC, "Kim Berger", "@kim", "Paket?", Status.OPEN, assignee, MONDAY_10, None, False
    )
    return replace(row, **changes)  # type: ignore[arg-type]


def _notice(cid: int | None = 1, kind: NoticeKind = NoticeKind.ASSIGNED) -> Notice:
    return Notice(kind, cid, "Kim Berger")


# --- the rules --------------------------------------------------------------------------------------
def test_one_notice_per_conversation_per_minute() -> None:
    gate = NotificationGate(NotificationRules(working_hours=HOURS))
    assert gate.decide(_notice(1), MONDAY_10) is Verdict.SHOW
    assert gate.decide(_notice(1, NoticeKind.AT_RISK), MONDAY_10 + timedelta(seconds=59)) is Verdict.TOO_SOON
    assert gate.decide(_notice(2), MONDAY_10 + timedelta(seconds=59)) is Verdict.SHOW  # another conversation
    assert gate.decide(_notice(1), MONDAY_10 + timedelta(minutes=1)) is Verdict.SHOW


def test_a_notice_held_back_does_not_restart_the_minute() -> None:
    gate = NotificationGate(NotificationRules())
    gate.decide(_notice(1), MONDAY_10)
    gate.decide(_notice(1), MONDAY_10 + timedelta(seconds=40))
    assert gate.decide(_notice(1), MONDAY_10 + timedelta(seconds=61)) is Verdict.SHOW


def test_quiet_outside_working_hours_and_on_holidays() -> None:
    gate = NotificationGate(NotificationRules(working_hours=HOURS))
    assert gate.decide(_notice(1), SATURDAY_10) is Verdict.QUIET
    assert gate.decide(_notice(2), datetime(2026, 11, 23, 18, 0, tzinfo=BERLIN)) is Verdict.QUIET  # closing time
    assert gate.decide(_notice(3), datetime(2026, 12, 25, 10, 0, tzinfo=BERLIN)) is Verdict.QUIET  # Christmas Day
    assert gate.decide(_notice(4), datetime(2026, 11, 23, 17, 59, tzinfo=BERLIN)) is Verdict.SHOW
    # a quiet notice is not remembered: the first one at work is shown
    assert gate.decide(_notice(1), MONDAY_10) is Verdict.SHOW


def test_a_type_turned_off_is_never_shown() -> None:
    rules = NotificationRules(working_hours=HOURS).with_kind(NoticeKind.NEW_MESSAGE, False)
    gate = NotificationGate(rules)
    assert gate.decide(_notice(1, NoticeKind.NEW_MESSAGE), MONDAY_10) is Verdict.TYPE_OFF
    assert gate.decide(_notice(1, NoticeKind.ASSIGNED), MONDAY_10) is Verdict.SHOW
    assert NoticeKind.NEW_MESSAGE in rules.with_kind(NoticeKind.NEW_MESSAGE, True).enabled


def test_working_hours_default_to_the_opening_hours_and_have_their_own_words() -> None:
    desk = working_calendar("", "mon-fri 08:00-18:00", tz="Europe/Berlin", holidays="DE", closed="12-24")
    assert working_hours_words(desk, "de") == "Mo–Fr 8–18"
    early = working_calendar("mo-fr 7-15", "mon-fri 08:00-18:00", tz="Europe/Berlin", holidays="DE", closed="")
    assert working_hours_words(early, "en") == "Mon–Fri 07:00–15:00"
    with pytest.raises(ValueError, match="closing time must be after opening time"):
        working_calendar("mon 18-8", "mon-fri 08:00-18:00", tz="Europe/Berlin", holidays="DE", closed="")


def test_many_notices_of_a_kind_become_one_that_counts_them() -> None:
    many = [_notice(cid) for cid in range(1, 6)] + [_notice(9, NoticeKind.AT_RISK)]
    bundled = bundle(many)
    assert [(n.kind, n.count) for n in bundled] == [(NoticeKind.ASSIGNED, 5), (NoticeKind.AT_RISK, 1)]
    assert bundled[0].conversation_id == 1  # a click opens the first
    assert bundle(many[:3]) == many[:3]


def test_the_minute_counts_a_summary_and_a_storm_by_their_own_key() -> None:
    gate = NotificationGate(NotificationRules())
    storm = Notice(NoticeKind.STORM, None, "Störung Router")
    assert gate.decide(storm, MONDAY_10) is Verdict.SHOW
    assert gate.decide(storm, MONDAY_10 + timedelta(seconds=10)) is Verdict.TOO_SOON
    assert gate.decide(Notice(NoticeKind.STORM, None, "Lieferung"), MONDAY_10) is Verdict.SHOW


# --- the watch --------------------------------------------------------------------------------------
def test_assigned_to_me_by_someone_else_or_for_a_new_conversation() -> None:
    watch = ConversationWatch(ME)
    watch.seed([_row(1, "Sophie Krüger"), _row(2, ME), _row(3, "")])
    notices = watch.observe([_row(1, ME), _row(2, ME), _row(3, "Aylin Demir"), _row(4, ME)], background=())
    assert [(n.kind, n.conversation_id) for n in notices] == [(NoticeKind.ASSIGNED, 1), (NoticeKind.ASSIGNED, 4)]
    assert watch.observe([_row(1, ME)], background=()) == []  # still mine: no news


def test_nothing_is_announced_before_the_store_is_known() -> None:
    watch = ConversationWatch(ME)
    assert watch.observe([_row(1, ME)], background=()) == []  # first sight, no seed yet
    watch.seed([])
    assert watch.observe([_row(1, "Sophie Krüger"), _row(2, "")], background=()) == []


def test_my_own_assignment_is_no_news() -> None:
    watch = ConversationWatch(ME)
    watch.seed([_row(1, ""), _row(2, ME)])
    watch.own_assignment(1)
    watch.own_assignment(2)  # already mine: nothing to wait for
    assert watch.observe([_row(1, ME)], background=()) == []
    watch.observe([_row(1, "Sophie Krüger"), _row(2, "Sophie Krüger")], background=())
    notices = watch.observe([_row(1, ME), _row(2, ME)], background=())  # given back by someone else
    assert [n.conversation_id for n in notices] == [1, 2]


def test_a_new_customer_message_in_the_background_only() -> None:
    later = MONDAY_10 + timedelta(minutes=5)
    read = _row(1, ME, waiting_since=MONDAY_10)
    news = replace(read, unread=True, last_message_at=later, preview="Hallo??", waiting_since=MONDAY_10)
    watch = ConversationWatch(ME)
    watch.seed([read, replace(read, id=2)])
    notices = watch.observe([news, replace(news, id=2)], background={1})
    assert [(n.kind, n.conversation_id, n.detail) for n in notices] == [(NoticeKind.NEW_MESSAGE, 1, "Hallo??")]


def test_what_counts_as_a_new_customer_message() -> None:
    later = MONDAY_10 + timedelta(minutes=5)
    read = _row(1, ME, waiting_since=MONDAY_10)
    assert is_new_customer_message(read, replace(read, unread=True, last_message_at=later, preview="Und?"))
    assert not is_new_customer_message(read, replace(read, last_message_at=later))  # our reply or a note: read
    unread = replace(read, unread=True)
    note = replace(unread, last_message_at=later)  # a colleague's note: the customer's last line stays
    assert not is_new_customer_message(unread, note)
    assert is_new_customer_message(unread, replace(note, preview="Und jetzt?"))
    answered = replace(read, unread=True, last_message_at=later, waiting_since=None)
    assert not is_new_customer_message(read, answered)


def _state_of(row: ConversationRow, now: datetime) -> SlaStatus | None:
    return None if row.waiting_since is None else sla_state(row.waiting_since, now, DEFAULT_POLICY, HOURS)


def test_mine_turning_at_risk_once_as_time_passes() -> None:
    watch = ConversationWatch(ME)
    watch.seed([_row(1, ME, waiting_since=MONDAY_10), _row(2, "Sophie Krüger", waiting_since=MONDAY_10)])
    assert watch.tick(MONDAY_10 + timedelta(minutes=80), _state_of, AT_RISK) == []  # on track; a first look
    notices = watch.tick(MONDAY_10 + timedelta(minutes=95), _state_of, AT_RISK)  # 25 min left of 2 h
    assert [(n.kind, n.conversation_id, n.detail) for n in notices] == [(NoticeKind.AT_RISK, 1, "25 min")]
    assert watch.tick(MONDAY_10 + timedelta(minutes=100), _state_of, AT_RISK) == []  # still at risk
    assert watch.tick(MONDAY_10 + timedelta(minutes=130), _state_of, AT_RISK) == []  # breached is no new notice


def test_already_at_risk_at_first_sight_and_jumping_to_breached_are_silent() -> None:
    watch = ConversationWatch(ME)
    watch.seed([_row(1, ME, waiting_since=MONDAY_10)])
    assert watch.tick(MONDAY_10 + timedelta(minutes=100), _state_of, AT_RISK) == []
    jumper = ConversationWatch(ME)
    jumper.seed([_row(1, ME, waiting_since=MONDAY_10)])
    jumper.tick(MONDAY_10, _state_of, AT_RISK)
    assert jumper.tick(MONDAY_10 + timedelta(hours=3), _state_of, AT_RISK) == []
    assert _state_of(_row(1, ME, waiting_since=MONDAY_10), MONDAY_10 + timedelta(hours=3)).state is SlaState.BREACHED


def test_reassigned_away_is_no_longer_watched() -> None:
    watch = ConversationWatch(ME)
    watch.seed([_row(1, ME, waiting_since=MONDAY_10)])
    watch.tick(MONDAY_10, _state_of, AT_RISK)
    watch.observe([_row(1, "Sophie Krüger", waiting_since=MONDAY_10)], background=())
    assert watch.tick(MONDAY_10 + timedelta(minutes=95), _state_of, AT_RISK) == []


def test_a_tick_asks_only_about_what_could_have_turned() -> None:
    asked: list[int] = []

    def counting(row: ConversationRow, now: datetime) -> SlaStatus | None:
        asked.append(row.id)
        return _state_of(row, now)

    watch = ConversationWatch(ME)
    watch.seed([_row(1, ME, waiting_since=MONDAY_10), _row(2, ME)])  # 2: nobody waits
    watch.tick(MONDAY_10, counting, AT_RISK)
    assert sorted(asked) == [1, 2]
    for minute in range(1, 90):  # 2 h - 30 min: nothing can turn before 11:30
        watch.tick(MONDAY_10 + timedelta(minutes=minute), counting, AT_RISK)
    assert sorted(asked) == [1, 2]
    notices = watch.tick(MONDAY_10 + timedelta(minutes=90), counting, AT_RISK)
    assert [n.conversation_id for n in notices] == [1]
    watch.observe([_row(2, ME, waiting_since=MONDAY_10 + timedelta(minutes=90))], background=())  # she wrote
    watch.tick(MONDAY_10 + timedelta(minutes=91), counting, AT_RISK)
    assert asked[-1] == 2
