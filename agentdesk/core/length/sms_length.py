"""SMS length: GSM 03.38 (7-bit, extension table counts twice) or UCS-2, and the segments it takes.

A single message holds 160 septets or 70 UCS-2 units; a concatenated one 153 or 67 per segment,
the rest going to the header. A character is never split across two segments, so an escape pair
or a surrogate pair that would straddle the boundary starts the next segment.
"""

from __future__ import annotations

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


@dataclass(frozen=True, slots=True)
class SmsCount:
    """Encoding, total units, segments and where each segment starts (index into the text)."""

    encoding: str
    units: int
    segments: int
    segment_starts: tuple[int, ...]
    ucs2_characters: tuple[str, ...]


def _cost(ch: str, encoding: str) -> int:
    if encoding == GSM_7:
        return 2 if ch in GSM_EXTENSION else 1
    return 2 if ord(ch) > 0xFFFF else 1


def count_sms(text: str) -> SmsCount:
    """How the text travels as SMS; ``ucs2_characters`` are the ones that rule out GSM-7."""
    forcing = tuple(dict.fromkeys(ch for ch in text if ch not in GSM_BASIC and ch not in GSM_EXTENSION))
    encoding = UCS_2 if forcing else GSM_7
    costs = [_cost(ch, encoding) for ch in text]
    units = sum(costs)
    if units <= _SINGLE[encoding]:
        return SmsCount(encoding, units, 1, (0,), forcing)
    size = _MULTI[encoding]
    starts = [0]
    used = 0
    for index, cost in enumerate(costs):
        if used + cost > size:
            starts.append(index)
            used = 0
        used += cost
    return SmsCount(encoding, units, len(starts), tuple(starts), forcing)


def unit_limit(encoding: str, max_segments: int) -> int:
    """The most units ``max_segments`` segments carry in this encoding."""
    return _SINGLE[encoding] if max_segments == 1 else _MULTI[encoding] * max_segments
