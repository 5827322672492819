"""Mastodon's status length, as its ``StatusLengthValidator`` counts it.

The server counts extended grapheme clusters of the text after replacing every URL that has a
scheme with a 23-character placeholder and every ``@user@domain`` mention with ``@user``. An
instance may announce another limit and URL weight (``/api/v2/instance``).
"""

from __future__ import annotations

import regex

from agentdesk.core.length.graphemes import grapheme_count, grapheme_pieces
from agentdesk.core.length.pieces import Piece
from agentdesk.core.length.utf16 import to_units, unit_to_index
from agentdesk.core.length.x_urls import extract_urls

DEFAULT_URL_LENGTH = 23
# Account::MENTION_RE: not after "=", "/" or a word character; the username, then an optional domain.
_MENTION = regex.compile(
    r"(?<![=/\w])@([a-z0-9_]+(?:[.-]+[a-z0-9_]+)*)(@[\w]+(?:[.-]+[\w]+)*)?(?!@|://|[\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff])",
    regex.IGNORECASE,
)


def mastodon_pieces(text: str, url_length: int = DEFAULT_URL_LENGTH) -> list[Piece]:
    """The text as counted pieces: a URL costs ``url_length``, a remote mention its local part."""
    units = to_units(text)
    index_of = unit_to_index(text)
    entities: list[tuple[int, int, int]] = [
        (index_of[url.start], index_of[url.end], url_length) for url in extract_urls(units, without_protocol=False)
    ]
    taken = [(start, end) for start, end, _ in entities]
    for match in _MENTION.finditer(text):
        if match.group(2) and not any(s < match.end() and match.start() < e for s, e in taken):
            entities.append((match.start(), match.end(), grapheme_count("@" + match.group(1))))
    entities.sort()
    pieces: list[Piece] = []
    position = 0
    for start, end, cost in entities:
        pieces.extend(grapheme_pieces(text, position, start))
        pieces.append(Piece(start, end, cost))
        position = end
    pieces.extend(grapheme_pieces(text, position, len(text)))
    return pieces
