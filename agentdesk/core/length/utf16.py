"""UTF-16 views of a Python string: X and Bluesky's app count in JavaScript's code units.

Python indexes code points; JavaScript indexes UTF-16 code units. Running the official patterns on a
string whose astral characters are split into surrogate pairs keeps every index in JavaScript's terms.
Everything here runs per keystroke, so the work is done by ``str`` methods and ``re`` in C.
"""

from __future__ import annotations

import re

_ASTRAL = "\U00010000"
_ASTRAL_CHAR = re.compile("[\U00010000-\U0010ffff]")


def to_units(text: str) -> str:
    """The text with each astral character replaced by its two surrogates (one str item per unit)."""
    if not text or max(text) < _ASTRAL:
        return text
    return _ASTRAL_CHAR.sub(_split, text)


def _split(match: re.Match[str]) -> str:
    code = ord(match.group()) - 0x10000
    return chr(0xD800 + (code >> 10)) + chr(0xDC00 + (code & 0x3FF))


def from_units(units: str) -> str:
    """Join surrogate pairs back into code points (lone surrogates stay as they are)."""
    return units.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")


def unit_length(text: str) -> int:
    """JavaScript's ``String.length`` of the text."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def unit_to_index(text: str) -> list[int]:
    """For each UTF-16 unit of ``text`` (and one past the end), the code-point index it belongs to."""
    mapping: list[int] = []
    position = 0
    for match in _ASTRAL_CHAR.finditer(text):
        index = match.start()
        mapping.extend(range(position, index + 1))
        mapping.append(index)
        position = index + 1
    mapping.extend(range(position, len(text) + 1))
    return mapping
