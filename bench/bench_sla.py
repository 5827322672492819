"""How long due_at and sla_state take per row: the conversation list sorts 100k rows by due time.

Run: .venv/bin/python bench/bench_sla.py [ROWS]
"""

from __future__ import annotations

import random
import sys
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from agentdesk.core.sla import DEFAULT_POLICY, BusinessCalendar, due_at, sla_state

BERLIN = ZoneInfo("Europe/Berlin")


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    calendar = BusinessCalendar.parse_hours(
        "mon-fri 08:00-18:00; sat 10:00-14:00", holidays="DE-BY", closed="12-24,12-31"
    )
    rng = random.Random(8)
    start = datetime(2026, 1, 1, tzinfo=BERLIN)
    received = [start + timedelta(seconds=rng.randrange(365 * 86_400)) for _ in range(rows)]
    now = datetime(2026, 12, 31, 12, 0, tzinfo=BERLIN)  # many rows breached for months: the slow path

    # The first call per calendar and year lays the year out; measure it apart from the steady state.
    cold = _time(lambda: due_at(datetime(2026, 6, 5, 17, 30, tzinfo=BERLIN), DEFAULT_POLICY, calendar))
    print(f"first due_at (builds year tables): {cold * 1e3:.2f} ms")
    due = _per_row(rows, lambda: [due_at(r, DEFAULT_POLICY, calendar) for r in received])
    state = _per_row(rows, lambda: [sla_state(r, now, DEFAULT_POLICY, calendar) for r in received])
    ordered = _per_row(rows, lambda: sorted(received, key=lambda r: due_at(r, DEFAULT_POLICY, calendar)))
    print(f"due_at:    {due:.2f} µs per row ({rows} rows)")
    print(f"sla_state: {state:.2f} µs per row")
    print(f"sort {rows} rows by due_at: {ordered * rows / 1e3:.0f} ms")


def _time(work: Callable[[], object]) -> float:
    began = time.perf_counter()
    work()
    return time.perf_counter() - began


def _per_row(rows: int, work: Callable[[], object]) -> float:
    return min(_time(work) for _ in range(3)) / rows * 1e6


if __name__ == "__main__":
    main()
