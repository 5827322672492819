"""UTF-16 views of a Python string: X and Bluesky's app count in JavaScript's code units.

Python indexes code points; JavaScript indexes UTF-16 code units. Running the official patterns on a
string whose astral characters are split into surrogate pairs keeps every index in JavaScript's terms.
"""

from __future__ import annotations

_ASTRAL = "\U00010000"


def to_units(text: str) -> str:
    """The text with each astral character replaced by its two surrogates (one str item per unit)."""
    if not text or max(text) < _ASTRAL:
        return text
    return "".join(_split(ch) if ch >= _ASTRAL else ch for ch in text)


def _split(ch: str) -> str:
    code = ord(ch) - 0x10000
    return chr(0xD800 + (code >> 10)) + chr(0xDC00 + (code & 0x3FF))


def from_units(units: str) -> str:
    """Join surrogate pairs back into code points (lone surrogates stay as they are)."""
    return units.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")


def unit_length(text: str) -> int:
    """JavaScript's ``String.length`` of the text."""
    return len(text) + sum(1 for ch in text if ch >= _ASTRAL)


def unit_to_index(text: str) -> list[int]:
    """For each UTF-16 unit of ``text`` (and one past the end), the code-point index it belongs to."""
    mapping: list[int] = []
    for index, ch in enumerate(text):
        mapping.append(index)
        if ch >= _ASTRAL:
            mapping.append(index)
    mapping.append(len(text))
    return mapping
