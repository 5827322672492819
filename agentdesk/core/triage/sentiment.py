"""Negative or positive tone of a post, German and English, from the bundled lexicon.

A lexicon rather than a model: it ships as code, needs no download, scores a post in
microseconds and can say which words made it negative.
"""

from __future__ import annotations

import math
from functools import lru_cache

from agentdesk.core.triage import sentiment_lexicon as lex
from agentdesk.core.triage.text import Analysed, stem

_WORDS: dict[str, int] = {stem(w): v for w, v in lex.WORDS.items()}
_PAIRS = lex.PAIRS
_NEGATION_SCOPE = 3
#: Where a post counts as negative for relevance and storm detection.
NEGATIVE = -0.25


def sentiment(analysed: Analysed) -> float:
    """Tone from -1 (furious) to +1 (delighted); 0 when no word carries tone."""
    words = analysed.words
    total = 0.0
    negated_until = -1
    boost = 1.0
    skip = False
    for i, word in enumerate(words):
        if skip:
            skip = False
            continue
        if word in lex.NEGATORS:
            negated_until = i + _NEGATION_SCOPE
        pair = _PAIRS.get((word, words[i + 1])) if i + 1 < len(words) else None
        if pair is not None:
            total += pair * boost
            boost, skip = 1.0, True
            continue
        if word in lex.INTENSIFIERS:
            boost = 1.5
            continue
        value = _value(word)
        if value:
            total += value * boost * (-0.5 if i <= negated_until else 1.0)
            boost = 1.0
    total += sum(lex.EMOJI.get(e, 0) for e in analysed.emojis)
    if total < 0 and analysed.shouting:
        total *= 1.5
    return math.tanh(total / 4)


@lru_cache(maxsize=1 << 16)
def _value(word: str) -> int:
    """A word's weight in the lexicon (0 for none); cached, since posts repeat their words."""
    value = _WORDS.get(stem(word))
    if value is None and word.startswith(lex.NEGATIVE_PREFIXES):
        return -3
    return value or 0
