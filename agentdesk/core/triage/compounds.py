"""German compounds taken apart, so "Lieferverzögerung" meets "Lieferung verspätet".

A small, explainable splitter: a word that is not itself known splits into a known head and
a known last part, with the linking elements -s-, -n-, -en-, -es-, -e- allowed between them
("Lieferungsstatus", "Paketzusteller", "Rechnungsbetrag"). Known means a word of the bundled
service vocabulary or the triage lexicons, or a stem of one of them; the parts come back as
those known words, so later steps see the same word as in a post that wrote them apart.
Nothing is guessed from statistics, and a word splits the same way in every post.
"""

from __future__ import annotations

from collections.abc import Iterable

from agentdesk.core.triage.text import stem

_LINKS = ("es", "en", "s", "n", "e", "")
_MIN_PART = 4
_MIN_WORD = 2 * _MIN_PART + 1

#: Nouns and verb stems that make up service compounds; the lexicons and the topic concept list add theirs.
SERVICE_WORDS = """
paket sendung lieferung lieferzeit zusteller zustellung zustellen bote kurier versand versenden lager
rechnung abrechnung buchung betrag gebühr kosten preis tarif vertrag kunde service hotline telefon nummer
router modem kabel netz internet glasfaser faser leitung anschluss techniker termin störung ausfall ausbau
verzögerung verspätung fehler meldung app login passwort konto portal warten schleife zeit woche monat
geld post adresse zentrale schutz verbraucher presse anfrage system seite status handy kündigung
bestätigung erstattung gutschrift mahnung zahlung lastschrift abbuchung
""".split()


class CompoundSplitter:
    """Splits unknown long words into known parts; known and short words stay whole."""

    def __init__(self, known: Iterable[str]) -> None:
        words = {w.lower() for w in known if len(w) >= _MIN_PART and w.isalpha()}
        self._known = frozenset(words)
        # a stem stands for the shortest word it came from ("liefer" -> "lieferung")
        self._word_of: dict[str, str] = {}
        for word in sorted(words, key=len):
            self._word_of.setdefault(word, word)
            self._word_of.setdefault(stem(word), word)

    def split(self, word: str) -> tuple[str, ...]:
        """("lieferung", "verzögerung") for "lieferverzögerung"; (word,) when it does not split."""
        if len(word) < _MIN_WORD or word in self._known or not word.isalpha():
            return (word,)
        parts = self._split(word)
        return parts if parts is not None else (word,)

    def _split(self, word: str) -> tuple[str, ...] | None:
        # the longest known last part wins: German puts the thing itself at the end
        for cut in range(_MIN_PART, len(word) - _MIN_PART + 1):
            last = self._known_part(word[cut:])
            if last is None:
                continue
            head = self._head(word[:cut])
            if head is not None:
                return (*head, last)
        return None

    def _head(self, head: str) -> tuple[str, ...] | None:
        for link in _LINKS:
            if link and not head.endswith(link):
                continue
            bare = head[: len(head) - len(link)]
            if len(bare) < _MIN_PART:
                continue
            known = self._known_part(bare)
            if known is not None:
                return (known,)
            if len(bare) >= _MIN_WORD:  # three parts: "Glas|faser|ausbau"
                inner = self._split(bare)
                if inner is not None:
                    return inner
        return None

    def _known_part(self, part: str) -> str | None:
        found = self._word_of.get(part)
        return found if found is not None else self._word_of.get(stem(part))
