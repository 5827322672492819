"""What one reply of the trainee shows: the same checks the editor runs, plus the few facts that
branches and scoring ask about (an apology, a request for personal data in public, …).

Asking for personal data is recognised by words ("Bestellnummer", "order number"); a public reply
that asks for them *and* points to a private channel ("per DM", "private message") moves the
customer to private, which is what a trainee should do, so it does not count as asking in public.
A misspelling counts only when the word lists know a word one edit away (a typo): German compounds
missing from the lists are not held against the trainee.

A reply split into a thread is judged the way it goes out: each part is counted against the limit
and checked on its own (as the split dialog does), the words are looked for in all parts.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from agentdesk.core.channels import Audience, Channel
from agentdesk.core.checks import Finding, Guidelines, run_checks
from agentdesk.core.checks.messages import Language
from agentdesk.core.length import effective_audience, measure
from agentdesk.core.spelling import Lexicon, misspellings, suggestions

_APOLOGY = re.compile(
    r"tut (?:mir|uns) (?:\w+ )?leid|entschuldig|bedauer|\bsorry\b|apologi[sz]|apologies|\bregret",
    re.IGNORECASE,
)
_DATA_WORDS = re.compile(
    r"(?:bestell|auftrags|kunden|vertrags|rechnungs|sendungs|konto|telefon|handy)-?nummer|adresse|anschrift"
    r"|geburtsdatum|\biban\b|order (?:number|no)|account (?:number|details)|customer number|tracking number"
    r"|(?:phone|mobile) number|(?:e-?mail |postal |home )?address|date of birth",
    re.IGNORECASE,
)
_PRIVATE_POINTER = re.compile(
    r"\bDM\b|Direktnachricht|private[nr]? Nachricht|\bPN\b|privat|per (?:E-)?Mail|direct message|private message"
    r"|\bin private\b|privately|message us",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class ReplyFacts:
    audience: Audience  # as it really goes out (a channel with one audience has no choice)
    findings: tuple[Finding, ...]
    fits: bool
    length: int
    limit: int
    apologised: bool
    asked_personal_data_public: bool
    promised_public: bool
    form_kept: bool
    misspelled: tuple[str, ...]

    @property
    def private(self) -> bool:
        return self.audience is Audience.PRIVATE

    def finding(self, code: str) -> Finding | None:
        return next((f for f in self.findings if f.code == code), None)


def reply_facts(
    text: str,
    channel: Channel,
    audience: Audience,
    *,
    guidelines: Guidelines,
    form: str,
    language: Language,
    lexicons: Mapping[str, Lexicon],
    known_names: frozenset[str],
    parts: tuple[str, ...] = (),
) -> ReplyFacts:
    """The facts about one reply; ``form`` is the customer's form of address at that moment.

    ``parts`` are the posts of a thread (``text`` holds them all); empty for a single post.
    """
    audience = effective_audience(channel, audience)
    posts = parts or (text,)
    lengths = [measure(post, channel, audience) for post in posts]
    findings = tuple(
        finding
        for post, length in zip(posts, lengths, strict=True)
        for finding in run_checks(
            post,
            channel=channel,
            audience=audience,
            guidelines=guidelines,
            form_of_address=form or None,
            known_names=known_names,
            language=language,
            length=length,
        )
    )
    # The post that decides "fits the limit": the first that does not fit, else the longest.
    length = next((m for m in lengths if not m.valid), max(lengths, key=lambda m: m.length))
    public = audience is Audience.PUBLIC
    asks = bool(_DATA_WORDS.search(text)) and not _PRIVATE_POINTER.search(text)
    shows_data = any(f.code == "personal-data" for f in findings)
    return ReplyFacts(
        audience=audience,
        findings=findings,
        fits=length.valid,
        length=length.length,
        limit=length.limit,
        apologised=bool(_APOLOGY.search(text)),
        asked_personal_data_public=public and (asks or shows_data),
        promised_public=public and any(f.code == "promise" for f in findings),
        form_kept=not any(f.code == "form-of-address" for f in findings),
        misspelled=tuple(
            m.word for m in misspellings(text, lexicons, known_names=known_names) if suggestions(m.word, lexicons)
        ),
    )


def has_keyword(text: str, keywords: tuple[str, ...]) -> str | None:
    """The first of ``keywords`` (already casefolded) found in ``text``, as written in the text's case."""
    folded = text.casefold()
    return next((k for k in keywords if k in folded), None)
