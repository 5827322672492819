"""Durations as people write them in scenario files and on the command line: ``1h30m``, ``-2d``."""

from __future__ import annotations

import re
from datetime import timedelta

_DURATION = re.compile(r"^(-)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$")


def parse_duration(text: str) -> timedelta:
    """``"-1h30m"`` → ``timedelta(hours=-1, minutes=-30)``; a ValueError says what is expected."""
    match = _DURATION.match(text.strip())
    if not match or not any(match.groups()[1:]):
        raise ValueError(f"{text!r} is not a duration (examples: 45s, 5m, 2h, 1h30m, -3d)")
    sign, d, h, m, s = match.groups()
    value = timedelta(days=int(d or 0), hours=int(h or 0), minutes=int(m or 0), seconds=int(s or 0))
    return -value if sign else value
