"""Map "the count passed the limit here" back to an index of the text the agent typed.

A counter walks the text as pieces (a URL, a mention, a grapheme), each with its source span and
its cost; the first piece that pushes the total past the limit starts the over-limit range, so a
URL either fits whole or not at all.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Piece:
    start: int
    end: int
    cost: int
    size: int = 0  # a second budget, e.g. UTF-8 bytes on Bluesky


def over_range(
    pieces: Iterable[Piece], text_length: int, limit: int, size_limit: int | None = None
) -> tuple[tuple[int, int], ...]:
    """The ``[start, end)`` range past the limit(s), or ``()`` when everything fits."""
    total = 0
    size = 0
    for piece in pieces:
        total += piece.cost
        size += piece.size
        if total > limit or (size_limit is not None and size > size_limit):
            return ((piece.start, text_length),)
    return ()
