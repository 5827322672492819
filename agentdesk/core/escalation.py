"""Escalation paths (PR, legal, product, team lead …), parsed from the company's TOML without I/O.

The caller reads ``escalation.toml``; ``paths_or_default`` turns a broken file into the bundled
paths plus an error naming the file and line, so a typo never leaves agents without a way up.
The format is described in docs/escalation.md.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

#: Chatwoot's priorities, lowest first; "" (none) ranks below all of them.
PRIORITIES = ("low", "medium", "high", "urgent")
_KEYS = ("title_de", "title_en", "team", "person", "priority", "notify")
_ID = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}")
_TOML_LINE = re.compile(r"at line (\d+)")


class EscalationError(ValueError):
    """An escalation file that cannot be used; ``line`` is 1-based, or None if unknown."""

    def __init__(self, source: str, line: int | None, message: str) -> None:
        super().__init__(f"{source}, line {line}: {message}" if line else f"{source}: {message}")
        self.source, self.line, self.message = source, line, message


@dataclass(frozen=True, slots=True)
class EscalationPath:
    """Where a conversation goes up to: a team or one person, at a raised priority."""

    id: str
    title_de: str
    title_en: str
    team: str = ""  # a team's name on the backend, or …
    person: str = ""  # … an agent's name; exactly one of the two is set
    priority: str = ""  # raise to at least this; "" leaves the priority alone
    notify: bool = True  # mention the person in the note, so the backend tells them at once

    def title(self, language: str) -> str:
        return self.title_de if language.startswith("de") else self.title_en


@dataclass(frozen=True, slots=True)
class EscalationPaths:
    paths: tuple[EscalationPath, ...]

    def get(self, path_id: str) -> EscalationPath | None:
        return next((p for p in self.paths if p.id == path_id), None)


@dataclass(frozen=True, slots=True)
class Escalated:
    """One open escalated conversation, as the supervisor's Escalations tab lists it."""

    conversation_id: int
    customer: str
    path: str  # the path's id
    reason: str  # what the agent wrote; "" when the escalation came from elsewhere
    since: datetime | None
    assignee: str
    team: str
    priority: str


def raised_priority(current: str, target: str) -> str:
    """The higher of the two: an escalation never lowers a priority someone already raised."""
    rank = {"": 0, **{p: i for i, p in enumerate(PRIORITIES, 1)}}
    return max(current if current in rank else "", target, key=rank.__getitem__)


def parse_paths(text: str, source: str) -> EscalationPaths:
    """Parse an escalation file; raises EscalationError naming ``source`` and the line of the first problem."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = _TOML_LINE.search(str(exc))
        line = int(found.group(1)) if found else text.count("\n") + 1  # "at end of document"
        raise EscalationError(source, line, f"not valid TOML ({exc})") from None
    lines = _Lines(text, source)
    for key in data:
        if key != "paths":
            raise lines.error(key, None, f"unknown section {key!r}; paths are written as [paths.<id>]")
    tables = data.get("paths")
    if not isinstance(tables, dict) or not tables:
        raise EscalationError(source, None, "no escalation paths: add at least one [paths.<id>] section")
    return EscalationPaths(tuple(_path(path_id, table, lines) for path_id, table in tables.items()))


def paths_or_default(
    text: str | None, source: str, default_text: str
) -> tuple[EscalationPaths, EscalationError | None]:
    """The company's paths, or the bundled ones and the reason the company's could not be used."""
    if text is not None:
        try:
            return parse_paths(text, source), None
        except EscalationError as exc:
            return parse_paths(default_text, "escalation.toml (bundled)"), exc
    return parse_paths(default_text, "escalation.toml (bundled)"), None


def _path(path_id: str, table: Any, lines: _Lines) -> EscalationPath:
    section = f"paths.{path_id}"
    if not isinstance(table, dict):
        raise lines.error(section, None, "must be a section [paths.<id>] with title_de, title_en, team or person")
    if not _ID.fullmatch(path_id):
        raise lines.error(section, None, "the id must be lower-case letters, digits, - or _ (at most 64)")
    for key in table:
        if key not in _KEYS:
            raise lines.error(section, key, f"unknown key {key!r}; known: {', '.join(_KEYS)}")
    titles = [_text(table, key, section, lines, required=True) for key in ("title_de", "title_en")]
    team, person = (_text(table, key, section, lines, required=False) for key in ("team", "person"))
    if bool(team) == bool(person):
        raise lines.error(section, "person" if person else None, "needs either a team or a person, not both")
    priority = table.get("priority", "")
    if priority not in ("", *PRIORITIES):
        raise lines.error(section, "priority", f"priority must be one of {', '.join(PRIORITIES)}")
    notify = table.get("notify", True)
    if not isinstance(notify, bool):
        raise lines.error(section, "notify", "notify must be true or false")
    return EscalationPath(path_id, titles[0], titles[1], team, person, priority, notify)


def _text(table: Mapping[str, Any], key: str, section: str, lines: _Lines, *, required: bool) -> str:
    value = table.get(key, "")
    if not isinstance(value, str) or (required and not value.strip()):
        raise lines.error(section, key if key in table else None, f"{key} must be a non-empty text")
    return value.strip()


class _Lines:
    """Finds the line of a section or of a key inside it, for errors a person can act on."""

    def __init__(self, text: str, source: str) -> None:
        self._lines = text.splitlines()
        self._source = source

    def line_of(self, section: str, key: str | None) -> int | None:
        in_section = False
        for number, line in enumerate(self._lines, 1):
            stripped = line.split("#", 1)[0].strip()
            if stripped.startswith("["):
                name = stripped.strip("[] ").replace('"', "").replace(" ", "")
                in_section = name == section
                if key is None and (in_section or name.startswith(f"{section}.")):
                    return number
            elif in_section and key and re.match(rf'"?{re.escape(key)}"?\s*=', stripped):
                return number
        return None

    def error(self, section: str, key: str | None, message: str) -> EscalationError:
        where = f"[{section}] {key}" if key else f"[{section}]"
        return EscalationError(self._source, self.line_of(section, key), f"{where}: {message}")
