"""X's weighted length: twitter-text 3.1 ``parseTweet`` with the v3 configuration, ported exactly.

Weights are per UTF-16 unit: 1 in the listed ranges, 2 elsewhere; a URL counts 23 and an emoji
sequence 2, whatever their length. The quirks are kept on purpose (a lone U+FE0F is an "emoji",
U+00A9 © counts 2 because twemoji lists it) so the counter agrees with X, not with a tidier rule.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from agentdesk.core.length import x_patterns
from agentdesk.core.length.utf16 import to_units, unit_length, unit_to_index
from agentdesk.core.length.x_urls import extract_urls

MAX_WEIGHTED_LENGTH = 280
URL_LENGTH = 23
_SCALE = 100
_DEFAULT_WEIGHT = 200
_RANGES = ((0, 4351, 100), (8192, 8205, 100), (8208, 8223, 100), (8242, 8247, 100))
_INVALID = frozenset("\ufffe\ufeff\uffff")
_INVALID_RE = re.compile("[\ufffe\ufeff\uffff]")
_HEAVY = re.compile("[^\u0000-\u10ff\u2000-\u200d\u2010-\u201f\u2032-\u2037]")  # outside _RANGES
_PAIR = re.compile("[\ud800-\udbff][\udc00-\udfff]")


def _emoji_zones() -> re.Pattern[str]:
    """Runs of the code units twemoji's pattern can match (it spells each as an escape, plus keycap #*0-9).

    An emoji never leaves such a run, so the big pattern only has to look inside them.
    """
    ranges = re.findall(r"\\u([0-9a-fA-F]{4})(?:-\\u([0-9a-fA-F]{4}))?", x_patterns.EMOJI.pattern)
    units = sorted({f"\\u{low}-\\u{high or low}" for low, high in ranges})
    return re.compile("[#*0-9" + "".join(units) + "]+")


_EMOJI_ZONE = _emoji_zones()


@dataclass(frozen=True, slots=True)
class ParsedTweet:
    """parseTweet's result; ``over_start`` is the first UTF-16 unit of the normalised text past 280."""

    weighted_length: int
    valid: bool
    permillage: int
    valid_range_end: int
    display_range_end: int
    over_start: int | None
    normalized: str


def _weight(unit: str) -> int:
    code = ord(unit)
    for start, end, weight in _RANGES:
        if start <= code <= end:
            return weight
    return _DEFAULT_WEIGHT


def _run_weight(units: str, start: int, end: int) -> int:
    """Scaled weight of plain units: a surrogate pair counts once, as its low half (2)."""
    heavy = len(_HEAVY.findall(units, start, end))
    pairs = len(_PAIR.findall(units, start, end))
    return _SCALE * (end - start + heavy) - _DEFAULT_WEIGHT * pairs


def _entities(units: str) -> list[tuple[int, int, int]]:
    """(start, units to skip, scaled weight) of URLs and emoji; the URL wins where both start."""
    found = {url.start: (len(url.url), URL_LENGTH * _SCALE) for url in extract_urls(units)}
    for zone in _EMOJI_ZONE.finditer(units):
        for match in x_patterns.EMOJI.finditer(units, zone.start(), zone.end()):
            found.setdefault(match.start(), (match.end() - match.start(), _DEFAULT_WEIGHT))
    return sorted((start, skip, weight) for start, (skip, weight) in found.items())


def _cross(units: str, index: int, weighted: int, valid: bool, valid_display: int) -> tuple[int, int, int, int]:
    """parseTweet's unit-by-unit steps through a clean run up to the one that passes the limit.

    Returns the index after that step, the weight, the last valid display index and the step's start.
    """
    limit = MAX_WEIGHTED_LENGTH * _SCALE
    while True:
        start = index
        if "\ud800" <= units[index] <= "\udbff" and "\udc00" <= units[index + 1 : index + 2] <= "\udfff":
            index += 1
        weighted += _weight(units[index])
        if weighted > limit:
            return index + 1, weighted, valid_display, start
        if valid:
            valid_display = index
        index += 1


def parse_tweet(text: str) -> ParsedTweet:
    """Weighted length and validity of a post, as X's own client computes them.

    The loop is parseTweet's, unit by unit; runs of plain text that cannot change the outcome
    (no invalid character, nothing crossing the limit) are summed in one go to keep typing fast.
    """
    normalized = unicodedata.normalize("NFC", text)
    units = to_units(normalized)
    entities = _entities(units)
    limit = MAX_WEIGHTED_LENGTH * _SCALE
    weighted = 0
    valid_display = 0
    valid = True
    over_start: int | None = None
    index = 0
    count = len(units)
    next_entity = 0
    while index < count:
        while next_entity < len(entities) and entities[next_entity][0] < index:
            next_entity += 1  # starts inside a URL or emoji already counted
        run_end = entities[next_entity][0] if next_entity < len(entities) else count
        start = index
        if index < run_end:
            cost = _run_weight(units, index, run_end)
            straddles = "\ud800" <= units[run_end - 1] <= "\udbff" and run_end < count
            clean = not valid or not _INVALID_RE.search(units, index, run_end)
            if not straddles and clean and (weighted + cost <= limit or over_start is not None):
                weighted += cost
                if valid and weighted <= limit:
                    valid_display = run_end - 1
                index = run_end
                continue
            if not straddles and clean:  # this run crosses the limit: find where, then sum the rest
                index, weighted, valid_display, over_start = _cross(units, index, weighted, valid, valid_display)
                continue
            if index < count - 1 and "\ud800" <= units[index] <= "\udbff" and "\udc00" <= units[index + 1] <= "\udfff":
                index += 1
            weighted += _weight(units[index])
        else:
            _, skip, weight = entities[next_entity]
            weighted += weight
            index += skip - 1
        valid = valid and units[index] not in _INVALID
        if weighted <= limit:
            if valid:
                valid_display = index
        elif over_start is None:
            over_start = start
        index += 1
    length = weighted // _SCALE
    original_units = unit_length(text)
    return ParsedTweet(
        weighted_length=length,
        valid=valid and 0 < length <= MAX_WEIGHTED_LENGTH,
        permillage=weighted * 10 // MAX_WEIGHTED_LENGTH,
        valid_range_end=valid_display + original_units - count,
        display_range_end=max(original_units - 1, 0),
        over_start=over_start,
        normalized=normalized,
    )


def over_start_index(text: str, parsed: ParsedTweet) -> int | None:
    """The index in ``text`` (not normalised) where the part past 280 begins, or None."""
    if parsed.over_start is None:
        return None
    index = unit_to_index(parsed.normalized)[parsed.over_start]
    if parsed.normalized == text:
        return index
    # NFC changed the text (decomposed umlauts from a Mac, say): the over part starts at the
    # character that opens normalised character number ``index``, i.e. one before the shortest
    # prefix that normalises to more than ``index`` characters.
    low, high = 1, len(text)
    while low < high:
        middle = (low + high) // 2
        if len(unicodedata.normalize("NFC", text[:middle])) > index:
            high = middle
        else:
            low = middle + 1
    return low - 1
