"""YAML that remembers lines: scenario files (demo and training) report errors as "file, line N".

Pure: the caller reads the file and passes its text in. Only the safe loader is used, so a
scenario file can build plain data (mappings, lists, strings, numbers) and never objects.
"""

from __future__ import annotations

from datetime import timedelta
from enum import Enum
from pathlib import Path
from typing import Any, TypeVar

import yaml

from agentdesk.core.durations import parse_duration

E = TypeVar("E", bound=Enum)


class ScenarioError(ValueError):
    """A scenario file that cannot be used; the message starts with its name and the line (1-based)."""

    def __init__(self, file: Path, line: int, message: str) -> None:
        super().__init__(f"{file.name}, line {line}: {message}")
        self.file = file
        self.line = line


class LineDict(dict[str, Any]):
    """A mapping that remembers the line it started on and the line of each key (1-based)."""

    line = 0
    key_lines: dict[str, int]

    def line_of_key(self, key: str) -> int:
        return getattr(self, "key_lines", {}).get(key, self.line)


class _LineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """The safe loader (libyaml's when present: several times faster) with line numbers."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> LineDict:
    mapping = LineDict(loader.construct_mapping(node, deep=True))
    mapping.line = node.start_mark.line + 1
    mapping.key_lines = {str(k.value): k.start_mark.line + 1 for k, _v in node.value}
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def parse_yaml(file: Path, text: str) -> Any:
    """The document's data, every mapping a LineDict; a syntax error becomes a ScenarioError with its line."""
    try:
        return yaml.load(text, Loader=_LineLoader)  # a SafeLoader: plain data only
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else 1
        raise ScenarioError(file, line, exc.problem or "not valid YAML") from exc


class Fields:
    """Typed access to the mappings of one file, every failure naming the line it happened on."""

    def __init__(self, file: Path) -> None:
        self.file = file

    def error(self, node: Any, message: str, fallback_line: int = 1) -> ScenarioError:
        return ScenarioError(self.file, line_of(node, fallback_line), message)

    def mapping(self, node: Any, what: str, parent_line: int) -> LineDict:
        if not isinstance(node, LineDict):
            raise ScenarioError(self.file, parent_line, f"expected a mapping for {what}")
        return node

    def require(self, node: Any, key: str, parent_line: int) -> Any:
        if not isinstance(node, LineDict):
            raise ScenarioError(self.file, parent_line, f"expected a mapping with '{key}'")
        if key not in node or node[key] in (None, ""):
            raise ScenarioError(self.file, node.line, f"'{key}' is missing")
        return node[key]

    def items(self, node: LineDict, key: str, *, required: bool = False) -> list[Any]:
        """A list under ``key`` (empty when absent and not required)."""
        value = self.require(node, key, node.line) if required else node.get(key) or []
        if not isinstance(value, list):
            raise ScenarioError(self.file, node.line, f"'{key}' must be a list")
        return value

    def choice(self, line: int, kind: type[E], value: Any, what: str) -> E:
        try:
            return kind(str(value))
        except ValueError:
            allowed = ", ".join(str(v.value) for v in kind)
            raise ScenarioError(self.file, line, f"unknown {what} {value!r}; expected one of: {allowed}") from None

    def duration(self, line: int, value: Any) -> timedelta:
        try:
            return parse_duration(str(value))
        except ValueError as exc:
            raise ScenarioError(self.file, line, str(exc)) from None


def line_of(node: Any, fallback: int) -> int:
    """The line a parsed mapping started on, or ``fallback`` for scalars and lists (they keep none)."""
    return node.line if isinstance(node, LineDict) else fallback
