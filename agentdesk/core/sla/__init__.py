"""Service levels (100/2): business calendars, policies, due times and SLA states.

Pure: every function takes the current time as an argument and reads no clock.
"""

from agentdesk.core.sla.calendar import BusinessCalendar, normalise_region, parse_closed_days, zone
from agentdesk.core.sla.clock import add_business_time, business_time_between, is_open, next_opening
from agentdesk.core.sla.hours import WeeklyHours, parse_hours
from agentdesk.core.sla.policy import DEFAULT_POLICY, PolicyBook, SlaPolicy, parse_duration, policy_for
from agentdesk.core.sla.state import PauseInterval, SlaState, SlaStatus, due_at, sla_state
from agentdesk.core.sla.words import Language, describe_due, format_opening_hours, format_span

__all__ = [
    "DEFAULT_POLICY",
    "BusinessCalendar",
    "Language",
    "PauseInterval",
    "PolicyBook",
    "SlaPolicy",
    "SlaState",
    "SlaStatus",
    "WeeklyHours",
    "add_business_time",
    "business_time_between",
    "describe_due",
    "due_at",
    "format_opening_hours",
    "format_span",
    "is_open",
    "next_opening",
    "normalise_region",
    "parse_closed_days",
    "parse_duration",
    "parse_hours",
    "policy_for",
    "sla_state",
    "zone",
]
