"""How long the supervisor's charts take to get their numbers: the facts query and the report.

Run on a store made by ``bench/make_store.py``:

    .venv/bin/python bench/bench_reports.py --data-dir /tmp/bigstore [--days 30] [--runs 3]

The range ends on the newest message's day, so it is full whenever the store was made. CPU time
is printed beside wall time because the shared machine's load stretches the latter.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from sqlalchemy import text

from agentdesk.core.reports import DateRange, team_report
from agentdesk.core.sla import DEFAULT_POLICY, BusinessCalendar
from agentdesk.store import Store
from agentdesk.store.reports import request_facts
from agentdesk.store.types import from_millis

_NEWEST = text("SELECT max(last_message_at) FROM conversations")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", required=True, type=Path)
    parser.add_argument("--days", type=int, default=30)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    store = Store.open(args.data_dir)
    calendar = BusinessCalendar.parse_hours("mon-fri 08:00-18:00", holidays="DE", closed="12-24,12-31")
    with store._tx() as session:
        newest = from_millis(session.execute(_NEWEST).scalar_one())
    now = newest.astimezone(calendar.tz)
    days = DateRange.last_days(args.days, now.date())
    start, end = days.instants(calendar.tz)
    for run in range(1, args.runs + 1):
        t0, c0 = time.perf_counter(), time.process_time()
        with store._tx() as session:
            facts = request_facts(session, start, end)
        t1, c1 = time.perf_counter(), time.process_time()
        report = team_report(facts, days, DEFAULT_POLICY, calendar, now)
        t2, c2 = time.perf_counter(), time.process_time()
        print(
            f"run {run}: {len(facts):,} requests in {args.days} days (unanswered {report.histogram.unanswered:,}); "
            f"wall / CPU: facts query {t1 - t0:.2f} / {c1 - c0:.2f} s, report {t2 - t1:.2f} / {c2 - c1:.2f} s, "
            f"together {t2 - t0:.2f} / {c2 - c0:.2f} s"
        )
    store.close()


if __name__ == "__main__":
    main()
