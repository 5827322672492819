"""Team report numbers on hand-checkable data: Mon–Fri 08:00–18:00 in Berlin, the week of
Monday 1 June 2026, a weekend request and a reply across closed hours."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from agentdesk.core.channels import Channel
from agentdesk.core.reports import (
    AttainmentBy,
    DateRange,
    RequestFact,
    attainment,
    attainment_table,
    histogram_table,
    response_histogram,
    team_report,
    timed,
    volume_table,
    weekly_volume,
)
from agentdesk.core.reports.business_clock import BusinessClock
from agentdesk.core.sla import DEFAULT_POLICY, BusinessCalendar, SlaPolicy, business_time_between

BERLIN = ZoneInfo("Europe/Berlin")
CAL = BusinessCalendar.parse_hours("mon-fri 08:00-18:00", tz="Europe/Berlin")
NOW = datetime(2026, 6, 8, 16, 0, tzinfo=BERLIN)  # Monday of the next week
WEEK = DateRange(date(2026, 6, 1), date(2026, 6, 8))


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 6, day, hour, minute, tzinfo=BERLIN)


def fact(received: datetime, replied: datetime | None, channel: Channel, assignee: str) -> RequestFact:
    return RequestFact(0, received, replied, channel, assignee)


FACTS = [
    fact(datetime(2026, 6, 1, 7, 0, tzinfo=UTC), at(1, 9, 10), Channel.X, "Alex"),  # Mon 09:00, 10 min
    fact(at(1, 10), at(1, 10, 20), Channel.X, "Jonas"),  # 20 min
    fact(at(2, 11), at(2, 11, 45), Channel.EMAIL, "Alex"),  # 45 min
    fact(at(2, 14), at(2, 16), Channel.EMAIL, "Jonas"),  # exactly 2 h: within the target
    fact(at(5, 17, 30), at(8, 8, 45), Channel.X, ""),  # Fri 17:30 -> Mon 08:45: 30 + 45 min
    fact(at(6, 11), at(8, 11), Channel.FACEBOOK, "Alex"),  # Saturday -> Mon 11:00: 3 h from the opening
    fact(at(3, 9), at(3, 16), Channel.X, "Jonas"),  # 7 h
    fact(at(8, 15), None, Channel.X, ""),  # unanswered, 1 h so far: still open
    fact(at(4, 17), None, Channel.EMAIL, "Alex"),  # unanswered since Thursday: missed
]
TIMED = timed(FACTS, CAL, NOW)


def test_histogram_counts_business_time_per_bucket() -> None:
    histogram = response_histogram(timed(FACTS, CAL, NOW))
    assert histogram.counts == (1, 1, 1, 2, 1, 1)
    assert histogram.unanswered == 2
    assert histogram.total == 9


def test_a_reply_across_closed_hours_counts_only_opening_hours() -> None:
    weekend = [fact(at(5, 17, 30), at(8, 8, 45), Channel.X, "")]
    assert response_histogram(timed(weekend, CAL, NOW)).counts == (0, 0, 0, 1, 0, 0)  # 75 min, not 63 h


def test_attainment_per_day_lists_every_day_and_leaves_open_requests_out() -> None:
    bars = {b.key: b for b in attainment(TIMED, AttainmentBy.DAY, DEFAULT_POLICY, WEEK)}
    assert list(bars) == [d.isoformat() for d in WEEK.days]
    assert (bars["2026-06-01"].met, bars["2026-06-01"].missed) == (2, 0)
    assert bars["2026-06-03"].share == 0.0
    assert (bars["2026-06-06"].met, bars["2026-06-06"].missed) == (0, 1)  # the Saturday request
    assert bars["2026-06-07"].share is None  # Sunday: no requests
    assert (bars["2026-06-08"].open, bars["2026-06-08"].share) == (1, None)


def test_attainment_per_agent_puts_the_unassigned_pool_last() -> None:
    bars = attainment(TIMED, AttainmentBy.AGENT, DEFAULT_POLICY)
    assert [(b.key, b.met, b.missed, b.open) for b in bars] == [
        ("Alex", 2, 2, 0),
        ("Jonas", 2, 1, 0),
        ("", 1, 0, 1),
    ]
    assert bars[0].share == 0.5


def test_attainment_per_channel() -> None:
    bars = attainment(TIMED, AttainmentBy.CHANNEL, DEFAULT_POLICY)
    assert [(b.key, b.met, b.missed, b.open) for b in bars] == [
        ("email", 2, 1, 0),
        ("facebook", 0, 1, 0),
        ("x", 3, 1, 1),
    ]


def test_later_requests_are_judged_by_the_next_response_target() -> None:
    policy = SlaPolicy(first_response=timedelta(hours=2), next_response=timedelta(minutes=30))
    first = RequestFact(1, at(1, 9), at(1, 9, 45), Channel.X, "Alex", opening=True)
    later = RequestFact(1, at(1, 11), at(1, 11, 45), Channel.X, "Alex", opening=False)
    (bar,) = attainment(timed([first, later], CAL, NOW), AttainmentBy.AGENT, policy)
    assert (bar.met, bar.missed) == (1, 1)


def test_volume_per_hour_of_the_week_in_local_time() -> None:
    volume = weekly_volume(TIMED)
    assert volume.counts[0][9] == 1  # 07:00 UTC is 09:00 in Berlin in summer
    assert volume.counts[0][7] == 0
    assert volume.counts[5][11] == 1  # Saturday 11:00
    assert volume.counts[6] == (0,) * 24
    assert volume.total == 9
    assert volume.peak == 1
    assert weekly_volume(TIMED + TIMED[:1]).peak == 2


def test_date_range_instants_follow_daylight_saving() -> None:
    start, end = DateRange(date(2026, 3, 29), date(2026, 3, 29)).instants(BERLIN)
    assert end - start == timedelta(hours=23)  # the spring-forward Sunday
    assert start.astimezone(UTC) == datetime(2026, 3, 28, 23, 0, tzinfo=UTC)


def test_date_range_presets_and_bad_order() -> None:
    assert DateRange.last_days(1, date(2026, 6, 8)) == DateRange(date(2026, 6, 8), date(2026, 6, 8))
    assert DateRange.last_days(7, date(2026, 6, 8)).first == date(2026, 6, 2)
    assert len(DateRange.last_days(30, date(2026, 6, 8)).days) == 30
    with pytest.raises(ValueError, match="ends"):
        DateRange(date(2026, 6, 8), date(2026, 6, 1))


def test_tables_have_a_header_and_the_numbers() -> None:
    histogram = histogram_table(response_histogram(timed(FACTS, CAL, NOW)))
    assert histogram[0] == ["bucket", "above_minutes", "up_to_minutes", "requests"]
    assert histogram[4] == ["4", "60", "120", "2"]
    assert histogram[6] == ["6", "240", "", "1"]
    assert histogram[-1] == ["unanswered", "", "", "2"]
    agents = attainment_table(attainment(TIMED, AttainmentBy.AGENT, DEFAULT_POLICY), AttainmentBy.AGENT)
    assert agents[0] == ["agent", "met", "missed", "open", "attainment_percent"]
    assert agents[2] == ["Jonas", "2", "1", "0", "66.7"]
    volume = volume_table(weekly_volume(TIMED))
    assert volume[0][:3] == ["weekday", "00", "01"]
    assert volume[1][0] == "Mon" and volume[1][1 + 9] == "1"
    assert len(volume) == 8 and all(len(row) == 25 for row in volume)


def test_the_report_keeps_to_its_days() -> None:
    monday = team_report(FACTS, DateRange(date(2026, 6, 1), date(2026, 6, 1)), DEFAULT_POLICY, CAL, NOW)
    assert monday.requests == 2
    assert monday.histogram.counts == (1, 1, 0, 0, 0, 0)
    assert [(b.key, b.met) for b in monday.attainment[AttainmentBy.DAY]] == [("2026-06-01", 2)]
    assert monday.volume.total == 2
    week = team_report(FACTS, WEEK, DEFAULT_POLICY, CAL, NOW)
    assert (week.requests, week.histogram.unanswered) == (9, 2)
    assert [b.key for b in week.attainment[AttainmentBy.AGENT]] == ["Alex", "Jonas", ""]


LUNCH = BusinessCalendar.parse_hours(
    "mon-fri 08:00-12:00, 13:00-18:00; sat 10:00-14:00", holidays="DE-BY", closed="12-24,12-31"
)
LUNCH_CLOCK = BusinessClock(LUNCH, 2025, 2027)


@settings(max_examples=300, deadline=None)
@given(
    st.datetimes(min_value=datetime(2025, 12, 20), max_value=datetime(2027, 1, 10), timezones=st.just(UTC)),
    st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=20)),
)
def test_the_batch_clock_counts_like_the_sla_clock(start: datetime, span: timedelta) -> None:
    assert LUNCH_CLOCK.between(start, start + span) == business_time_between(start, start + span, LUNCH)
    outside = datetime(2030, 1, 2, 9, tzinfo=UTC)  # beyond the clock's years: the SLA clock answers
    assert LUNCH_CLOCK.between(start, outside) == business_time_between(start, outside, LUNCH)
