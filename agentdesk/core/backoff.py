"""When to try again: jittered exponential backoff, pure (the random draw is passed in)."""

from __future__ import annotations

from datetime import timedelta


def backoff_delay(attempts: int, jitter: float, base: float = 2.0, cap: float = 300.0) -> timedelta:
    """Delay before try ``attempts + 1``; ``jitter`` in [0, 1) spreads clients that failed together.

    The delay lies between half and all of ``base * 2**(attempts-1)``, capped at ``cap`` seconds.
    """
    full = min(cap, base * 2 ** max(0, attempts - 1))
    return timedelta(seconds=full * (0.5 + jitter / 2))
