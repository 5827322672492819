"""Incremental topic grouping: each new post joins the most similar recent topic or starts one.

Single-pass clustering over TF-IDF stems against topic centroids, with document frequencies
kept as posts arrive. Membership is final, so a group never reshuffles under the agent's
eyes; only its label sharpens as it grows. Topics quiet for longer than the window close.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from itertools import chain

from agentdesk.core.triage import sentiment_lexicon as lex
from agentdesk.core.triage.compounds import SERVICE_WORDS, CompoundSplitter
from agentdesk.core.triage.text import STOPWORDS, WORDS, Analysed, analyse, spellings, stem

#: Words that name the same thing in service talk, German and English, so that "Paket verspätet"
#: and "parcel delayed" can land in one topic. The first word of each line names the concept.
_CONCEPTS = """
paket parcel package packet sendung
lieferung geliefert delivery delivered deliver zustellung zugestellt liefertermin
verspätet verspätung delayed delay late überfällig
rechnung bill invoice abrechnung
abgebucht abbuchung charged debit debits lastschrift
doppelt twice double zweimal
login log einloggen anmelden anmeldung logged
störung outage ausfall ausgefallen totalausfall down tot dead died lahmgelegt lahm lahmlegen
internet wlan dsl netz wifi offline connection verbindung
router box modem fritzbox
update updates firmware aktualisierung
neustart restart reboot rebooted bootet bootschleife bootloop boot
blinkt blinken blinking blink leuchtet
warteschleife hold
erreichbar reach unreachable erreichen
preiserhöhung increase erhöhung erhöht
kündigen cancel cancelling kündige gekündigt
"""
_CONCEPT_OF: dict[str, str] = {
    stem(word): stem(line.split()[0]) for line in _CONCEPTS.strip().splitlines() for word in line.split()
}


_SPLITTER = CompoundSplitter([*SERVICE_WORDS, *lex.WORDS, *_CONCEPTS.split()])


def _terms(word: str) -> tuple[str, ...]:
    """The terms a word adds to a topic: the concept or stem of each part of a compound
    ("Lieferverzögerung" adds what "Lieferung" and "Verzögerung" add); none for stopwords,
    numbers and two-letter words, which say nothing about a subject."""
    if len(word) <= 2 or word in STOPWORDS or word.isdigit():
        return ()
    keys = [stem(part) for part in _SPLITTER.split(word)]
    return tuple(_CONCEPT_OF.get(key, key) for key in keys)


_TERMS: dict[str, tuple[str, ...]] = WORDS.table(_terms)
_LABEL_TERMS = 3
#: Up to this size a topic's centroid and label are rebuilt on every post, then every n-th post.
_ALWAYS_REFRESH = 32
_SWEEP_EVERY = timedelta(hours=1)


@dataclass(frozen=True, slots=True)
class Topic:
    """A group as the queue shows it: label, size and who is in it."""

    id: int
    label: str
    count: int
    message_ids: tuple[str, ...]
    first_at: datetime
    last_at: datetime


@dataclass(slots=True, eq=False)  # hashed by identity: the index keys on groups
class _Group:
    id: int
    first_at: datetime
    last_at: datetime
    terms: Counter[str] = field(default_factory=Counter)
    members: list[str] = field(default_factory=list)
    size: int = 0  # len(members), read once per shared term and post
    norm: float = 1.0
    label: str = ""


class TopicStore:
    """Groups posts as they arrive and lists the open topics with counts and members."""

    def __init__(self, window: timedelta = timedelta(days=3), threshold: float = 0.15) -> None:
        self._window = window
        self._threshold = threshold
        self._df: Counter[str] = Counter()
        self._docs = 0
        self._groups: dict[int, _Group] = {}
        # term -> the open topics that use it, each with how many of its posts hold the term
        self._index: dict[str, dict[_Group, int]] = {}
        self._next_id = 1
        self._next_sweep: datetime | None = None
        self._spelling: dict[str, str] = {}  # stem -> first spelling seen, for labels

    def add(self, message_id: str, text: str, at: datetime, analysed: Analysed | None = None) -> int:
        """File one post under a topic (new or existing) and return the topic's id."""
        if self._next_sweep is None or at >= self._next_sweep:
            self._sweep(at)
        analysed = analysed or analyse(text)
        terms: dict[str, int] = {}  # a plain dict: Counter's constructor costs more than counting
        for t in chain.from_iterable(map(_TERMS.__getitem__, analysed.words)):
            terms[t] = terms.get(t, 0) + 1
        if not self._spelling.keys() >= terms.keys():
            for key, word in spellings(analysed).items():
                self._spelling.setdefault(key, word)
        self._docs += 1
        # One pass per term: its document frequency, idf = log((docs + 1) / (df + 1)) + 1, its weight
        # (1 + log(n)) * idf (just idf for a term used once) and the square for the norm.
        df, docs, log = self._df, self._docs + 1, math.log
        idf: dict[str, float] = {}
        weights: dict[str, float] = {}
        squares = 0.0
        for t, n in terms.items():
            df[t] = seen = df.get(t, 0) + 1
            idf[t] = i = log(docs / (seen + 1)) + 1.0
            weights[t] = w = i if n == 1 else (1 + log(n)) * i
            squares += w * w
        norm = math.sqrt(squares) or 1.0
        group = self._best_match(weights, idf, norm) or self._open(at)
        group.members.append(message_id)
        group.size += 1
        if at > group.last_at:
            group.last_at = at
        counts, index = group.terms, self._index
        for t in terms:
            counts[t] = count = counts.get(t, 0) + 1
            postings = index.get(t)
            if postings is None:
                index[t] = {group: count}
            else:
                postings[group] = count
        size = group.size
        if size <= _ALWAYS_REFRESH or size % _ALWAYS_REFRESH == 0:
            self._refresh(group)
        return group.id

    def label(self, topic_id: int) -> str | None:
        """The topic's current name, e.g. "Lieferung · verspätet · DHL"; None once it has closed."""
        group = self._groups.get(topic_id)
        return None if group is None else group.label

    def topics(self, min_size: int = 2) -> list[Topic]:
        """Open topics with at least ``min_size`` posts, largest first."""
        groups = [g for g in self._groups.values() if len(g.members) >= min_size]
        groups.sort(key=lambda g: (-len(g.members), g.id))
        return [self._snapshot(g) for g in groups]

    def topic(self, topic_id: int) -> Topic | None:
        group = self._groups.get(topic_id)
        return None if group is None else self._snapshot(group)

    def _best_match(self, weights: dict[str, float], idf: dict[str, float], norm: float) -> _Group | None:
        """The open topic whose centroid is most similar (cosine), if above the threshold."""
        dots: dict[_Group, float] = {}
        get = dots.get
        index = self._index
        for term, w in weights.items():
            postings = index.get(term)
            if not postings:
                continue
            w *= idf[term]
            for group, count in postings.items():
                dots[group] = get(group, 0.0) + w * count / group.size
        best, best_sim = None, self._threshold
        for group, dot in dots.items():
            sim = dot / (norm * group.norm)
            if sim >= best_sim:
                best, best_sim = group, sim
        return best

    def _open(self, at: datetime) -> _Group:
        group = _Group(id=self._next_id, first_at=at, last_at=at)
        self._next_id += 1
        self._groups[group.id] = group
        return group

    def _refresh(self, group: _Group) -> None:
        """Recompute the centroid norm and the label after a post joined."""
        size, df, docs, log = group.size, self._df, self._docs + 1, math.log
        scored = {t: n / size * (log(docs / (df[t] + 1)) + 1.0) for t, n in group.terms.items()}
        group.norm = math.sqrt(sum(v * v for v in scored.values())) or 1.0
        shared = [t for t, n in group.terms.items() if n >= 2 or size == 1]
        top = sorted(shared, key=lambda t: -scored[t])[:_LABEL_TERMS]
        group.label = " · ".join(self._spelling.get(t, t) for t in top)

    def _sweep(self, now: datetime) -> None:
        """Close topics that have been quiet for longer than the window (at most hourly)."""
        self._next_sweep = now + _SWEEP_EVERY
        cutoff = now - self._window
        for gid in [g.id for g in self._groups.values() if g.last_at < cutoff]:
            group = self._groups.pop(gid)
            for term in group.terms:
                postings = self._index[term]
                del postings[group]
                if not postings:
                    del self._index[term]

    @staticmethod
    def _snapshot(group: _Group) -> Topic:
        return Topic(
            id=group.id,
            label=group.label,
            count=len(group.members),
            message_ids=tuple(group.members),
            first_at=group.first_at,
            last_at=group.last_at,
        )
