"""The one variable syntax templates may use, ``{{ name }}`` or ``{{ group.name }}``.

A strict substitution of our own instead of a template engine: a template is text from a
shared folder, so nothing in it may ever run. Anything else that looks like engine syntax
(``{% … %}``, ``{# … #}``, filters, expressions) is reported, never evaluated.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

PLACEHOLDER = re.compile(r"\{\{\s*([a-z_][a-z0-9_]*(?:\.[a-z_][a-z0-9_]*)?)\s*\}\}")
_ENGINE_SYNTAX = re.compile(r"\{\{|\}\}|\{%|%\}|\{#|#\}")

# Private-use characters: Markdown passes them through untouched and no template contains them.
_TOKEN = re.compile("\ue000(\\d+)\ue001")


def marker(name: str) -> str:
    """How an unfilled variable shows in the rendered text: visible, and found by the checks."""
    return "{{ " + name + " }}"


def names_in(text: str) -> list[str]:
    """Variable names in order of first use."""
    return list(dict.fromkeys(m.group(1) for m in PLACEHOLDER.finditer(text)))


def syntax_errors(text: str) -> list[tuple[int, str]]:
    """(line, message) for every brace construct that is not a plain placeholder."""
    errors = []
    for number, line in enumerate(text.splitlines(), start=1):
        rest = PLACEHOLDER.sub("", line)
        found = _ENGINE_SYNTAX.search(rest)
        if found:
            errors.append((number, f"unknown variable syntax near {found.group(0)!r}; use {{{{ name }}}}"))
    return errors


def line_of(text: str, name: str) -> int:
    """The line where a variable is first used (1 when it is not found)."""
    for number, line in enumerate(text.splitlines(), start=1):
        if any(m.group(1) == name for m in PLACEHOLDER.finditer(line)):
            return number
    return 1


@dataclass(frozen=True, slots=True)
class Protected:
    """Template text with each placeholder swapped for an inert token, so Markdown cannot touch it."""

    text: str
    names: tuple[str, ...]

    def fill(self, text: str, values: Mapping[str, str], escape: Callable[[str], str]) -> tuple[str, tuple[str, ...]]:
        """Put values (escaped for the output format) where the tokens are; return the unfilled names."""
        unfilled: list[str] = []

        def _value(m: re.Match[str]) -> str:
            name = self.names[int(m.group(1))]
            value = values.get(name)
            if value is None or not value.strip():
                if name not in unfilled:
                    unfilled.append(name)
                return escape(marker(name))
            return escape(value)

        return _TOKEN.sub(_value, text), tuple(unfilled)


def protect(text: str) -> Protected:
    names: list[str] = []

    def _token(m: re.Match[str]) -> str:
        names.append(m.group(1))
        return f"\ue000{len(names) - 1}\ue001"

    return Protected(PLACEHOLDER.sub(_token, text), tuple(names))
