"""A naive Bayes spam classifier that learns only from the agent's *Mark spam* / *Not spam*.

Features are words plus character 4-grams inside words, so "Bitcoin", "B1tcoin" and "Bitcoins"
share evidence in German and English alike. The model is plain counts (:meth:`to_dict` /
:meth:`from_dict`), so a profile can keep it as a readable JSON file.

Agents mostly teach corrections, so class priors would be skewed: both classes get an even
prior. Smoothing runs over a fixed virtual vocabulary so that one example already moves the
next decision, and the evidence is averaged per feature so that long posts do not become
absurdly certain.
"""

from __future__ import annotations

import math
from collections import Counter
from functools import lru_cache
from itertools import chain
from typing import Any

from agentdesk.core.triage.text import Analysed

_NGRAM = 4
_VIRTUAL_VOCABULARY = 1 << 16
#: How strongly the mean per-feature evidence turns into log-odds, and where it is clipped.
_EVIDENCE_SCALE = 6.0
_MAX_LOGIT = 6.0
FORMAT_VERSION = 1


def features(analysed: Analysed) -> list[str]:
    """Words with their character 4-grams, link domains, and how many accounts are mentioned."""
    out = list(chain.from_iterable(map(_word_features, analysed.words)))
    out.extend(_other_features(analysed))
    return out


def _other_features(analysed: Analysed) -> list[str]:
    out = [_link_feature(url) for url in analysed.urls]
    if analysed.mentions:
        out.append(_MENTIONS[min(len(analysed.mentions), 5)])
    return out


_MENTIONS = tuple(f"mentions:{n}" for n in range(6))


def _link_feature(url: str) -> str:
    """A link's feature is its domain: "url:bit.ly" for every bit.ly link."""
    return "url:" + url.split("//", 1)[-1].split("/", 1)[0].removeprefix("www.")


@lru_cache(maxsize=1 << 16)
def _word_features(word: str) -> tuple[str, ...]:
    if len(word) <= _NGRAM:
        return (word,)
    padded = f"<{word}>"
    return (word, *("#" + padded[i : i + _NGRAM] for i in range(len(padded) - _NGRAM + 1)))


def _feature_count(word: str) -> int:
    """``len(_word_features(word))`` without building them: the word and its len - 1 4-grams."""
    return len(word) if len(word) > _NGRAM else 1


#: Words whose summed evidence a model keeps between lessons (a bounded memory).
_EVIDENCE_LIMIT = 1 << 16


class SpamBayes:
    """Counts per class; log-odds cached until the next lesson."""

    def __init__(self) -> None:
        self._counts: dict[bool, Counter[str]] = {True: Counter(), False: Counter()}
        self._totals: dict[bool, int] = {True: 0, False: 0}
        self.documents: dict[bool, int] = {True: 0, False: 0}
        self._ratios: dict[str, float] | None = None
        self._unseen = 0.0
        # word -> complex(its features' summed evidence in this lesson state, how many features it has):
        # one C-level sum over a post's words yields both the evidence and the count its mean divides
        # by (the real parts add up in the same order, and so to the same float, as a sum of floats)
        self._word_evidence: dict[str, complex] = {}
        # the evidence of a link's domain feature by link, and of each mention count, in this lesson state
        self._link_evidence: dict[str, float] = {}
        self._mention_evidence: tuple[float, ...] = ()

    @property
    def trained(self) -> int:
        """How many lessons the model has had."""
        return self.documents[True] + self.documents[False]

    def learn(self, analysed: Analysed, is_spam: bool) -> None:
        feats = features(analysed)
        self._counts[is_spam].update(feats)
        self._totals[is_spam] += len(feats)
        self.documents[is_spam] += 1
        self._ratios = None
        self._word_evidence.clear()
        self._link_evidence.clear()

    def log_odds(self, analysed: Analysed) -> float:
        """Evidence for spam (positive) or not spam (negative); 0.0 before the first lesson.

        The same mean over :func:`features` as learning uses, but summed per word: each word's
        features are added up once per lesson state, so a post costs one lookup per word."""
        ratios = self._ratios  # None before the first lesson and after each
        if ratios is None:
            if not self.trained:
                return 0.0
            ratios = self._rebuild()
        words = analysed.words
        evidence = self._word_evidence
        both: complex
        try:  # most posts bring no word new to this lesson state: no set operation needed
            both = sum(map(evidence.__getitem__, words))
        except KeyError:
            self._add_evidence(analysed.distinct)
            both = sum(map(evidence.__getitem__, words))
        total, count = both.real, both.imag
        urls, mentions = analysed.urls, analysed.mentions
        if urls or mentions:  # three posts in four address an account or bring a link
            # the same values in the same order as over _other_features, without building the features
            links = self._link_evidence
            extra = [links[url] if url in links else self._add_link(url) for url in urls] if urls else []
            if mentions:
                extra.append(self._mention_evidence[min(len(mentions), 5)])
            total += sum(extra)
            count += len(extra)
        if not count:
            return 0.0
        return max(-_MAX_LOGIT, min(_MAX_LOGIT, total / count * _EVIDENCE_SCALE))

    def _add_evidence(self, distinct: frozenset[str]) -> None:
        evidence, ratios, unseen = self._word_evidence, self._ratios, self._unseen
        assert ratios is not None
        if len(evidence) >= _EVIDENCE_LIMIT:
            evidence.clear()
        for word in distinct.difference(evidence):
            evidence[word] = complex(sum([ratios.get(f, unseen) for f in _word_features(word)]), _feature_count(word))

    def _add_link(self, url: str) -> float:
        links = self._link_evidence
        if len(links) >= _EVIDENCE_LIMIT:
            links.clear()
        assert self._ratios is not None
        links[url] = value = self._ratios.get(_link_feature(url), self._unseen)
        return value

    def _rebuild(self) -> dict[str, float]:
        spam_norm = math.log(self._totals[True] + _VIRTUAL_VOCABULARY)
        ham_norm = math.log(self._totals[False] + _VIRTUAL_VOCABULARY)
        spam, ham = self._counts[True], self._counts[False]
        self._unseen = ham_norm - spam_norm
        self._ratios = {
            f: math.log(spam.get(f, 0) + 1) - math.log(ham.get(f, 0) + 1) - spam_norm + ham_norm
            for f in spam.keys() | ham.keys()
        }
        self._mention_evidence = tuple(self._ratios.get(f, self._unseen) for f in _MENTIONS)
        return self._ratios

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": FORMAT_VERSION,
            "documents": {"spam": self.documents[True], "ham": self.documents[False]},
            "counts": {"spam": dict(self._counts[True]), "ham": dict(self._counts[False])},
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SpamBayes:
        """Rebuild a model saved by :meth:`to_dict`; a ValueError says what is wrong with it."""
        if data.get("version") != FORMAT_VERSION:
            raise ValueError(f"unsupported spam model version {data.get('version')!r}")
        model = cls()
        try:
            for key, label in (("spam", True), ("ham", False)):
                counts = Counter({str(f): int(n) for f, n in data["counts"][key].items()})
                model._counts[label] = counts
                model._totals[label] = sum(counts.values())
                model.documents[label] = int(data["documents"][key])
        except (KeyError, TypeError, AttributeError, ValueError) as exc:
            raise ValueError(f"damaged spam model: {exc}") from None
        return model
