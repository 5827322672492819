"""twitter-text 3.1's URL extraction (``extractUrlsWithIndices``), ported line by line.

Mastodon's counter uses the same extraction (with a scheme required), so both share this module.
All indices are UTF-16 units of the string passed in (see ``utf16.to_units``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from agentdesk.core.length import x_patterns
from agentdesk.core.length.utf16 import from_units

_DEFAULT_PROTOCOL = "https://"
_MAX_URL_LENGTH = 4096
_MAX_TCO_SLUG_LENGTH = 40
_MAX_DOMAIN_LABEL_LENGTH = 63
_SEPARATORS = re.compile("[.\u3002\uff0e\uff61]")
_NON_ASCII = re.compile("[^\x00-\x7f]")
# A URL holds no ASCII whitespace and a dot before its top-level domain: only such words need the
# (slow) URL pattern.
_DOTTED_WORD = re.compile(r"(?<![^\t-\r ])[^\t-\r ]*\.[^\t-\r .][^\t-\r ]*")


@dataclass(frozen=True, slots=True)
class UrlEntity:
    """A URL as twitter-text reports it; ``url`` can be shorter than the span it starts (see x_length)."""

    url: str
    start: int
    end: int


def extract_urls(units: str, *, without_protocol: bool = True) -> list[UrlEntity]:
    """The URLs in the text, in order, exactly as twitter-text finds them."""
    if not units or ("." not in units if without_protocol else ":" not in units):
        return []
    urls: list[UrlEntity] = []
    for word in _DOTTED_WORD.finditer(units):
        # From the whitespace before the word, so the pattern sees the same preceding character.
        _extract_between(units, max(word.start() - 1, 0), word.end(), without_protocol, urls)
    return urls


def _extract_between(units: str, position: int, stop: int, without_protocol: bool, urls: list[UrlEntity]) -> None:
    """twitter-text's extraction loop over ``units[position:stop]``, appending to ``urls``."""
    while match := x_patterns.EXTRACT_URL.search(units, position, stop):
        position = match.end()
        before, url, protocol, domain, path = (match.group(n) or "" for n in (2, 3, 4, 5, 7))
        end = match.end()
        start = end - len(url)
        if not _is_valid_url(url, protocol or _DEFAULT_PROTOCOL, domain):
            continue
        if protocol:
            tco = x_patterns.VALID_TCO_URL.match(url)
            if tco:
                if tco.group(1) and len(tco.group(1)) > _MAX_TCO_SLUG_LENGTH:
                    continue
                url = tco.group(0)
                end = start + len(url)
            urls.append(UrlEntity(url, start, end))
            continue
        if not without_protocol or x_patterns.INVALID_URL_WITHOUT_PROTOCOL_PRECEDING_CHARS.search(before):
            continue
        found = _ascii_domains(domain, start)
        if not found:
            continue
        if path:
            last = found[-1]
            found[-1] = UrlEntity(url.replace(domain, last.url, 1), last.start, end)
        urls.extend(found)


def _ascii_domains(domain: str, offset: int) -> list[UrlEntity]:
    found: list[UrlEntity] = []
    ascii_end = 0
    for match in x_patterns.VALID_ASCII_DOMAIN.finditer(domain):
        ascii_start = domain.find(match.group(0), ascii_end)
        ascii_end = ascii_start + len(match.group(0))
        found.append(UrlEntity(match.group(0), offset + ascii_start, offset + ascii_end))
    return found


def _is_valid_url(url: str, protocol: str, domain: str) -> bool:
    # twitter-text's idna.toAscii returns the domain itself when every label encodes to 1..63 chars,
    # so only the label check and the raw length matter.
    if domain.startswith("xn--") and not x_patterns.VALID_ASCII_DOMAIN.search(domain):
        return False
    if not all(1 <= _punycode_length(label) <= _MAX_DOMAIN_LABEL_LENGTH for label in domain.split(".")):
        return False
    return len(protocol) + len(url) <= _MAX_URL_LENGTH


def _punycode_length(label: str) -> int:
    """Length of Node's ``punycode.toASCII(label)``."""
    parts = _SEPARATORS.sub(".", label).split(".")
    encoded = [
        "xn--" + from_units(part).encode("punycode", "surrogatepass").decode("ascii")
        if _NON_ASCII.search(part)
        else part
        for part in parts
    ]
    return len(".".join(encoded))
