"""SMS length: GSM 03.38 (7-bit, extension table counts twice) or UCS-2, and the segments it takes.

A single message holds 160 septets or 70 UCS-2 units; a concatenated one 153 or 67 per segment,
the rest going to the header. A character is never split across two segments, so an escape pair
or a surrogate pair that would straddle the boundary starts the next segment.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

GSM_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\x1bÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM_EXTENSION = frozenset("\f^{}\\[~]|€")
GSM_7 = "GSM-7"
UCS_2 = "UCS-2"
DEFAULT_MAX_SEGMENTS = 10
_SINGLE = {GSM_7: 160, UCS_2: 70}
_MULTI = {GSM_7: 153, UCS_2: 67}
_NOT_GSM = re.compile("[^" + re.escape("".join(sorted(GSM_BASIC | GSM_EXTENSION))) + "]")
#: What costs two units: an extension character (escape + character), an astral one (two UCS-2 units).
_COSTS_TWO = {
    GSM_7: re.compile("[" + re.escape("".join(sorted(GSM_EXTENSION))) + "]"),
    UCS_2: re.compile("[\U00010000-\U0010ffff]"),
}


@dataclass(frozen=True, slots=True)
class SmsCount:
    """Encoding, total units, segments and where each segment starts (index into the text)."""

    encoding: str
    units: int
    segments: int
    segment_starts: tuple[int, ...]
    ucs2_characters: tuple[str, ...]


def count_sms(text: str) -> SmsCount:
    """How the text travels as SMS; ``ucs2_characters`` are the ones that rule out GSM-7."""
    forcing = tuple(dict.fromkeys(_NOT_GSM.findall(text)))
    encoding = UCS_2 if forcing else GSM_7
    doubles = [match.start() for match in _COSTS_TWO[encoding].finditer(text)]
    units = len(text) + len(doubles)
    if units <= _SINGLE[encoding]:
        return SmsCount(encoding, units, 1, (0,), forcing)
    starts = _segment_starts(len(text), doubles, _MULTI[encoding])
    return SmsCount(encoding, units, len(starts), tuple(starts), forcing)


def _segment_starts(length: int, doubles: list[int], size: int) -> list[int]:
    """Fill each segment with as many characters as fit; ``doubles`` are the indices costing 2."""
    starts = [0]
    start = 0
    while True:
        end = min(start + size, length)
        first = bisect_left(doubles, start)
        while end - start + bisect_left(doubles, end, first) - first > size:
            end -= 1
        if end == length:
            return starts
        starts.append(end)
        start = end


def unit_limit(encoding: str, max_segments: int) -> int:
    """The most units ``max_segments`` segments carry in this encoding."""
    return _SINGLE[encoding] if max_segments == 1 else _MULTI[encoding] * max_segments
