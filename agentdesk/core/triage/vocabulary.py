"""Keyword lists matched per word, not per regex: each word is looked up once, so a post costs microseconds.

An entry is a whole word (``"anwalt"``), a word prefix (``"kündig*"``) or a pair of adjacent
words (``"legal action"``, or ``"legal_action"`` with ``joiner="_"`` so lists can be written as
one string); each maps to a label such as ``"legal-threat"``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from typing import cast

from agentdesk.core.triage.text import WORDS, Analysed, PairWords, pairs_in

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
        self._seconds_of = PairWords(self._pairs)
        # the result when one word hits, shared like _NONE (building a Counter costs a microsecond)
        self._single = {label: Counter({label: 1}) for label in set(entries.values())}
        self._prefix_lengths = sorted({len(p) for p in self._prefixes})
        # sparse: only the words that have a label
        self._label_of, self._labelled = cast("tuple[dict[str, str], set[str]]", WORDS.sparse_table(self._lookup))

    def labels(self, analysed: Analysed) -> Counter[str]:
        """Each label hit, with how many different words or pairs hit it; callers only read it."""
        distinct = analysed.distinct
        found = [] if self._labelled.isdisjoint(distinct) else [self._label_of[w] for w in self._labelled & distinct]
        hits = pairs_in(analysed, self._pairs, self._seconds_of)
        if hits:
            found.extend(self._pairs[p] for p in hits)
        if len(found) > 1:
            return Counter(found)
        return self._single[found[0]] if found else _NONE

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
