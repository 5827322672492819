"""``agentdesk sla due``: the due instant of a request, computed by the same core as the app."""

from __future__ import annotations

import argparse
import json
from datetime import datetime

from agentdesk.cli import CliError
from agentdesk.core.sla import (
    BusinessCalendar,
    SlaPolicy,
    business_time_between,
    due_at,
    parse_duration,
)


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("sla", help="service levels: due times in business hours")
    commands = parser.add_subparsers(dest="sla_command", metavar="SUBCOMMAND", required=True)
    due = commands.add_parser("due", help="when the answer to a request is due")
    due.add_argument("--received", required=True, metavar="ISO8601", help="when the request came in")
    due.add_argument("--policy", default="2h", metavar="DURATION", help="target in business time (default 2h)")
    due.add_argument(
        "--hours", default="mon-fri 08:00-18:00", metavar="SPEC", help='opening hours (default "mon-fri 08:00-18:00")'
    )
    due.add_argument(
        "--holidays", default="DE", metavar="REGION", help="public holidays, e.g. DE-BY; 'none' for none (default DE)"
    )
    due.add_argument(
        "--closed", default="", metavar="DAYS", help="company closing days: 2026-12-24 once, 12-24 every year"
    )
    due.add_argument("--tz", default="Europe/Berlin", metavar="ZONE", help="time zone (default Europe/Berlin)")
    due.add_argument("--json", action="store_true", help='print {"due": ..., "business_minutes": ...}')
    due.set_defaults(func=_due)


def _due(args: argparse.Namespace) -> int:
    try:
        region = "" if args.holidays.strip().lower() == "none" else args.holidays
        calendar = BusinessCalendar.parse_hours(args.hours, tz=args.tz, holidays=region, closed=args.closed)
        target = parse_duration(args.policy)
        received = _instant(args.received, calendar)
        due = due_at(received, SlaPolicy(first_response=target), calendar)
    except ValueError as exc:
        raise CliError(str(exc), 2) from None
    if args.json:
        minutes = business_time_between(received, due, calendar).total_seconds() / 60
        print(json.dumps({"due": due.isoformat(), "business_minutes": round(minutes)}))
    else:
        print(due.isoformat())
    return 0


def _instant(text: str, calendar: BusinessCalendar) -> datetime:
    """An ISO 8601 instant; without an offset it is read as local time in the calendar's zone."""
    try:
        parsed = datetime.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(f"invalid --received {text!r}; use ISO 8601, e.g. 2026-06-05T17:30+02:00") from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=calendar.tz)
