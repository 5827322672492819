"""The request budget and the shared failures of the platform APIs, on real httpx responses."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import httpx
import pytest

from agentdesk.sync.errors import MalformedResponse, RateLimited, Rejected, ServerError
from agentdesk.sync.platform_http import (
    RateHeaders,
    RequestBudget,
    common_failure,
    decode_json,
    epoch_reset,
    iso_reset,
)

NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
MASTODON = RateHeaders("Mastodon", "x-ratelimit-remaining", "x-ratelimit-reset", iso_reset)
X = RateHeaders("X", "x-rate-limit-remaining", "x-rate-limit-reset", epoch_reset)


def answer(status: int, headers: dict[str, str], body: bytes = b"{}") -> httpx.Response:
    return httpx.Response(status, headers=headers, content=body, request=httpx.Request("GET", "https://x.test/a"))


def test_a_budget_almost_spent_waits_for_the_reset_and_goes_on_after_it() -> None:
    budget = RequestBudget(MASTODON, reserve=5)
    budget.note(answer(200, {"x-ratelimit-remaining": "40", "x-ratelimit-reset": "2026-11-23T10:05:00.000Z"}))
    budget.check(NOW)  # plenty left
    budget.note(answer(200, {"x-ratelimit-remaining": "5", "x-ratelimit-reset": "2026-11-23T10:05:00.000Z"}))
    with pytest.raises(RateLimited) as limited:
        budget.check(NOW)
    assert limited.value.retry_after == 300 and "Mastodon's request budget" in str(limited.value)
    budget.check(NOW + timedelta(minutes=6))  # the window has reset: go on


def test_unreadable_or_missing_headers_leave_the_budget_unknown() -> None:
    budget = RequestBudget(X, reserve=2)
    budget.note(answer(200, {"x-rate-limit-remaining": "1", "x-rate-limit-reset": "soon"}))
    budget.check(NOW)
    budget.note(answer(200, {"x-rate-limit-remaining": "1"}))
    budget.check(NOW)
    assert budget.remaining is None


def test_429_waits_for_retry_after_else_for_the_announced_reset() -> None:
    reset = str(int((NOW + timedelta(seconds=90)).timestamp()))
    by_reset = common_failure(answer(429, {"x-rate-limit-reset": reset}), NOW, X, "")
    assert isinstance(by_reset, RateLimited) and by_reset.retry_after == 90
    by_header = common_failure(answer(429, {"Retry-After": "7", "x-rate-limit-reset": reset}), NOW, X, "")
    assert isinstance(by_header, RateLimited) and by_header.retry_after == 7


def test_server_failures_and_refusals_in_words() -> None:
    assert isinstance(common_failure(answer(503, {}), NOW, X, ""), ServerError)
    refused = common_failure(answer(422, {}), NOW, MASTODON, "Validation failed: Text can't be blank")
    assert (
        isinstance(refused, Rejected)
        and str(refused) == "Mastodon refused this: Validation failed: Text can't be blank"
    )
    with pytest.raises(MalformedResponse, match="could not read"):
        decode_json(answer(200, {}, b'{"data": [1, 2'), "X")
