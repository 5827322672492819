"""First-response times in business time, in the buckets a supervisor reads at a glance."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta

from agentdesk.core.reports.facts import TimedRequest


@dataclass(frozen=True, slots=True)
class Bucket:
    """Replies that took more than ``low`` and at most ``high`` business time (None: no limit).

    Upper bounds are inclusive, so a reply after exactly two hours lands in "1–2 h" and every
    bucket up to the target meets it.
    """

    low: timedelta
    high: timedelta | None


_MIN = timedelta(minutes=1)
BUCKETS: tuple[Bucket, ...] = (
    Bucket(timedelta(0), 15 * _MIN),
    Bucket(15 * _MIN, 30 * _MIN),
    Bucket(30 * _MIN, 60 * _MIN),
    Bucket(60 * _MIN, 120 * _MIN),
    Bucket(120 * _MIN, 240 * _MIN),
    Bucket(240 * _MIN, None),
)


@dataclass(frozen=True, slots=True)
class Histogram:
    """Counts per bucket of :data:`BUCKETS`, plus the requests nobody has answered yet."""

    counts: tuple[int, ...]
    unanswered: int

    @property
    def total(self) -> int:
        return sum(self.counts) + self.unanswered


def bucket_index(waited: timedelta) -> int:
    """The bucket a reply after ``waited`` of business time falls into."""
    for index, bucket in enumerate(BUCKETS):
        if bucket.high is None or waited <= bucket.high:
            return index
    raise AssertionError("the last bucket has no upper bound")


def response_histogram(requests: Iterable[TimedRequest]) -> Histogram:
    counts = [0] * len(BUCKETS)
    unanswered = 0
    for request in requests:
        if request.answered:
            counts[bucket_index(request.waited)] += 1
        else:
            unanswered += 1
    return Histogram(tuple(counts), unanswered)
