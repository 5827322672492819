"""The company's guidelines (word lists, patterns, severities), parsed from TOML without I/O.

The caller reads the file; ``guidelines_or_default`` turns a broken one into the defaults plus
an error that names the line, so a typo never leaves agents without checks.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from agentdesk.core.checks.finding import Severity

CODES = ("placeholder", "over-limit", "personal-data", "promise", "form-of-address", "shouting")
_SEVERITIES = ("blocking", "warning", "off")
_TOML_LINE = re.compile(r"at line (\d+)")


class GuidelinesError(ValueError):
    """A guidelines file that cannot be used; ``line`` is 1-based, or None if unknown."""

    def __init__(self, message: str, line: int | None) -> None:
        super().__init__(f"line {line}: {message}" if line else message)
        self.line = line


@dataclass(frozen=True, slots=True)
class Guidelines:
    """Everything the checks need; a severity of None means the check is off."""

    severities: Mapping[str, Severity | None]
    personal_data: tuple[tuple[str, re.Pattern[str]], ...]
    promise_terms: re.Pattern[str] | None
    formal: frozenset[str]
    informal: frozenset[str]
    shouting_min_letters: int = 4
    shouting_max_marks: int = 2
    acronyms: frozenset[str] = field(default_factory=frozenset)


def parse_guidelines(text: str) -> Guidelines:
    """Parse a guidelines file; raises GuidelinesError naming the line of the first problem."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = _TOML_LINE.search(str(exc))
        line = int(found.group(1)) if found else text.count("\n") + 1  # "at end of document"
        raise GuidelinesError(str(exc), line) from None
    reader = _Reader(text)
    severity = reader.table(data, "severity")
    severities: dict[str, Severity | None] = {}
    for code in CODES:
        value = severity.get(code, "warning" if code not in ("placeholder", "over-limit") else "blocking")
        if value not in _SEVERITIES:
            raise reader.error("severity", code, f"severity must be one of {', '.join(_SEVERITIES)}")
        severities[code] = None if value == "off" else value
    for code in severity:
        if code not in CODES:
            raise reader.error("severity", code, f"unknown check {code!r}; known: {', '.join(CODES)}")
    personal = tuple(
        (kind, reader.pattern("personal_data", kind, value))
        for kind, value in reader.table(data, "personal_data").items()
    )
    promises = reader.strings(reader.table(data, "promises"), "promises", "terms")
    address = reader.table(data, "form_of_address")
    shouting = reader.table(data, "shouting")
    return Guidelines(
        severities=severities,
        personal_data=personal,
        promise_terms=_terms_pattern(promises),
        formal=frozenset(reader.strings(address, "form_of_address", "formal")),
        informal=frozenset(w.lower() for w in reader.strings(address, "form_of_address", "informal")),
        shouting_min_letters=reader.integer(shouting, "shouting", "min_letters", 4),
        shouting_max_marks=reader.integer(shouting, "shouting", "max_marks", 2),
        acronyms=frozenset(w.upper() for w in reader.strings(shouting, "shouting", "acronyms")),
    )


def guidelines_or_default(text: str | None, default_text: str) -> tuple[Guidelines, GuidelinesError | None]:
    """The company's guidelines, or the bundled defaults and the reason they could not be used."""
    if text is not None:
        try:
            return parse_guidelines(text), None
        except GuidelinesError as exc:
            return parse_guidelines(default_text), exc
    return parse_guidelines(default_text), None


def _terms_pattern(terms: list[str]) -> re.Pattern[str] | None:
    if not terms:
        return None
    alternatives = sorted((re.escape(t).replace(r"\*", r"\w*") for t in terms), key=len, reverse=True)
    return re.compile(rf"(?<!\w)(?:{'|'.join(alternatives)})(?!\w)", re.IGNORECASE)


class _Reader:
    """Type checks that report the line of the offending key."""

    def __init__(self, text: str) -> None:
        self._lines = text.splitlines()

    def line_of(self, section: str, key: str | None) -> int | None:
        in_section = False
        for number, line in enumerate(self._lines, 1):
            stripped = line.strip()
            if stripped.startswith("["):
                in_section = stripped.strip("[] ") == section
                if in_section and key is None:
                    return number
            elif in_section and key and re.match(rf'"?{re.escape(key)}"?\s*=', stripped):
                return number
        return None

    def error(self, section: str, key: str | None, message: str) -> GuidelinesError:
        where = f"[{section}] {key}" if key else f"[{section}]"
        return GuidelinesError(f"{where}: {message}", self.line_of(section, key))

    def table(self, data: Mapping[str, Any], section: str) -> dict[str, Any]:
        value = data.get(section, {})
        if not isinstance(value, dict):
            raise self.error(section, None, "must be a table")
        return value

    def pattern(self, section: str, key: str, value: object) -> re.Pattern[str]:
        if not isinstance(value, str):
            raise self.error(section, key, "must be a string holding a regular expression")
        try:
            return re.compile(value)
        except re.error as exc:
            raise self.error(section, key, f"invalid regular expression: {exc}") from None

    def strings(self, table: Mapping[str, Any], section: str, key: str) -> list[str]:
        value = table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise self.error(section, key, "must be a list of non-empty strings")
        return value

    def integer(self, table: Mapping[str, Any], section: str, key: str, default: int) -> int:
        value = table.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise self.error(section, key, "must be a whole number of at least 1")
        return value
