"""Opening hours as an admin types them, and the messages that tell them what to fix."""

from __future__ import annotations

import re
from datetime import date

import pytest

from agentdesk.core.sla import BusinessCalendar, parse_closed_days, parse_duration, parse_hours

NINE_TO_FIVE = ((9 * 60, 17 * 60),)


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ("mon-fri 09:00-17:00", (NINE_TO_FIVE,) * 5 + ((), ())),
        ("Mo-Fr 9-17", (NINE_TO_FIVE,) * 5 + ((), ())),
        ("mon,wed 09:00-17:00", (NINE_TO_FIVE, (), NINE_TO_FIVE, (), (), (), ())),
        ("sat 09:00-12:00, 12:00-17:00", ((),) * 5 + (NINE_TO_FIVE, ())),  # touching intervals join
        ("sun 13:00-17:00; sun 09:00-12:00", ((),) * 6 + (((540, 720), (780, 1020)),)),
        ("mon 22:00-24:00; tue 00:00-06:00", (((1320, 1440),), ((0, 360),)) + ((),) * 5),
    ],
)
def test_parse_hours(spec: str, expected: tuple[object, ...]) -> None:
    assert parse_hours(spec) == expected


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("", "opening hours are empty"),
        ("mon-fri", "no hours given in 'mon-fri'"),
        ("08:00-18:00", "no days given"),
        ("mun-fri 08:00-18:00", "unknown day 'mun'"),
        ("fri-mon 08:00-18:00", "day range 'fri-mon' runs backwards"),
        ("mon 08:00-25:00", "invalid time '25:00'"),
        ("mon 08:75-12:00", "invalid time '08:75'"),
        ("mon 18:00-08:00", "closing time must be after opening time"),
        ("mon 08:00", "need a start and an end"),
        ("mon 08:00-12:00, 11:00-13:00", "overlapping hours on mon: 08:00-12:00 and 11:00-13:00"),
    ],
)
def test_parse_hours_explains_mistakes(spec: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_hours(spec)


def test_calendar_text_forms() -> None:
    calendar = BusinessCalendar.parse_hours("mon-fri 08:00-18:00", holidays="de-by", closed="2026-12-24,12-31")
    assert calendar.holidays == "DE-BY"
    assert calendar.is_closed_day(date(2026, 12, 24))
    assert not calendar.is_closed_day(date(2027, 12, 24))
    assert calendar.is_closed_day(date(2030, 12, 31))
    assert calendar.is_closed_day(date(2026, 6, 4))  # Corpus Christi in Bavaria


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"holidays": "DE-XX"}, "unknown region 'DE-XX'; regions of DE: BB, BE"),
        ({"holidays": "ZZ"}, "unknown holiday country 'ZZ'"),
        ({"tz": "Europe/Bonn"}, "unknown time zone 'Europe/Bonn'"),
        ({"closed": "24.12."}, "invalid closing day '24.12.'"),
    ],
)
def test_calendar_settings_explain_mistakes(kwargs: dict[str, str], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        BusinessCalendar.parse_hours("mon-fri 08:00-18:00", **kwargs)


def test_a_calendar_that_never_opens_is_refused() -> None:
    with pytest.raises(ValueError, match="open at least once a week"):
        BusinessCalendar(((),) * 7)


def test_closing_days_every_year_and_once() -> None:
    assert parse_closed_days("2026-12-24, 12-31,") == (frozenset({date(2026, 12, 24)}), frozenset({(12, 31)}))


@pytest.mark.parametrize(("text", "minutes"), [("2h", 120), ("90m", 90), ("1h30m", 90), ("45 min", 45)])
def test_parse_duration(text: str, minutes: int) -> None:
    assert parse_duration(text).total_seconds() == minutes * 60


@pytest.mark.parametrize("text", ["", "0h", "2 hours", "-1h", "1.5h"])
def test_parse_duration_refuses(text: str) -> None:
    with pytest.raises(ValueError, match=re.escape("use e.g. 2h, 90m or 1h30m")):
        parse_duration(text)
