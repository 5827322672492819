"""The one-line reasons, in English and German, keyed by finding code (and detail)."""

from __future__ import annotations

from typing import Literal

Language = Literal["de", "en"]

MESSAGES: dict[str, dict[str, str]] = {
    "placeholder": {
        "en": "The placeholder {text} has not been filled in.",
        "de": "Der Platzhalter {text} ist noch nicht ausgefüllt.",
    },
    "over-limit": {
        "en": "Too long for {channel}: {length} of {limit} {unit}.",
        "de": "Zu lang für {channel}: {length} von {limit} {unit}.",
    },
    "personal-data": {
        "en": "{kind} in a public reply – better answer privately.",
        "de": "{kind} in einer öffentlichen Antwort – besser privat antworten.",
    },
    "personal-data-no-private": {
        "en": "{kind} in a public reply – please remove it; {channel} has no private messages.",
        "de": "{kind} in einer öffentlichen Antwort – bitte entfernen, {channel} hat keine privaten Nachrichten.",
    },
    "promise": {
        "en": "“{text}” in a public reply: warranty, refunds and contracts belong in a private channel.",
        "de": (
            "„{text}“ in einer öffentlichen Antwort: Garantie, Erstattung und Verträge gehören in einen privaten Kanal."
        ),
    },
    "form-of-address-mixed": {
        "en": "“{text}” mixes Sie and du in one reply.",
        "de": "„{text}“ – in dieser Antwort sind Sie und du gemischt.",
    },
    "form-of-address-chosen": {
        "en": "“{text}” does not match the form of address for this customer ({form}).",
        "de": "„{text}“ passt nicht zur Anrede für diese Person ({form}).",
    },
    "shouting-capitals": {
        "en": "“{text}” in capitals reads as shouting.",
        "de": "„{text}“ in Großbuchstaben wirkt wie Schreien.",
    },
    "shouting-marks": {
        "en": "“{text}” reads as shouting; one mark is enough.",
        "de": "„{text}“ wirkt laut – ein Zeichen reicht.",
    },
}

#: Names of the personal-data kinds of the default guidelines; other kinds show their key.
KIND_NAMES: dict[str, dict[str, str]] = {
    "email": {"en": "E-mail address", "de": "E-Mail-Adresse"},
    "phone": {"en": "Phone number", "de": "Telefonnummer"},
    "iban": {"en": "IBAN", "de": "IBAN"},
    "address": {"en": "Postal address", "de": "Postanschrift"},
    "reference": {"en": "Order, customer or contract number", "de": "Bestell-, Kunden- oder Vertragsnummer"},
    "birth_date": {"en": "Date of birth", "de": "Geburtsdatum"},
}

UNIT_NAMES: dict[str, dict[str, str]] = {
    "weighted characters": {"en": "weighted characters", "de": "gewichteten Zeichen"},
    "graphemes": {"en": "characters", "de": "Zeichen"},
    "UTF-16 code units": {"en": "characters", "de": "Zeichen"},
    "characters": {"en": "characters", "de": "Zeichen"},
    "SMS units": {"en": "SMS characters", "de": "SMS-Zeichen"},
}


def message(key: str, language: Language, **values: object) -> str:
    return MESSAGES[key][language].format(**values)
