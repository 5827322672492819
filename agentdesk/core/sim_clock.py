"""The sandbox's simulated clock: real time passed in, simulated time out, at 1×, 10× or 60×.

Pure arithmetic on an anchor pair, so the clock survives a restart (the anchor is stored) and
tests can drive it with any "real" time they like.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime


@dataclass(frozen=True, slots=True)
class SimClock:
    anchor_real: datetime
    anchor_sim: datetime
    speed: float = 1.0  # 0 = paused

    def now(self, real_now: datetime) -> datetime:
        return self.anchor_sim + (real_now - self.anchor_real) * self.speed

    def with_speed(self, speed: float, real_now: datetime) -> SimClock:
        """Change the pace from this moment on, without a jump in simulated time."""
        return replace(self, anchor_real=real_now, anchor_sim=self.now(real_now), speed=speed)
