"""What the list badge and the conversation header say about a waiting request."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from agentdesk.core.channels import Channel
from agentdesk.core.sla import (
    DEFAULT_POLICY,
    BusinessCalendar,
    SlaPolicy,
    SlaState,
    describe_due,
    format_opening_hours,
    policy_for,
    sla_state,
)

BERLIN = ZoneInfo("Europe/Berlin")
CALENDAR = BusinessCalendar.parse_hours("mon-fri 08:00-18:00", holidays="DE-BY")
FRIDAY_LATE = datetime(2026, 6, 5, 17, 30, tzinfo=BERLIN)  # due Mon 09:30


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=BERLIN)


@pytest.mark.parametrize(
    ("now", "state", "left", "de", "en"),
    [
        (
            "2026-06-05 17:30",
            SlaState.ON_TRACK,
            timedelta(hours=2),
            "fällig Mo 09:30 · noch 2 h",
            "due Mon 09:30, 2 h of business time left",
        ),
        (
            "2026-06-08 08:18",
            SlaState.ON_TRACK,
            timedelta(hours=1, minutes=12),
            "fällig Mo 09:30 · noch 1 h 12 min",
            "due Mon 09:30, 1 h 12 min of business time left",
        ),
        (
            "2026-06-07 12:00",  # Sunday: the clock stands still, the numbers stay
            SlaState.ON_TRACK,
            timedelta(hours=1, minutes=30),
            "fällig Mo 09:30 · noch 1 h 30 min",
            "due Mon 09:30, 1 h 30 min of business time left",
        ),
        (
            "2026-06-08 09:00",
            SlaState.AT_RISK,
            timedelta(minutes=30),
            "fällig Mo 09:30 · noch 30 min",
            "due Mon 09:30, 30 min of business time left",
        ),
        (
            "2026-06-08 09:30:40",
            SlaState.BREACHED,
            -timedelta(seconds=40),
            "überschritten seit Mo 09:30",
            "overdue since Mon 09:30",
        ),
        (
            "2026-06-08 09:55",
            SlaState.BREACHED,
            -timedelta(minutes=25),
            "überschritten seit 25 min",
            "overdue by 25 min",
        ),
    ],
)
def test_state_and_words_over_a_weekend(now: str, state: SlaState, left: timedelta, de: str, en: str) -> None:
    status = sla_state(FRIDAY_LATE, at(now), DEFAULT_POLICY, CALENDAR)
    assert (status.state, status.business_left, status.due) == (state, left, at("2026-06-08 09:30"))
    assert describe_due(status, at(now), "de") == de
    assert describe_due(status, at(now), "en") == en


def test_overdue_only_by_closed_hours_names_the_due_moment() -> None:
    status = sla_state(at("2026-06-05 16:00"), at("2026-06-06 10:00"), DEFAULT_POLICY, CALENDAR)
    assert status.state is SlaState.BREACHED
    assert status.business_left == timedelta(0)
    assert describe_due(status, at("2026-06-06 10:00"), "de") == "überschritten seit Fr 18:00"


def test_a_due_time_a_week_away_shows_the_date() -> None:
    policy = SlaPolicy(first_response=timedelta(hours=60))
    status = sla_state(at("2026-06-08 08:00"), at("2026-06-08 08:00"), policy, CALENDAR)
    assert describe_due(status, at("2026-06-08 08:00"), "de") == "fällig Mo 15.06. 18:00 · noch 60 h"
    assert describe_due(status, at("2026-06-08 08:00"), "en").startswith("due Mon 15 Jun 18:00")


MONDAY_NINE = at("2026-06-08 09:00")  # due 11:00 without pauses


@pytest.mark.parametrize(
    ("received", "pauses", "now", "state", "due", "left"),
    [
        ("2026-06-08 09:00", [], "2026-06-08 10:45", SlaState.AT_RISK, "2026-06-08 11:00", 15),
        # The agent asked for the order number at 09:30, the customer answered at 10:30.
        (
            "2026-06-08 09:00",
            [("2026-06-08 09:30", "2026-06-08 10:30")],
            "2026-06-08 10:45",
            SlaState.ON_TRACK,
            "2026-06-08 12:00",
            75,
        ),
        # Still waiting at 10:00: the header says paused, the time left stays at 1 h 30 min.
        ("2026-06-08 09:00", [("2026-06-08 09:30", None)], "2026-06-08 10:00", SlaState.PAUSED, "2026-06-08 11:30", 90),
        # Overlapping records of the same wait count once.
        (
            "2026-06-08 09:00",
            [("2026-06-08 09:30", "2026-06-08 10:30"), ("2026-06-08 10:00", "2026-06-08 10:30")],
            "2026-06-08 10:45",
            SlaState.ON_TRACK,
            "2026-06-08 12:00",
            75,
        ),
        # Due Mon 18:00; waiting overnight (16:30 to 08:30) adds only its 2 business hours.
        (
            "2026-06-08 16:00",
            [("2026-06-08 16:30", "2026-06-09 08:30")],
            "2026-06-09 08:30",
            SlaState.ON_TRACK,
            "2026-06-09 10:00",
            90,
        ),
        # A pause that starts after the breach does not undo it.
        (
            "2026-06-08 09:00",
            [("2026-06-08 11:30", None)],
            "2026-06-08 12:00",
            SlaState.BREACHED,
            "2026-06-08 11:00",
            -60,
        ),
    ],
)
def test_waiting_on_the_customer_pauses_the_clock(
    received: str, pauses: list[tuple[str, str | None]], now: str, state: SlaState, due: str, left: int
) -> None:
    intervals = [(at(start), at(end) if end else None) for start, end in pauses]
    status = sla_state(at(received), at(now), DEFAULT_POLICY, CALENDAR, intervals)
    assert (status.state, status.due, status.business_left) == (state, at(due), timedelta(minutes=left))


def test_a_policy_without_pauses_keeps_the_clock_running() -> None:
    policy = SlaPolicy(pause_when_waiting=False)
    status = sla_state(MONDAY_NINE, at("2026-06-08 10:45"), policy, CALENDAR, [(at("2026-06-08 09:30"), None)])
    assert (status.state, status.due) == (SlaState.AT_RISK, at("2026-06-08 11:00"))


def test_paused_words() -> None:
    status = sla_state(MONDAY_NINE, at("2026-06-08 10:00"), DEFAULT_POLICY, CALENDAR, [(at("2026-06-08 09:30"), None)])
    assert describe_due(status, at("2026-06-08 10:00"), "de") == "pausiert · wartet auf Kunde · noch 1 h 30 min"


def test_policy_for_picks_the_most_specific_match() -> None:
    social = SlaPolicy(first_response=timedelta(hours=1))
    billing = SlaPolicy(first_response=timedelta(hours=8))
    billing_x = SlaPolicy(first_response=timedelta(hours=4))
    book = {("", Channel.X): social, ("billing", None): billing, ("billing", Channel.X): billing_x}
    assert policy_for(book, "billing", Channel.X) is billing_x
    assert policy_for(book, "billing", Channel.EMAIL) is billing
    assert policy_for(book, "support", Channel.X) is social
    assert policy_for(book, "support", Channel.EMAIL) is DEFAULT_POLICY


@pytest.mark.parametrize(
    ("hours", "de", "en"),
    [
        ("mon-fri 08:00-18:00", "Öffnungszeiten Mo–Fr 8–18", "Opening hours Mon–Fri 08:00–18:00"),
        (
            "mon-fri 08:00-12:00, 13:00-17:30; sat 10:00-14:00",
            "Öffnungszeiten Mo–Fr 8–12, 13–17:30; Sa 10–14",
            "Opening hours Mon–Fri 08:00–12:00, 13:00–17:30; Sat 10:00–14:00",
        ),
        ("mon-thu 08:00-18:00; fri 08:00-15:00", "Öffnungszeiten Mo–Do 8–18; Fr 8–15", None),
        ("mon,wed 09:00-12:00", "Öffnungszeiten Mo 9–12; Mi 9–12", None),
    ],
)
def test_opening_hours_for_the_status_bar(hours: str, de: str, en: str | None) -> None:
    calendar = BusinessCalendar.parse_hours(hours)
    assert format_opening_hours(calendar, "de") == de
    if en is not None:
        assert format_opening_hours(calendar, "en") == en


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="'fr'"):
        format_opening_hours(CALENDAR, "fr")  # type: ignore[arg-type]
