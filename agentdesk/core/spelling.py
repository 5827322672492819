"""Spelling in German and English, with names and a per-profile dictionary that are never errors.

The word lists come from pyspellchecker, which ships them in its wheel; loading them reads a file,
so the caller builds the ``Lexicon`` objects (``SpellChecker(language="de")``) outside the core and
passes them in. This module only decides which words are unknown.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Protocol

_WORD = re.compile(r"(?<![\w@#/.:-])[^\W\d_]+(?:[-'’][^\W\d_]+)*(?![\w@/])")
_SKIP = re.compile(r"\S+://\S+|www\.\S+|\S+@\S+\.\S+|[@#]\w+")


class Lexicon(Protocol):
    """The part of ``spellchecker.SpellChecker`` we use."""

    def known(self, words: Iterable[str]) -> set[str]: ...

    def candidates(self, word: str) -> set[str] | None: ...


@dataclass(frozen=True, slots=True)
class Misspelling:
    start: int
    end: int
    word: str


def misspellings(
    text: str,
    lexicons: Mapping[str, Lexicon],
    *,
    user_words: frozenset[str] = frozenset(),
    known_names: frozenset[str] = frozenset(),
) -> list[Misspelling]:
    """Words that no lexicon knows (a word counts as right in any of the languages)."""
    skipped = [m.span() for m in _SKIP.finditer(text)]
    allowed = {w.casefold() for w in user_words | known_names}
    candidates = [
        m
        for m in _WORD.finditer(text)
        if len(m.group()) > 1
        and m.group().casefold() not in allowed
        and not m.group().isupper()
        and not any(s <= m.start() < e for s, e in skipped)
    ]
    words = {m.group().lower() for m in candidates}
    known: set[str] = set()
    for lexicon in lexicons.values():
        known |= lexicon.known(words)
    return [Misspelling(m.start(), m.end(), m.group()) for m in candidates if m.group().lower() not in known]


def suggestions(word: str, lexicons: Mapping[str, Lexicon], limit: int = 5) -> list[str]:
    """Likely corrections, keeping the word's capitalisation (German nouns stay capitalised)."""
    found: set[str] = set()
    for lexicon in lexicons.values():
        found |= lexicon.candidates(word.lower()) or set()
    found.discard(word.lower())
    ordered = sorted(found)[:limit]
    return [s.capitalize() if word[:1].isupper() else s for s in ordered]
