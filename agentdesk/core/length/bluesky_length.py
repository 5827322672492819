"""Bluesky's post length: graphemes and UTF-8 bytes of the text as the official app posts it.

The app detects links like ``@atproto/api``'s ``detectFacets`` and, before counting and posting,
shows each ``http(s)`` link shortened (``toShortUrl``: host plus the first 13 characters of the
path and "..."); the link facet keeps the full URL. So we count and post that shortened text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

from agentdesk.core.length import x_patterns
from agentdesk.core.length.graphemes import grapheme_count, grapheme_pieces
from agentdesk.core.length.pieces import Piece

_URL = re.compile(
    r"(?:^|(?<=[\s(]))(?P<url>https?://\S+|(?P<domain>[a-z][a-z0-9]*(?:\.[a-z0-9]+)+)\S*)",
    re.IGNORECASE | re.MULTILINE,
)
_TRAILING_PUNCTUATION = ".,;:!?"
_DEFAULT_PORTS = {"http": 80, "https": 443}


@dataclass(frozen=True, slots=True)
class Link:
    """A detected link: its span in the draft, the full URL for the facet, the text shown."""

    start: int
    end: int
    uri: str
    shown: str


def detect_links(text: str) -> list[Link]:
    """Links as the app finds them, with trailing punctuation left out as it does."""
    links: list[Link] = []
    for match in _URL.finditer(text):
        shown = match.group("url")
        if not shown.lower().startswith("http"):
            domain = match.group("domain")
            if not x_patterns.VALID_ASCII_DOMAIN.fullmatch(domain):
                continue
        start = match.start("url")
        if shown[-1] in _TRAILING_PUNCTUATION:
            shown = shown[:-1]
        if shown.endswith(")") and "(" not in shown:
            shown = shown[:-1]
        uri = shown if shown.lower().startswith("http") else "https://" + shown
        links.append(Link(start, start + len(shown), uri, short_url(shown)))
    return links


def short_url(url: str) -> str:
    """The app's ``toShortUrl``: scheme dropped, long paths cut to 13 characters and "..."."""
    if not url.lower().startswith(("http://", "https://")):
        return url
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").encode("idna").decode("ascii")
        port = parts.port
    except (ValueError, UnicodeError):
        return url
    if not host:
        return url
    if port is not None and port != _DEFAULT_PORTS[parts.scheme.lower()]:
        host = f"{host}:{port}"
    path = "" if parts.path in ("", "/") else _encode(parts.path)
    path += ("?" + _encode(parts.query) if parts.query else "") + (
        "#" + _encode(parts.fragment) if parts.fragment else ""
    )
    return host + (path[:13] + "..." if len(path) > 15 else path)


def _encode(part: str) -> str:
    return quote(part, safe="/?#[]@!$&'()*+,;=:%~-._")


def posted_text(text: str, links: list[Link]) -> str:
    """The text the app posts: each link (from ``detect_links``) replaced by its shortened form."""
    out: list[str] = []
    position = 0
    for link in links:
        out.append(text[position : link.start] + link.shown)
        position = link.end
    out.append(text[position:])
    return "".join(out)


def bluesky_pieces(text: str, links: list[Link]) -> list[Piece]:
    """Graphemes of the posted text, each link one piece, with their UTF-8 sizes."""
    pieces: list[Piece] = []
    position = 0
    for link in links:
        pieces.extend(grapheme_pieces(text, position, link.start))
        pieces.append(Piece(link.start, link.end, grapheme_count(link.shown), len(link.shown.encode())))
        position = link.end
    pieces.extend(grapheme_pieces(text, position, len(text)))
    return pieces
