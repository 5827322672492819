"""Splitting a post into the pieces every signal reads, done once per message.

German and English share one tokeniser; a light suffix stemmer folds inflections
("verspätet", "Verspätung") onto one stem so that topics and the lexicon match them.
Tokenising is a handful of C-level regex calls, because triage must keep up with ingest.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

_TLDS = (
    "com|net|org|de|at|ch|eu|io|co|uk|info|biz|xyz|top|click|icu|buzz|shop|live|win|ly|me|app|site|online|store"
    "|link|example|tv|gg|ru"
)
_SCHEME_URL = re.compile(r"(?:https?://|www\.)\S+")
#: Links with a scheme or "www.", and bare domains on common and throwaway top-level domains
#: ("best-deals-2026.example/top10"), which spam writes to dodge link filters. The full pattern
#: tries every position, so it only runs when a top-level domain occurs at all (a literal search).
_URL = re.compile(
    _SCHEME_URL.pattern + rf"|(?<![@\w.])(?:[a-z0-9][a-z0-9-]*\.)+(?:{_TLDS})\b(?:/\S*)?",
    re.IGNORECASE,
)
_HAS_TLD = re.compile(rf"\.(?:{_TLDS})\b", re.IGNORECASE)
_MENTION = re.compile(r"@[\w.]+")
_WORD = re.compile(r"\w+(?:['’]\w+)*")
_CASED_WORD = re.compile(r"\w{3,}")
_CAPS = re.compile(r"\b[A-ZÄÖÜ]{3,}\b")
_EMOJI = re.compile(r"[\U0001F300-\U0001FAFF\u2600-\u27BF]")
_UMLAUTS = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss"})
_SUFFIXES = ("ungen", "ieren", "ungs", "eten", "ete", "ung", "ing", "ern", "en", "er", "es", "et", "ed", "e", "s")
_MIN_STEM = 4

#: Words that say nothing about a topic, German and English.
STOPWORDS: frozenset[str] = frozenset(
    """
    a about after again all also am an and any are as at be been before but by can could did do does
    for from get got had has have he her here him his how i if in into is it its just me more my no not
    now of on one only or our out over please so some still than that the their them then there these
    they this to too up us was we were what when where which who why will with would you your yours
    i'm it's don't can't won't i've isn't doesn't didn't hi hello thanks thank guys today yet
    ab aber alle allem als also am an auch auf aus bei beim bin bis bitte bzw da dann das dass dem den
    denn der des dich die dies diese diesem dieser doch dort du durch ein eine einem einen einer eines
    er es etwas euch euer für gar gegen gibt habe haben hat hatte hier ich ihr ihre im immer in ist ja
    jetzt kann kein keine keinen man mal mein meine meinem meinen meiner mich mir mit muss nach nicht
    nichts noch nun nur ob oder ohne schon sehr sein seit sich sie sind so soll um und uns unser unter
    viel vom von vor wann war waren warum was weil weiter welche wenn wer wie wieder will wir wird wo
    zu zum zur über hallo hey moin danke leute heute seid habt euren eurem eure ihnen ihren nix echt einfach
    keiner keinem per mehr gerade grad eben via
    geehrte geehrter geehrtes damen herren grüße gruß freundlichen liebe lieber mfg viele
    dear kind regards best wishes sincerely cheers
    """.split()
)


@dataclass(frozen=True, slots=True)
class Analysed:
    """A post taken apart: lower-cased words in order, their adjacent pairs, and what rules look at."""

    words: tuple[str, ...]
    distinct: frozenset[str]
    pairs: frozenset[tuple[str, str]]
    urls: tuple[str, ...]
    mentions: tuple[str, ...]
    emojis: tuple[str, ...]
    question: bool
    shouting: bool


def analyse(text: str) -> Analysed:
    """Tokenise once; every signal works on the result."""
    url = _url_pattern(text)
    urls = url.findall(text)
    rest = url.sub(" ", text) if urls else text
    mentions = _MENTION.findall(rest)
    if mentions:
        rest = _MENTION.sub(" ", rest)
    words = tuple(_WORD.findall(rest.lower()))
    upper = len(_CAPS.findall(rest))
    return Analysed(
        words=words,
        distinct=frozenset(words),
        pairs=frozenset(pairwise(words)),
        urls=tuple(u.lower() for u in urls),
        mentions=tuple(m.lower() for m in mentions),
        emojis=tuple(_EMOJI.findall(text)),
        question="?" in text,
        shouting=upper >= 3 and upper * 2 >= len(words),
    )


def _url_pattern(text: str) -> re.Pattern[str]:
    return _URL if _HAS_TLD.search(text) else _SCHEME_URL


@lru_cache(maxsize=1 << 17)
def stem(word: str) -> str:
    """A light de+en stem: umlauts folded, one common suffix stripped if a real stem remains."""
    folded = word.translate(_UMLAUTS)
    for suffix in _SUFFIXES:
        if folded.endswith(suffix) and len(folded) - len(suffix) >= _MIN_STEM:
            return folded[: -len(suffix)]
    return folded


def content_stems(analysed: Analysed) -> list[str]:
    """The stems that can name a topic: no stopwords, numbers or two-letter words."""
    return [stem(w) for w in analysed.words if len(w) > 2 and w not in STOPWORDS and not w.isdigit()]


def spellings(text: str) -> dict[str, str]:
    """Stem -> the spelling used in this post, so a topic label reads "Lieferung", not "liefer"."""
    seen: Counter[str] = Counter()
    out: dict[str, str] = {}
    for word in _CASED_WORD.findall(_MENTION.sub(" ", _url_pattern(text).sub(" ", text))):
        key = stem(word.lower())
        if key not in seen:
            out[key] = word
        seen[key] += 1
    return out
