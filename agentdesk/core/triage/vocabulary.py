"""Keyword lists matched per word, not per regex: each word is looked up once, so a post costs microseconds.

An entry is a whole word (``"anwalt"``), a word prefix (``"kündig*"``) or a pair of adjacent
words (``"legal action"``, or ``"legal_action"`` with ``joiner="_"`` so lists can be written as
one string); each maps to a label such as ``"legal-threat"``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from agentdesk.core.triage.text import Analysed, WordTable, pairs_in

_NONE: Counter[str] = Counter()  # shared empty result; callers only read it


class Vocabulary:
    """The labels a post's words hit."""

    def __init__(self, entries: Mapping[str, str], joiner: str = " ") -> None:
        self._words: dict[str, str] = {}
        self._prefixes: dict[str, str] = {}
        self._pairs: dict[tuple[str, str], str] = {}
        for entry, label in entries.items():
            if joiner in entry:
                first, second = entry.split(joiner, 1)
                self._pairs[(first, second)] = label
            elif entry.endswith("*"):
                self._prefixes[entry[:-1]] = label
            else:
                self._words[entry] = label
        self._firsts = frozenset(first for first, _ in self._pairs)
        self._seconds = frozenset(second for _, second in self._pairs)
        self._prefix_lengths = sorted({len(p) for p in self._prefixes})
        self._label_of: WordTable[str | None] = WordTable(self._lookup)

    def labels(self, analysed: Analysed) -> Counter[str]:
        """Each label hit, with how many different words or pairs hit it."""
        found = list(filter(None, self._label_of.values(analysed.distinct, analysed.distinct)))
        hits = pairs_in(analysed, self._pairs, self._firsts, self._seconds)
        if hits:
            found.extend(self._pairs[p] for p in hits)
        return Counter(found) if found else _NONE

    def _lookup(self, word: str) -> str | None:
        label = self._words.get(word)
        if label is not None:
            return label
        for n in self._prefix_lengths:
            if n > len(word):
                break
            label = self._prefixes.get(word[:n])
            if label is not None:
                return label
        return None
