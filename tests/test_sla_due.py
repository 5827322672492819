"""Due times a supervisor would check by hand against a wall calendar (100/2, Europe/Berlin)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from agentdesk.core.sla import (
    DEFAULT_POLICY,
    BusinessCalendar,
    SlaPolicy,
    add_business_time,
    business_time_between,
    due_at,
    is_open,
    next_opening,
)

BERLIN = ZoneInfo("Europe/Berlin")
WEEKDAYS = "mon-fri 08:00-18:00"


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=BERLIN)


@pytest.mark.parametrize(
    ("case", "received", "hours", "region", "closed", "expected"),
    [
        ("Friday late -> Monday", "2026-06-05 17:30", WEEKDAYS, "DE", "", "2026-06-08T09:30:00+02:00"),
        ("night request on a workday", "2026-06-09 03:00", WEEKDAYS, "DE", "", "2026-06-09T10:00:00+02:00"),
        ("due exactly at closing", "2026-06-09 16:00", WEEKDAYS, "DE", "", "2026-06-09T18:00:00+02:00"),
        ("Saturday request", "2026-06-06 11:00", WEEKDAYS, "DE", "", "2026-06-08T10:00:00+02:00"),
        ("spring DST weekend", "2026-03-27 17:30", WEEKDAYS, "DE", "", "2026-03-30T09:30:00+02:00"),
        ("autumn DST weekend", "2026-10-23 17:30", WEEKDAYS, "DE", "", "2026-10-26T09:30:00+01:00"),
        ("Good Friday and Easter Monday", "2026-04-02 17:30", WEEKDAYS, "DE", "", "2026-04-07T09:30:00+02:00"),
        ("Whit Monday", "2026-05-22 17:30", WEEKDAYS, "DE", "", "2026-05-26T09:30:00+02:00"),
        ("Corpus Christi in Bavaria", "2026-06-03 17:30", WEEKDAYS, "DE-BY", "", "2026-06-05T09:30:00+02:00"),
        ("no Corpus Christi in Berlin", "2026-06-03 17:30", WEEKDAYS, "DE-BE", "", "2026-06-04T09:30:00+02:00"),
        ("24 December open", "2026-12-23 17:30", WEEKDAYS, "DE", "", "2026-12-24T09:30:00+01:00"),
        ("24 December closed", "2026-12-23 17:30", WEEKDAYS, "DE", "12-24", "2026-12-28T09:30:00+01:00"),
        ("one-off closing day", "2026-12-23 17:30", WEEKDAYS, "DE", "2026-12-24", "2026-12-28T09:30:00+01:00"),
        ("over New Year", "2026-12-30 17:30", WEEKDAYS, "DE", "12-24,12-31", "2027-01-04T09:30:00+01:00"),
        ("lunch break", "2026-06-09 11:30", "mon-fri 08:00-12:00, 13:00-17:00", "", "", "2026-06-09T14:30:00+02:00"),
        (
            "Saturday desk",
            "2026-06-05 17:30",
            "mon-fri 08:00-18:00; sat 10:00-14:00",
            "",
            "",
            "2026-06-06T11:30:00+02:00",
        ),
    ],
)
def test_due_at(case: str, received: str, hours: str, region: str, closed: str, expected: str) -> None:
    calendar = BusinessCalendar.parse_hours(hours, holidays=region, closed=closed)
    assert due_at(at(received), DEFAULT_POLICY, calendar).isoformat() == expected, case


def test_a_request_in_another_zone_gets_its_due_time_in_the_desk_zone() -> None:
    calendar = BusinessCalendar.parse_hours(WEEKDAYS)
    received = datetime.fromisoformat("2026-06-05T15:30:00+00:00")  # 17:30 in Berlin
    assert due_at(received, DEFAULT_POLICY, calendar).isoformat() == "2026-06-08T09:30:00+02:00"


def test_next_response_has_its_own_target() -> None:
    calendar = BusinessCalendar.parse_hours(WEEKDAYS)
    policy = SlaPolicy(next_response=timedelta(hours=4))
    assert due_at(at("2026-06-09 09:00"), policy, calendar, first_response=False) == at("2026-06-09 13:00")


@pytest.mark.parametrize(
    ("received", "business", "due"),
    [
        ("2026-03-28 23:00", timedelta(hours=4), "2026-03-29T04:00:00+02:00"),  # the lost hour is not counted
        ("2026-10-24 23:00", timedelta(hours=4), "2026-10-25T02:00:00+01:00"),  # the repeated hour is counted
    ],
)
def test_round_the_clock_desk_counts_real_hours_across_dst(received: str, business: timedelta, due: str) -> None:
    calendar = BusinessCalendar.parse_hours("mon-sun 00:00-24:00")
    result = add_business_time(at(received), business, calendar)
    assert result.isoformat() == due
    assert result.astimezone(UTC) - at(received).astimezone(UTC) == business


def test_business_time_between_skips_nights_weekends_and_holidays() -> None:
    calendar = BusinessCalendar.parse_hours(WEEKDAYS, holidays="DE")
    assert business_time_between(at("2026-04-02 17:00"), at("2026-04-07 09:00"), calendar) == timedelta(hours=2)
    assert business_time_between(at("2026-04-07 09:00"), at("2026-04-02 17:00"), calendar) == -timedelta(hours=2)
    # A whole year boundary: 2026-12-31 (Thu) 17:00 to 2027-01-04 (Mon) 09:00, 1 January a holiday.
    assert business_time_between(at("2026-12-31 17:00"), at("2027-01-04 09:00"), calendar) == timedelta(hours=2)


@pytest.mark.parametrize(
    ("moment", "open_", "next_open"),
    [
        ("2026-06-08 08:00", True, "2026-06-08T08:00:00+02:00"),
        ("2026-06-08 17:59", True, "2026-06-08T17:59:00+02:00"),
        ("2026-06-08 18:00", False, "2026-06-09T08:00:00+02:00"),
        ("2026-06-06 12:00", False, "2026-06-08T08:00:00+02:00"),  # Saturday
        ("2026-06-03 19:00", False, "2026-06-05T08:00:00+02:00"),  # Corpus Christi follows
    ],
)
def test_is_open_and_next_opening(moment: str, open_: bool, next_open: str) -> None:
    calendar = BusinessCalendar.parse_hours(WEEKDAYS, holidays="DE-BY")
    assert is_open(at(moment), calendar) is open_
    assert next_opening(at(moment), calendar).isoformat() == next_open


def test_naive_times_are_refused() -> None:
    calendar = BusinessCalendar.parse_hours(WEEKDAYS)
    with pytest.raises(ValueError, match="no time zone"):
        due_at(datetime(2026, 6, 8, 9), DEFAULT_POLICY, calendar)
