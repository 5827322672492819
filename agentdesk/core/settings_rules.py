"""What each profile setting accepts, checked with the same parsers the app runs on.

The preferences dialog and ``agentdesk settings set`` both ask here, so a value is refused with
the same words in both places, in English and German. Pure: text in, a value or a
:class:`SettingProblem` out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from agentdesk.core.channels import Channel
from agentdesk.core.notifications import NOTICE_KINDS, working_calendar
from agentdesk.core.sla import BusinessCalendar, normalise_region, parse_closed_days, zone

Language = Literal["de", "en"]
ROLES = ("agent", "supervisor", "trainee")
LANGUAGES = ("system", "de", "en")  # "system" is stored as ""
ADDRESSES = ("sie", "du")
ADDRESS_PREFIX = "default_form_of_address."
MAX_NAME = 80
#: The setting keys in the order ``settings show`` lists them (form of address: one key per channel).
KEYS = (
    "agent_name",
    "company_name",
    "role",
    "language",
    "default_form_of_address",
    "opening_hours",
    "time_zone",
    "holidays",
    "closed_days",
    "notifications_off",
    "working_hours",
)


@dataclass(frozen=True, slots=True)
class Problem:
    """Why a value is refused, in both UI languages; ``key`` names the setting."""

    key: str
    en: str
    de: str

    def text(self, language: str) -> str:
        return self.de if language == "de" else self.en


class SettingProblem(ValueError):
    def __init__(self, problem: Problem) -> None:
        super().__init__(f"{problem.key}: {problem.en}")
        self.problem = problem


#: What is allowed, per key: said after a refusal and listed by ``settings`` help.
ALLOWED: dict[str, tuple[str, str]] = {
    "agent_name": (
        f"a name of 1 to {MAX_NAME} characters on one line",
        f"einen Namen mit 1 bis {MAX_NAME} Zeichen in einer Zeile",
    ),
    "company_name": (
        f"a name of 1 to {MAX_NAME} characters on one line",
        f"einen Namen mit 1 bis {MAX_NAME} Zeichen in einer Zeile",
    ),
    "role": ("agent, supervisor or trainee", "agent, supervisor oder trainee"),
    "language": ("system, de or en", "system, de oder en"),
    "default_form_of_address": ("sie or du", "sie oder du"),
    "opening_hours": ("e.g. 'mon-fri 08:00-18:00; sat 10:00-14:00'", "z. B. „mo-fr 08:00-18:00; sa 10:00-14:00“"),
    "working_hours": (
        "e.g. 'mon-fri 09:00-17:00', or empty for the opening hours",
        "z. B. „mo-fr 09:00-17:00“, oder leer für die Öffnungszeiten",
    ),
    "time_zone": ("an IANA name such as Europe/Berlin", "einen IANA-Namen wie Europe/Berlin"),
    "holidays": (
        "a country code with an optional region, e.g. DE, DE-BY, AT, CH; none for no public holidays",
        "einen Ländercode, wahlweise mit Region, z. B. DE, DE-BY, AT, CH; none für keine Feiertage",
    ),
    "closed_days": (
        "dates separated by commas: YYYY-MM-DD once, MM-DD every year; empty for none",
        "Daten mit Komma getrennt: JJJJ-MM-TT einmalig, MM-TT jedes Jahr; leer für keine",
    ),
    "notifications_off": (
        f"kinds separated by commas from {', '.join(NOTICE_KINDS)}; empty for none",
        f"Arten mit Komma getrennt aus {', '.join(NOTICE_KINDS)}; leer für keine",
    ),
}


def known_key(key: str) -> bool:
    if key.startswith(ADDRESS_PREFIX):
        return key.removeprefix(ADDRESS_PREFIX) in {c.value for c in Channel}
    return key in KEYS and key != "default_form_of_address"


def parse_setting(key: str, text: str) -> str | list[str]:
    """The value to store for ``key`` typed as ``text``; SettingProblem says what is wrong."""
    if not known_key(key):
        raise _unknown_key(key)
    rule = ALLOWED["default_form_of_address" if key.startswith(ADDRESS_PREFIX) else key]
    value = text.strip()
    try:
        return _parse(key, value)
    except _Refused as exc:
        raise SettingProblem(Problem(key, f"{exc.en}; use {rule[0]}", f"{exc.de} Erlaubt: {rule[1]}.")) from None
    except ValueError as exc:
        raise SettingProblem(Problem(key, str(exc), german(str(exc)))) from None


def problem(key: str, text: str) -> Problem | None:
    """None when ``text`` is a valid value for ``key``."""
    try:
        parse_setting(key, text)
    except SettingProblem as exc:
        return exc.problem
    return None


class _Refused(Exception):
    """A value outside a fixed set; the allowed values are added to the message."""

    def __init__(self, en: str, de: str) -> None:
        super().__init__(en)
        self.en, self.de = en, de


def _parse(key: str, value: str) -> str | list[str]:
    if key.startswith(ADDRESS_PREFIX):
        return _one_of(value.lower(), ADDRESSES)
    match key:
        case "agent_name" | "company_name":
            if not value:
                raise _Refused("it is empty", "Das Feld ist leer.")
            if "\n" in value or "\r" in value:
                raise _Refused("it has a line break", "Es enthält einen Zeilenumbruch.")
            if len(value) > MAX_NAME:
                raise _Refused(f"it is {len(value)} characters long", f"Es ist {len(value)} Zeichen lang.")
            return value
        case "role":
            return _one_of(value.lower(), ROLES)
        case "language":
            chosen = _one_of(value.lower() or "system", LANGUAGES)
            return "" if chosen == "system" else chosen
        case "opening_hours":
            BusinessCalendar.parse_hours(value)
            return value
        case "working_hours":
            working_calendar(value, "mon-fri 08:00-18:00", tz="UTC", holidays="", closed="")
            return value
        case "time_zone":
            return zone(value).key
        case "holidays":
            return "" if value.lower() == "none" else normalise_region(value)
        case "closed_days":
            parse_closed_days(value)
            return ",".join(part.strip() for part in value.split(",") if part.strip())
        case "notifications_off":
            kinds = [part.strip().lower() for part in value.split(",") if part.strip()]
            for kind in kinds:
                _one_of(kind, tuple(NOTICE_KINDS))
            return list(dict.fromkeys(kinds))
    raise _unknown_key(key)  # pragma: no cover - known_key() rules it out


def _one_of(value: str, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        raise _Refused(f"{value or '(empty)'!r} is not allowed", f"„{value or '(leer)'}“ ist nicht möglich.")
    return value


def _unknown_key(key: str) -> SettingProblem:
    if key.startswith(ADDRESS_PREFIX):
        channels = ", ".join(c.value for c in Channel)
        return SettingProblem(
            Problem(key, f"unknown channel; channels: {channels}", f"Unbekannter Kanal; Kanäle: {channels}")
        )
    keys = ", ".join(k if k != "default_form_of_address" else ADDRESS_PREFIX + "CHANNEL" for k in KEYS)
    return SettingProblem(
        Problem(key, f"unknown setting; known settings: {keys}", f"Unbekannte Einstellung; bekannt sind: {keys}")
    )


# --- the parsers' messages in German -----------------------------------------------------------------
_Q = r"['\"](?P<{0}>.*?)['\"]"
_DAYS_DE = {"mon": "Mo", "tue": "Di", "wed": "Mi", "thu": "Do", "fri": "Fr", "sat": "Sa", "sun": "So"}
_GERMAN: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), words)
    for pattern, words in (
        (r"^opening hours are empty", "Es sind keine Zeiten eingetragen, z. B. „mo-fr 08:00-18:00“."),
        (rf"^no hours given in {_Q.format('c')}", "In „{c}“ fehlen die Uhrzeiten, z. B. 08:00-18:00."),
        (rf"^no days given in {_Q.format('c')}", "In „{c}“ fehlen die Wochentage, z. B. mo-fr."),
        (
            rf"^day range {_Q.format('d')} runs backwards",
            "Die Tage „{d}“ laufen rückwärts; schreiben Sie z. B. „mo-fr“.",
        ),
        (
            rf"^unknown day {_Q.format('d')}",
            "Unbekannter Tag „{d}“; erlaubt sind mo, di, mi, do, fr, sa, so (oder mon … sun).",
        ),
        (
            rf"^hours {_Q.format('h')} in .* need a start and an end",
            "„{h}“ braucht Beginn und Ende, z. B. 08:00-18:00.",
        ),
        (
            rf"^closing time must be after opening time in {_Q.format('c')}",
            "In „{c}“ liegt das Ende nicht nach dem Beginn. Zeiten über Mitternacht teilen Sie auf zwei Tage "
            "auf, z. B. „mo 22:00-24:00; di 00:00-06:00“.",
        ),
        (rf"^invalid time {_Q.format('t')}", "Ungültige Uhrzeit „{t}“; erlaubt ist HH:MM von 00:00 bis 24:00."),
        (
            r"^overlapping hours on (?P<day>\w+): (?P<a>\S+) and (?P<b>\S+)",
            "Am {day} überschneiden sich {a} und {b}.",
        ),
        (r"^opening hours must name seven weekdays", "Die Zeiten müssen mindestens einmal pro Woche offen sein."),
        (
            rf"^unknown time zone {_Q.format('z')}",
            "Unbekannte Zeitzone „{z}“; verwenden Sie einen IANA-Namen wie Europe/Berlin.",
        ),
        (
            rf"^unknown holiday country {_Q.format('c')}",
            "Unbekanntes Land „{c}“ für Feiertage; verwenden Sie einen ISO-Code wie DE, AT oder CH "
            "(none für keine Feiertage).",
        ),
        (
            rf"^unknown region {_Q.format('r')}; regions of (?P<c>\w+): (?P<list>.*)$",
            "Unbekannte Region „{r}“; Regionen von {c}: {list}.",
        ),
        (
            rf"^invalid closing day {_Q.format('d')}",
            "Ungültiger Schließtag „{d}“; JJJJ-MM-TT für ein einzelnes Datum, MM-TT für jedes Jahr.",
        ),
    )
)


def german(message: str) -> str:
    """A parser's English ValueError message said in German (the English one if it is not known)."""
    for pattern, words in _GERMAN:
        found = pattern.search(message)
        if found:
            values = found.groupdict()
            if "day" in values:
                values["day"] = _DAYS_DE.get(values["day"], values["day"])
            return words.format(**values)
    return message
