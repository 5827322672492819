"""The service level as the window shows it: states that change as time passes, and words."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from agentdesk.core.channels import Audience, Channel
from agentdesk.core.entities import ConversationRow, Status
from agentdesk.core.sla import SlaState
from agentdesk.store.profile import Settings
from agentdesk.ui.service_levels import ServiceLevels

MONDAY_0900_BERLIN = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)


def _row(waiting_since: datetime | None, status: Status = Status.OPEN) -> ConversationRow:
    return ConversationRow(
        1, Channel.X, Audience.PUBLIC, "Kim", "@kim", "Paket?", status, "", MONDAY_0900_BERLIN, waiting_since, True
    )


def test_a_badge_goes_from_on_track_to_at_risk_to_breached() -> None:
    levels = ServiceLevels(Settings())
    row = _row(MONDAY_0900_BERLIN)
    states = [levels.row_status(row, MONDAY_0900_BERLIN + timedelta(minutes=m)).state for m in (10, 100, 130)]
    assert states == [SlaState.ON_TRACK, SlaState.AT_RISK, SlaState.BREACHED]


def test_waiting_on_the_customer_pauses_and_answered_has_no_badge() -> None:
    levels = ServiceLevels(Settings())
    assert levels.row_status(_row(MONDAY_0900_BERLIN, Status.PENDING), MONDAY_0900_BERLIN).state is SlaState.PAUSED
    assert levels.row_status(_row(None), MONDAY_0900_BERLIN) is None
    assert levels.row_status(_row(MONDAY_0900_BERLIN, Status.RESOLVED), MONDAY_0900_BERLIN) is None


def test_due_time_in_words_and_opening_hours_in_german() -> None:
    levels = ServiceLevels(Settings())
    words = levels.due_words(MONDAY_0900_BERLIN, MONDAY_0900_BERLIN + timedelta(minutes=48), "de")
    assert words.startswith("fällig Mo 11:00") and "1 h 12 min" in words
    assert levels.opening_hours("de") == "Öffnungszeiten Mo–Fr 8–18"


def test_unreadable_opening_hours_fall_back_and_say_why() -> None:
    levels = ServiceLevels(Settings(opening_hours="mon-fri 18:00-08:00"))
    assert levels.error
    assert levels.opening_hours("en") == "Opening hours Mon–Fri 08:00–18:00"
