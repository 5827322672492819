"""The fast paths of tokenising, tone and the classifier give exactly what the plain definitions give."""

from __future__ import annotations

import math
import re

import pytest

from agentdesk.core.triage.bayes import _EVIDENCE_SCALE, _MAX_LOGIT, SpamBayes, features
from agentdesk.core.triage.text import _plain_words, analyse

_WORD = re.compile(r"\w+")
_CAPS = re.compile(r"\b[A-ZÄÖÜ]{3,}\b")


@pytest.mark.parametrize(
    "text",
    [
        "",
        "seit drei tagen kein internet in hamburg-altona, der router blinkt nur rot. wann kommt ein techniker??",
        "snake_case_words, tabs\tand\nlines; x2 3g 4711",
        "störung in großhamburg: „sicherheitspaket“ für 9,99 € – echt jetzt…",
        "🚀 bitcoin 🚀 verdoppeln💸jetzt",
        "non\xa0breaking\u2003spaces\u3000and ideographic",
        "numbers ² ½ ٣ ⅳ and marks e\u0301 and ï",
        "a lone \ud800 surrogate_here",
        "ümlaut_und_unterstrich ärger!",
    ],
)
def test_plain_words_are_the_word_pattern_matches(text: str) -> None:
    assert _plain_words(text) == _WORD.findall(text)


@pytest.mark.parametrize(
    "text",
    [
        "DAS IST EINE FRECHHEIT",
        "KEIN WLAN, KEIN DSL, NICHTS GEHT",
        "Kein WLAN und kein DSL seit drei Tagen",
        "ÄRGER ÜBER ÖDE HOTLINE",
        "ABCdef GHIjkl MNOpqr",
        "SCHON_WIEDER KEIN NETZ",
        "WLAN",
        "",
    ],
)
def test_shouting_counts_words_in_capitals(text: str) -> None:
    analysed = analyse(text)
    upper = len(_CAPS.findall(analysed.plain))
    assert analysed.shouting == (upper >= 3 and upper * 2 >= len(analysed.words))


def test_the_classifier_weighs_links_and_mentions_like_its_features() -> None:
    bayes = SpamBayes()
    bayes.learn(analyse("Gratis Bitcoin auf https://bit.ly/x und www.win.xyz @a @b"), True)
    bayes.learn(analyse("@nordwelle mein Router blinkt rot, siehe https://nordwelle.de/status"), False)
    post = analyse("@nordwelle @hilfe Bitcoin gratis: https://bit.ly/y und https://nordwelle.de/x")
    for _ in range(2):  # the second time from the evidence kept for this lesson state
        ratios = bayes._rebuild()
        evidence = [ratios.get(f, bayes._unseen) for f in features(post)]
        expected = max(-_MAX_LOGIT, min(_MAX_LOGIT, sum(evidence) / len(evidence) * _EVIDENCE_SCALE))
        assert math.isclose(bayes.log_odds(post), expected, rel_tol=1e-12)
    before = bayes.log_odds(post)
    bayes.learn(analyse("https://bit.ly/z"), False)  # a lesson changes the links' evidence
    assert bayes.log_odds(post) < before
