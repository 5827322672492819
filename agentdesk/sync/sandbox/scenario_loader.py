"""Reading demo scenario files (format: docs/demo-scenarios.md) with errors that name file and line.

A file with an error is skipped whole and reported; the rest loads, so one typo in a company's
own scenario never empties the demo.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from agentdesk.core.channels import Audience, Channel
from agentdesk.core.entities import Status
from agentdesk.core.yaml_lines import Fields, LineDict, ScenarioError, parse_yaml
from agentdesk.sync.sandbox.script import ScriptAnswer, ScriptConversation, ScriptCustomer, ScriptMessage, Sender


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
        data = parse_yaml(path, path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise ScenarioError(path, 1, "the file is not UTF-8 text") from exc
    if not isinstance(data, LineDict) or not isinstance(data.get("conversations"), list):
        raise ScenarioError(path, 1, "expected a top-level 'conversations:' list")
    fields = Fields(path)
    return [_conversation(fields, item) for item in data["conversations"]]


def _conversation(f: Fields, node: Any) -> ScriptConversation:
    line = getattr(node, "line", 1)
    conv_id = str(f.require(node, "id", line))
    channel = f.choice(node.line, Channel, f.require(node, "channel", line), "channel")
    audience = f.choice(node.line, Audience, node.get("audience", "public"), "audience")
    status = f.choice(node.line, Status, node.get("status", "open"), "status")
    cust = f.require(node, "customer", line)
    customer = ScriptCustomer(
        id=str(f.require(cust, "id", node.line)),
        name=str(f.require(cust, "name", node.line)),
        handle=str(cust.get("handle", "")),
        followers=int(cust.get("followers", 0) or 0),
        form=str(cust.get("form", "") or ""),
    )
    messages = f.require(node, "messages", line)
    if not isinstance(messages, list):
        raise ScenarioError(f.file, node.line, "'messages' must be a list")
    script_messages = tuple(
        ScriptMessage(
            at=f.duration(getattr(m, "line", line), f.require(m, "at", node.line)),
            sender=f.choice(getattr(m, "line", line), Sender, m.get("from", "customer"), "sender"),
            author=str(m.get("author", "") or ""),
            text=str(f.require(m, "text", node.line)).strip(),
        )
        for m in messages
    )
    answers = tuple(
        ScriptAnswer(
            after=f.duration(getattr(a, "line", line), f.require(a, "after", node.line)),
            text=str(f.require(a, "text", node.line)).strip(),
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
