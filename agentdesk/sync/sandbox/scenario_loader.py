"""Reading demo scenario files (format: docs/demo-scenarios.md) with errors that name file and line.

A file with an error is skipped whole and reported; the rest loads, so one typo in a company's
own scenario never empties the demo.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from agentdesk.core.channels import Audience, Channel
from agentdesk.core.durations import parse_duration
from agentdesk.core.entities import Status
from agentdesk.sync.sandbox.script import ScriptAnswer, ScriptConversation, ScriptCustomer, ScriptMessage, Sender


class ScenarioError(ValueError):
    def __init__(self, file: Path, line: int, message: str) -> None:
        super().__init__(f"{file.name}, line {line}: {message}")
        self.file = file
        self.line = line


class _Node(dict[str, Any]):
    """A mapping that remembers the line it started on (1-based)."""

    line = 0


class _LineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """The safe loader (libyaml's when present: several times faster) with line numbers."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> _Node:
    mapping = _Node(loader.construct_mapping(node, deep=True))
    mapping.line = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


@dataclass
class LoadResult:
    conversations: list[ScriptConversation] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def load_scenarios(folder: Path) -> LoadResult:
    result = LoadResult()
    seen: dict[str, str] = {}
    for path in sorted(folder.glob("*.yaml")):
        try:
            conversations = load_file(path)
            for conv in conversations:
                if conv.id in seen:
                    raise ScenarioError(path, 1, f"conversation id {conv.id!r} is already used in {seen[conv.id]}")
        except ScenarioError as exc:
            result.errors.append(str(exc))
            continue
        for conv in conversations:
            seen[conv.id] = path.name
        result.conversations.extend(conversations)
    return result


def load_file(path: Path) -> list[ScriptConversation]:
    try:
        # _LineLoader is a SafeLoader: it builds plain data only, never objects.
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LineLoader)
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else 1
        raise ScenarioError(path, line, exc.problem or "not valid YAML") from exc
    except UnicodeDecodeError as exc:
        raise ScenarioError(path, 1, "the file is not UTF-8 text") from exc
    if not isinstance(data, _Node) or not isinstance(data.get("conversations"), list):
        raise ScenarioError(path, 1, "expected a top-level 'conversations:' list")
    return [_conversation(path, item) for item in data["conversations"]]


def _require(path: Path, node: Any, key: str, parent_line: int) -> Any:
    if not isinstance(node, _Node):
        raise ScenarioError(path, parent_line, f"expected a mapping with '{key}'")
    if key not in node or node[key] in (None, ""):
        raise ScenarioError(path, node.line, f"'{key}' is missing")
    return node[key]


def _choice(path: Path, line: int, kind: type, value: Any, what: str) -> Any:
    try:
        return kind(str(value))
    except ValueError:
        allowed = ", ".join(str(v.value) for v in kind)  # type: ignore[attr-defined]
        raise ScenarioError(path, line, f"unknown {what} {value!r}; expected one of: {allowed}") from None


def _duration(path: Path, line: int, value: Any) -> Any:
    try:
        return parse_duration(str(value))
    except ValueError as exc:
        raise ScenarioError(path, line, str(exc)) from None


def _conversation(path: Path, node: Any) -> ScriptConversation:
    line = getattr(node, "line", 1)
    conv_id = str(_require(path, node, "id", line))
    channel = _choice(path, node.line, Channel, _require(path, node, "channel", line), "channel")
    audience = _choice(path, node.line, Audience, node.get("audience", "public"), "audience")
    status = _choice(path, node.line, Status, node.get("status", "open"), "status")
    cust = _require(path, node, "customer", line)
    customer = ScriptCustomer(
        id=str(_require(path, cust, "id", node.line)),
        name=str(_require(path, cust, "name", node.line)),
        handle=str(cust.get("handle", "")),
        followers=int(cust.get("followers", 0) or 0),
        form=str(cust.get("form", "") or ""),
    )
    messages = _require(path, node, "messages", line)
    if not isinstance(messages, list):
        raise ScenarioError(path, node.line, "'messages' must be a list")
    script_messages = tuple(
        ScriptMessage(
            at=_duration(path, getattr(m, "line", line), _require(path, m, "at", node.line)),
            sender=_choice(path, getattr(m, "line", line), Sender, m.get("from", "customer"), "sender"),
            author=str(m.get("author", "") or ""),
            text=str(_require(path, m, "text", node.line)).strip(),
        )
        for m in messages
    )
    answers = tuple(
        ScriptAnswer(
            after=_duration(path, getattr(a, "line", line), _require(path, a, "after", node.line)),
            text=str(_require(path, a, "text", node.line)).strip(),
        )
        for a in node.get("answers", []) or []
    )
    return ScriptConversation(
        id=conv_id,
        channel=channel,
        audience=audience,
        language=str(node.get("language", "de")),
        status=status,
        assignee=str(node.get("assignee", "") or ""),
        subject=str(node.get("subject", "") or ""),
        customer=customer,
        messages=script_messages,
        answers=answers,
    )
