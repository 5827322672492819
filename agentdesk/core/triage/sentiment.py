"""Negative or positive tone of a post, German and English, from the bundled lexicon.

A lexicon rather than a model: it ships as code, needs no download, scores a post in
microseconds and can say which words made it negative.
"""

from __future__ import annotations

import math
from itertools import compress, count, repeat

from agentdesk.core.triage import sentiment_lexicon as lex
from agentdesk.core.triage.compounds import SERVICE_WORDS, CompoundSplitter
from agentdesk.core.triage.text import WORDS, Analysed, PairWords, pairs_in, stem

_WORDS: dict[str, int] = {stem(w): v for w, v in lex.WORDS.items()}
_SPLITTER = CompoundSplitter([*SERVICE_WORDS, *lex.WORDS])
_PAIRS = lex.PAIRS
_NEGATION_SCOPE = 3
#: Where a post counts as negative for relevance and storm detection.
NEGATIVE = -0.25


_PAIR_WORDS = PairWords(_PAIRS)
_NEGATOR, _INTENSIFIER = -1, -2  # word kinds next to lexicon weights; 0 is a word without tone


def sentiment(analysed: Analysed) -> float:
    """Tone from -1 (furious) to +1 (delighted); 0 when no word carries tone."""
    pairs = bool(pairs_in(analysed, _PAIRS, _PAIR_WORDS))
    if pairs or not _TONED.isdisjoint(analysed.distinct):
        words = analysed.words
        total = _walk(words, list(map(_KIND_OF.get, words, repeat(0))), pairs)
    else:
        total = 0.0
    if analysed.emojis:
        total += sum(lex.EMOJI.get(e, 0) for e in analysed.emojis)
    if total < 0 and analysed.shouting:
        total *= 1.5
    return math.tanh(total / 4)


def _walk(words: tuple[str, ...], kinds: list[int], pairs: bool) -> float:
    """Add up the weights left to right: a pair counts once, negation flips what follows it."""
    total = 0.0
    negated_until = -1
    boost = 1.0
    skip_at = -1
    last = len(words) - 1
    # Without a pair, a word of no kind changes nothing: only the others are visited (found in C).
    for i in range(len(kinds)) if pairs else compress(count(), kinds):
        if i == skip_at:
            continue
        kind = kinds[i]
        if kind == _NEGATOR:
            negated_until = i + _NEGATION_SCOPE
        pair = _PAIRS.get((words[i], words[i + 1])) if pairs and i < last else None
        if pair is not None:
            total += pair * boost
            boost, skip_at = 1.0, i + 1
            continue
        if kind == _INTENSIFIER:
            boost = 1.5
            continue
        if kind > 0 or kind < _INTENSIFIER:
            value = kind if kind > 0 else kind - _OFFSET
            total += value * boost * (-0.5 if i <= negated_until else 1.0)
            boost = 1.0
    return total


#: Negative weights are stored shifted below the two kind markers so one int says everything.
_OFFSET = -2


def _kind(word: str) -> int:
    """Negator, intensifier or the word's weight in the lexicon (0 for none); once per word."""
    if word in lex.NEGATORS:
        return _NEGATOR
    if word in lex.INTENSIFIERS:
        return _INTENSIFIER
    value = _WORDS.get(stem(word))
    if value is None:  # a compound carries the tone of its last part: "Netzausfall" as "Ausfall"
        value = _WORDS.get(stem(_SPLITTER.split(word)[-1]))
    if value is None and word.startswith(lex.NEGATIVE_PREFIXES):
        value = -3
    if not value:
        return 0
    return value if value > 0 else value + _OFFSET


_KIND_OF, _TONED = WORDS.sparse_table(_kind)  # words of no kind are left out
