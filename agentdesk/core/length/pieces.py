"""Map "the count passed the limit here" back to an index of the text the agent typed.

A counter walks the text as pieces (a URL, a mention, a grapheme, or a run of characters that are
one grapheme each), each with its source span and its cost; the first piece that pushes the total
past the limit starts the over-limit range, so a URL either fits whole or not at all.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Piece:
    """``per_character``: every character of the span is a grapheme costing 1 (``cost`` is their count)."""

    start: int
    end: int
    cost: int
    size: int = 0  # a second budget, e.g. UTF-8 bytes on Bluesky
    per_character: bool = False


def over_range(
    pieces: Iterable[Piece], text: str, limit: int, size_limit: int | None = None
) -> tuple[tuple[int, int], ...]:
    """The ``[start, end)`` range past the limit(s), or ``()`` when everything fits."""
    total = 0
    size = 0
    for piece in pieces:
        crosses = total + piece.cost > limit or (size_limit is not None and size + piece.size > size_limit)
        if crosses and piece.per_character:
            return ((_first_over(piece, text, total, size, limit, size_limit), len(text)),)
        if crosses:
            return ((piece.start, len(text)),)
        total += piece.cost
        size += piece.size
    return ()


def _first_over(piece: Piece, text: str, total: int, size: int, limit: int, size_limit: int | None) -> int:
    """The character of a per-character run at which one of the budgets is exceeded."""
    if size_limit is None or size + piece.size <= size_limit:
        return piece.start + limit - total
    for index in range(piece.start, piece.end - 1):
        total += 1
        size += len(text[index].encode("utf-8", "surrogatepass"))
        if total > limit or size > size_limit:
            return index
    return piece.end - 1  # the run crosses a budget, so its last character does if none before
