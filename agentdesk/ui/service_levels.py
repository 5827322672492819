"""The profile's service level as the window shows it: a badge per row, due time in words,
opening hours. One calendar and policy, built once from the settings; a setting that cannot be
read falls back to the 100/2 default and says so."""

from __future__ import annotations

from datetime import datetime

from agentdesk.core.entities import ConversationRow, Status
from agentdesk.core.sla import (
    DEFAULT_POLICY,
    BusinessCalendar,
    SlaPolicy,
    SlaState,
    SlaStatus,
    describe_due,
    format_opening_hours,
    sla_state,
)
from agentdesk.store.profile import Settings

DEFAULT_HOURS = "mon-fri 08:00-18:00"


class ServiceLevels:
    def __init__(self, settings: Settings, policy: SlaPolicy = DEFAULT_POLICY) -> None:
        self.policy = policy
        self.apply(settings)

    def apply(self, settings: Settings) -> None:
        """The calendar from the settings: at start, and again once the preferences are saved."""
        self.error = ""
        try:
            self.calendar = BusinessCalendar.parse_hours(
                settings.opening_hours, tz=settings.time_zone, holidays=settings.holidays, closed=settings.closed_days
            )
        except ValueError as exc:
            self.error = str(exc)
            self.calendar = BusinessCalendar.parse_hours(DEFAULT_HOURS, holidays="DE")

    def row_status(self, row: ConversationRow, now: datetime) -> SlaStatus | None:
        """None when nobody waits for an answer in this conversation (a monitoring match is no request)."""
        if row.waiting_since is None or row.status in (Status.RESOLVED, Status.SPAM, Status.MONITORING):
            return None
        status = sla_state(row.waiting_since, now, self.policy, self.calendar)
        if row.status is Status.PENDING and status.state is not SlaState.BREACHED:
            return SlaStatus(SlaState.PAUSED, status.due, status.business_left)
        return status

    def due_words(self, waiting_since: datetime | None, now: datetime, language: str) -> str:
        if waiting_since is None:
            return ""
        status = sla_state(waiting_since, now, self.policy, self.calendar)
        return describe_due(status, now, "de" if language == "de" else "en")

    def opening_hours(self, language: str) -> str:
        return format_opening_hours(self.calendar, "de" if language == "de" else "en")
