"""The words of the score, in English and German: what each behaviour is and why it was (not) met.

German addresses the trainee with "Sie", as the rest of the German UI does.
"""

from __future__ import annotations

from agentdesk.core.checks.messages import Language
from agentdesk.core.sla import format_span
from agentdesk.core.training.scenario import Check, Expectation

#: Default names of the behaviours; a scenario may word its own (``behaviour:``).
LABELS: dict[Check, dict[str, str]] = {
    Check.RESPONDS_WITHIN: {
        "en": "Answers every message within {within} of business time",
        "de": "Beantwortet jede Nachricht innerhalb von {within} Geschäftszeit",
    },
    Check.FITS_LIMIT: {"en": "Every reply fits the platform's limit", "de": "Jede Antwort passt ins Zeichenlimit"},
    Check.NO_WARNINGS: {
        "en": "No reply sent with a blocking finding or an ignored warning",
        "de": "Keine Antwort mit blockierendem Hinweis oder übergangener Warnung gesendet",
    },
    Check.FORM_OF_ADDRESS: {
        "en": "Keeps the customer's form of address (Sie/du)",
        "de": "Hält die Anrede der Person ein (Sie/du)",
    },
    Check.PRIVATE_BEFORE_PERSONAL_DATA: {
        "en": "Moves to private before asking for personal data",
        "de": "Wechselt in den privaten Kanal, bevor persönliche Daten abgefragt werden",
    },
    Check.MOVES_PRIVATE: {
        "en": "Moves the conversation to private",
        "de": "Verlagert das Gespräch in den privaten Kanal",
    },
    Check.NO_PROMISE_PUBLIC: {
        "en": "No warranty, refund or contract promise in public",
        "de": "Keine Zusage zu Garantie, Erstattung oder Vertrag in der Öffentlichkeit",
    },
    Check.APOLOGISES: {"en": "Apologises in the first reply", "de": "Entschuldigt sich in der ersten Antwort"},
    Check.MAX_REPLIES: {"en": "At most {count} replies", "de": "Höchstens {count} Antworten"},
    Check.MARKS_SPAM: {"en": "Marks the message as spam", "de": "Markiert die Nachricht als Spam"},
    Check.ESCALATES: {"en": "Escalates to the right team", "de": "Eskaliert an das zuständige Team"},
    Check.SPELLING: {"en": "No spelling mistakes", "de": "Keine Rechtschreibfehler"},
}

WHY: dict[str, dict[str, str]] = {
    "nothing-to-answer": {"en": "There was nothing to answer.", "de": "Es gab nichts zu beantworten."},
    "never-answered": {
        "en": "Turn {turn} was never answered (target {limit}).",
        "de": "Nachricht {turn} blieb unbeantwortet (Ziel: {limit}).",
    },
    "too-slow": {
        "en": "Turn {turn} was answered after {took} of business time; the target is {limit}.",
        "de": "Nachricht {turn} wurde nach {took} Geschäftszeit beantwortet; Ziel sind {limit}.",
    },
    "in-time": {
        "en": "All answered in time; the slowest, turn {turn}, took {took} of business time (target {limit}).",
        "de": "Alles rechtzeitig beantwortet; am längsten dauerte Nachricht {turn} mit {took} Geschäftszeit "
        "(Ziel: {limit}).",
    },
    "fits": {"en": "Every reply fits the limit.", "de": "Jede Antwort passt ins Limit."},
    "too-long": {
        "en": "The reply to turn {turn} is too long: {length} of {limit}.",
        "de": "Die Antwort auf Nachricht {turn} ist zu lang: {length} von {limit}.",
    },
    "no-findings": {
        "en": "No reply had a finding from the pre-send checks.",
        "de": "Keine Antwort hatte einen Hinweis aus der Prüfung vor dem Senden.",
    },
    "sent-blocked": {
        "en": "The reply to turn {turn} was sent despite a blocking finding: {message}",
        "de": "Die Antwort auf Nachricht {turn} ging trotz eines blockierenden Hinweises raus: {message}",
    },
    "ignored-warning": {
        "en": "The reply to turn {turn} was sent despite a warning: {message}",
        "de": "Die Antwort auf Nachricht {turn} ging trotz einer Warnung raus: {message}",
    },
    "form-broken": {
        "en": "The reply to turn {turn} breaks the form of address: {message}",
        "de": "Die Antwort auf Nachricht {turn} hält die Anrede nicht ein: {message}",
    },
    "form-followed": {
        "en": "Followed the customer's switch to “{form}” (turn {turn}).",
        "de": "Den Wechsel der Person zum „{form}“ mitgemacht (Nachricht {turn}).",
    },
    "form-kept": {"en": "Every reply keeps “{form}”.", "de": "Jede Antwort bleibt beim „{form}“."},
    "data-public": {
        "en": "The public reply to turn {turn} asks for or shows personal data.",
        "de": "Die öffentliche Antwort auf Nachricht {turn} fragt nach persönlichen Daten oder zeigt sie.",
    },
    "data-private": {
        "en": "Personal data stayed out of public; private from turn {turn} on.",
        "de": "Persönliche Daten blieben aus der Öffentlichkeit; ab Nachricht {turn} privat.",
    },
    "no-data-asked": {
        "en": "No personal data was asked for in public.",
        "de": "In der Öffentlichkeit wurden keine persönlichen Daten abgefragt.",
    },
    "stayed-public": {"en": "Every reply stayed public.", "de": "Alle Antworten blieben öffentlich."},
    "went-private": {
        "en": "The reply to turn {turn} went out privately.",
        "de": "Die Antwort auf Nachricht {turn} ging privat raus.",
    },
    "no-promise": {
        "en": "No public reply promises warranty, refunds or contract terms.",
        "de": "Keine öffentliche Antwort sagt Garantie, Erstattung oder Vertragliches zu.",
    },
    "promised": {
        "en": "The public reply to turn {turn}: {message}",
        "de": "Die öffentliche Antwort auf Nachricht {turn}: {message}",
    },
    "no-reply-at-all": {"en": "There was no reply at all.", "de": "Es gab gar keine Antwort."},
    "apologised": {
        "en": "The first reply (turn {turn}) apologises.",
        "de": "Die erste Antwort (Nachricht {turn}) enthält eine Entschuldigung.",
    },
    "no-apology": {
        "en": "The first reply (turn {turn}) does not apologise.",
        "de": "Die erste Antwort (Nachricht {turn}) enthält keine Entschuldigung.",
    },
    "mentioned": {
        "en": "The reply to turn {turn} says “{word}”.",
        "de": "Die Antwort auf Nachricht {turn} nennt „{word}“.",
    },
    "not-mentioned": {
        "en": "No reply says any of: {words}.",
        "de": "Keine Antwort nennt eines davon: {words}.",
    },
    "said": {
        "en": "The reply to turn {turn} says “{word}”.",
        "de": "Die Antwort auf Nachricht {turn} enthält „{word}“.",
    },
    "avoided": {"en": "No reply says it.", "de": "Keine Antwort enthält das."},
    "replies-ok": {"en": "{count} replies (at most {limit}).", "de": "{count} Antworten (höchstens {limit})."},
    "too-many-replies": {
        "en": "{count} replies; no more than {limit} would have been right.",
        "de": "{count} Antworten; richtig wären höchstens {limit} gewesen.",
    },
    "not-spam": {"en": "It was never marked as spam.", "de": "Die Nachricht wurde nicht als Spam markiert."},
    "marked-spam": {
        "en": "Marked as spam at turn {turn}.",
        "de": "Bei Nachricht {turn} als Spam markiert.",
    },
    "escalated": {"en": "Escalated at turn {turn}.", "de": "Bei Nachricht {turn} eskaliert."},
    "referred": {
        "en": "The reply to turn {turn} hands it on (“{word}”).",
        "de": "Die Antwort auf Nachricht {turn} gibt den Fall weiter („{word}“).",
    },
    "not-escalated": {"en": "It was neither escalated nor handed on.", "de": "Weder eskaliert noch weitergegeben."},
    "spelling-ok": {"en": "No misspelled words.", "de": "Keine falsch geschriebenen Wörter."},
    "misspelled": {
        "en": "The reply to turn {turn} has misspelled words: {words}.",
        "de": "Die Antwort auf Nachricht {turn} enthält Tippfehler: {words}.",
    },
}


def behaviour_label(expectation: Expectation, language: Language) -> str:
    """The scenario's own wording in this language, else the default wording, else the scenario's own in any."""
    own = expectation.label.get(language)
    if own:
        return own
    if expectation.check not in LABELS:
        return next(iter(expectation.label.values()))
    within = format_span(expectation.within) if expectation.within else ""
    return LABELS[expectation.check][language].format(within=within, count=expectation.count)


def why(key: str, language: Language, **values: object) -> str:
    return WHY[key][language].format(**values)
