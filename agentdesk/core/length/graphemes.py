"""Grapheme pieces for the counters, cheap enough for every keystroke.

Below U+0300 each character is a grapheme of its own (ASCII, umlauts, Latin punctuation) except
CR LF, so a run of such characters becomes one piece that counts its length. Only the rest (emoji,
combining marks, other scripts, CR LF) is walked with ``regex``'s ``\\X``, starting one character
early because a base letter or emoji joins the marks and ZWJ sequences that follow it.
"""

from __future__ import annotations

import re

import regex

from agentdesk.core.length.pieces import Piece

_GRAPHEME = regex.compile(r"\X")
_CLUSTERED = re.compile("\r\n|[^\x00-\u02ff]+")


def grapheme_pieces(text: str, start: int, end: int) -> list[Piece]:
    """``text[start:end]`` as pieces of one grapheme each, or runs where every character is one.

    ``size`` is the UTF-8 size, for Bluesky's byte limit.
    """
    pieces: list[Piece] = []
    position = start
    for zone in _CLUSTERED.finditer(text, start, end):
        if zone.end() <= position:
            continue  # already walked: the previous grapheme reached into this zone
        walk_from = zone.start() - 1 if zone.start() > position else position
        _add_run(pieces, text, position, walk_from)
        for match in _GRAPHEME.finditer(text, walk_from, end):
            pieces.append(Piece(match.start(), match.end(), 1, _utf8_size(match.group())))
            position = match.end()
            if position >= zone.end():
                break
    _add_run(pieces, text, position, end)
    return pieces


def _add_run(pieces: list[Piece], text: str, start: int, end: int) -> None:
    if start < end:
        pieces.append(Piece(start, end, end - start, _utf8_size(text[start:end]), per_character=True))


def _utf8_size(text: str) -> int:
    return len(text.encode("utf-8", "surrogatepass"))


def grapheme_count(text: str) -> int:
    """The number of graphemes in ``text``."""
    return sum(piece.cost for piece in grapheme_pieces(text, 0, len(text)))
