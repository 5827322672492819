"""Splitting a post into the pieces every signal reads, done once per message.

German and English share one tokeniser; a light suffix stemmer folds inflections
("verspätet", "Verspätung") onto one stem so that topics and the lexicon match them.
Tokenising is a handful of C-level regex calls, because triage must keep up with ingest.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from typing import Any, TypeVar

V = TypeVar("V")

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
_MENTION = re.compile(r"(@[\w.]+)")  # a group, so that ``split`` keeps the mentions
_WORD = re.compile(r"\w+(?:['’]\w+)*")
_PLAIN_WORD = re.compile(r"\w+")  # the same where a post has no apostrophe, and faster
_CASED_WORD = re.compile(r"\w{3,}")
_CAPS = re.compile(r"\b[A-ZÄÖÜ]{3,}\b")
_CAPS_RUN = re.compile(r"[A-ZÄÖÜ]{3,}")  # no word boundaries: the engine skips ahead to a capital
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


@dataclass(slots=True, eq=False)
class Analysed:
    """A post taken apart: lower-cased words in order, and what the rules look at. Treat it as
    read-only. Slotted but not frozen (a frozen dataclass costs five times as much to build) and
    not a named tuple: it is built once per message and read some twenty times, and Python 3.11
    specialises reading a slot but not a named tuple's field, so the whole costs half as much."""

    words: tuple[str, ...]
    distinct: frozenset[str]
    urls: tuple[str, ...]
    mentions: tuple[str, ...]
    emojis: tuple[str, ...]
    question: bool
    plain: str  # the text without links and mentions

    @property
    def shouting(self) -> bool:
        """Mostly words in capitals; only the tone asks, and only of negative posts. Each word in
        capitals is also a run of capitals, so the cheaper run count rules most posts out first."""
        runs = len(_CAPS_RUN.findall(self.plain))
        if runs < 3 or runs * 2 < len(self.words):
            return False
        upper = len(_CAPS.findall(self.plain))
        return upper >= 3 and upper * 2 >= len(self.words)


def analyse(text: str) -> Analysed:
    """Tokenise once; every signal works on the result. The cheap C-level tests in front of each
    regex skip it for the many posts that cannot match."""
    if _HAS_TLD.search(text):
        urls, rest = _links(text)
    elif "www." in text or "://" in text:
        urls = _SCHEME_URL.findall(text)
        rest = _SCHEME_URL.sub(" ", text) if urls else text
    else:
        urls, rest = [], text
    mentions: list[str] | tuple[()] = ()
    if "@" in rest:
        pieces = _MENTION.split(rest)  # text, mention, text, …: one pass finds them and cuts them out
        mentions = pieces[1::2]
        if mentions:
            rest = " ".join(pieces[::2])
    lowered = rest.lower()
    words = tuple(_WORD.findall(lowered) if "'" in lowered or "’" in lowered else _plain_words(lowered))
    distinct = frozenset(words)
    WORDS.learn(distinct)
    return Analysed(
        words,
        distinct,
        tuple([u.lower() for u in urls]) if urls else (),
        tuple([m.lower() for m in mentions]) if mentions else (),
        () if text.isascii() else tuple(_EMOJI.findall(text)),
        "?" in text,
        rest,
    )


#: ASCII letters, digits and "_" (the word characters below 128) stay, every other ASCII byte becomes
#: a space; bytes from 128 on (parts of UTF-8 sequences) stay as they are.
_WORD_BYTES = bytes(b if chr(b).isalnum() or b == 0x5F else 0x20 for b in range(128)) + bytes(range(128, 256))


def _plain_words(lowered: str) -> list[str]:
    """``_PLAIN_WORD.findall(lowered)`` in a third of the time: the pattern's word test runs per
    character in the regex engine, a byte translation and ``split`` run in C. Every split point is
    a character the pattern does not match (ASCII punctuation, Unicode whitespace), so a piece of
    letters and digits is one match; only a piece holding anything else (``€``, ``„``, emoji,
    ``_``) goes through the pattern."""
    if lowered.isascii():
        return lowered.encode().translate(_WORD_BYTES).decode().split()
    pieces = lowered.encode("utf-8", "surrogatepass").translate(_WORD_BYTES).decode("utf-8", "surrogatepass").split()
    if all(map(str.isalnum, pieces)):
        return pieces
    return [word for piece in pieces for word in ((piece,) if piece.isalnum() else _PLAIN_WORD.findall(piece))]


def _links(text: str) -> tuple[list[str], str]:
    """Links and the text without them. The full pattern runs only on the whitespace-separated
    pieces that could hold one (a link never spans whitespace), not at every position of the post."""
    urls: list[str] = []
    parts = text.split()
    for n, part in enumerate(parts):
        if "." in part or "/" in part:
            found = _URL.findall(part)
            if found:
                urls.extend(found)
                parts[n] = _URL.sub(" ", part)
    return urls, " ".join(parts) if urls else text


def pairs_in(
    analysed: Analysed, pairs: Mapping[tuple[str, str], object], seconds_of: PairWords
) -> AbstractSet[tuple[str, str]]:
    """The adjacent word pairs of a post that are keys of ``pairs``. The adjacent pairs are only
    formed when the post holds both words of some pair (``seconds_of``: first word -> its second
    words); two set tests rule most posts out without a Python loop."""
    distinct = analysed.distinct
    if seconds_of.firsts.isdisjoint(distinct) or seconds_of.seconds.isdisjoint(distinct):
        return _NO_PAIRS
    for first in seconds_of.firsts & distinct:
        if not seconds_of[first].isdisjoint(distinct):
            return {p for p in pairwise(analysed.words) if p in pairs}
    return _NO_PAIRS


_NO_PAIRS: frozenset[tuple[str, str]] = frozenset()  # shared: callers only read the result


class PairWords(dict[str, frozenset[str]]):
    """First word of a pair -> the words that may follow it, and the first and the second words
    each as a frozenset (set operations between frozensets are the fastest kind)."""

    def __init__(self, pairs: Iterable[tuple[str, str]]) -> None:
        seconds: dict[str, set[str]] = {}
        for first, second in pairs:
            seconds.setdefault(first, set()).add(second)
        super().__init__((first, frozenset(words)) for first, words in seconds.items())
        self.firsts = frozenset(self)
        self.seconds = frozenset().union(*self.values())


class WordFacts:
    """What every signal knows about a word, computed for all signals together the first time a
    post brings the word. A post then costs one subset test here, and each signal reads its
    dict with C-level ``map`` or set operations instead of finding its own unseen words."""

    __slots__ = ("_limit", "_seen", "_tables")

    def __init__(self, limit: int = 1 << 16) -> None:
        self._limit = limit
        self._seen: set[str] = set()
        # each table's dict, how to compute a value, and for a sparse table the set of its words
        self._tables: list[tuple[dict[str, Any], Callable[[str], Any], set[str] | None]] = []

    def table(self, compute: Callable[[str], V]) -> dict[str, V]:
        """A dict holding ``compute(word)`` for every word of every analysed post."""
        values: dict[str, V] = {}
        self._add(values, compute, None)
        return values

    def sparse_table(self, compute: Callable[[str], V]) -> tuple[dict[str, V], set[str]]:
        """A dict holding ``compute(word)`` only for the words with a true value, and those words
        as a set: testing a post's frozenset against a set is about twice as fast as against
        the dict's keys view, and most posts are ruled out by that one test."""
        values: dict[str, V] = {}
        words: set[str] = set()
        self._add(values, compute, words)
        return values, words

    def _add(self, values: dict[str, Any], compute: Callable[[str], Any], words: set[str] | None) -> None:
        self._tables.append((values, compute, words))
        self._seen.clear()  # words met before this table existed get their value again

    def learn(self, distinct: frozenset[str]) -> None:
        """Make sure every table knows these words (called by :func:`analyse`)."""
        seen = self._seen
        if seen.issuperset(distinct):
            return
        if len(seen) >= self._limit:  # a bounded memory: start over rather than track age
            seen.clear()
            for values, _, words in self._tables:
                values.clear()
                if words is not None:
                    words.clear()
        missing = distinct.difference(seen)
        for values, compute, words in self._tables:
            for word in missing:
                value = compute(word)
                if words is None:
                    values[word] = value
                elif value:
                    values[word] = value
                    words.add(word)
        seen.update(missing)


#: The per-word facts of all signals (keywords, tone, classifier feature counts, topic terms).
WORDS = WordFacts()


@lru_cache(maxsize=1 << 17)
def stem(word: str) -> str:
    """A light de+en stem: umlauts folded, one common suffix stripped if a real stem remains."""
    folded = word.translate(_UMLAUTS)
    for suffix in _SUFFIXES:
        if folded.endswith(suffix) and len(folded) - len(suffix) >= _MIN_STEM:
            return folded[: -len(suffix)]
    return folded


def spellings(analysed: Analysed) -> dict[str, str]:
    """Stem -> the spelling used in this post, so a topic label reads "Lieferung", not "liefer"."""
    out: dict[str, str] = {}
    for word in _CASED_WORD.findall(analysed.plain):
        out.setdefault(stem(word.lower()), word)
    return out
