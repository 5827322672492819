"""``agentdesk triage``: the app's triage on a JSONL history, with the profile's learned spam filter.

``--jsonl`` reads one message per line as one batch, writes one verdict per message in time
order, then one line per storm alarm. ``--learn`` feeds past spam decisions into the profile,
so a company can evaluate the filter on its own history. Exit 2 on bad input, 3 on a profile
that cannot be read or written.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

from agentdesk.cli import CliError
from agentdesk.core.channels import Channel
from agentdesk.core.triage.records import TriageInput, TriageResult
from agentdesk.core.triage.triage import Triage, TriageSettings
from agentdesk.store import StoreError
from agentdesk.store.profile import resolve_data_dir
from agentdesk.store.triage_state import load_triage_state, save_triage_state


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("triage", help="spam, topics, relevance and storm alarms for a JSONL batch")
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument(
        "--jsonl", action="store_true", help='read {"id","text","channel","author","followers","at"} per line'
    )
    mode.add_argument("--learn", action="store_true", help='teach the spam filter from {"text","spam"} lines')
    parser.add_argument("file", nargs="?", default="-", metavar="FILE", help="the JSONL input (default: stdin)")
    parser.add_argument("--vip", action="append", default=[], metavar="HANDLE", help="a VIP author (repeatable)")
    parser.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    data_dir = resolve_data_dir(args.data_dir)
    try:
        state = load_triage_state(data_dir)
    except StoreError as exc:
        raise CliError(str(exc), 3) from exc
    try:
        triage = Triage(TriageSettings(vip_authors=frozenset(args.vip)), state)
    except ValueError as exc:
        raise CliError(f"the learned spam filter in {data_dir} cannot be used: {exc}", 3) from exc
    with _open(args.file) as lines:
        records = list(_records(lines))
    if args.learn:
        return _learn(triage, records, data_dir)
    _triage(triage, [_message(n, r) for n, r in records], sys.stdout)
    return 0


def _triage(triage: Triage, messages: list[TriageInput], out: TextIO) -> None:
    messages.sort(key=lambda m: m.at)  # stable: equal times keep input order
    results = [triage.process(m) for m in messages]
    for result in results:
        out.write(json.dumps(_verdict(triage, result), ensure_ascii=False) + "\n")
    for alarm in (r.alarm for r in results if r.alarm is not None):
        line = {
            "alarm": "storm",
            "topic": alarm.topic_label,
            "at": alarm.at.isoformat(),
            "message_ids": list(alarm.message_ids),
            "rate_per_hour": round(alarm.rate, 1),
            "baseline_per_hour": round(alarm.baseline, 2),
            "example_ids": list(alarm.example_ids),
        }
        out.write(json.dumps(line, ensure_ascii=False) + "\n")


def _verdict(triage: Triage, result: TriageResult) -> dict[str, Any]:
    """One output line; a topic is named once the batch is done, and only if it is a group."""
    topic = None if result.topic_id is None else triage.topics.topic(result.topic_id)
    return {
        "id": result.id,
        "spam": result.spam,
        "spam_score": round(result.spam_score, 3),
        "topic": topic.label if topic is not None and topic.count > 1 else None,
        "relevance": round(result.relevance, 3),
        "reasons": [r.to_dict() for r in result.reasons],
    }


def _learn(triage: Triage, records: list[tuple[int, dict[str, Any]]], data_dir: Path) -> int:
    counts = {True: 0, False: 0}
    for n, record in records:
        text, is_spam = record.get("text"), record.get("spam")
        if not isinstance(text, str) or not isinstance(is_spam, bool):
            raise CliError(f'line {n}: needs "text" (string) and "spam" (true or false)')
    for _, record in records:
        triage.learn(record["text"], record["spam"])
        counts[record["spam"]] += 1
    try:
        save_triage_state(data_dir, triage.state())
    except StoreError as exc:
        raise CliError(str(exc), 3) from exc
    print(f"learned {counts[True]} spam and {counts[False]} not spam; saved in {data_dir}", file=sys.stderr)
    return 0


def _open(name: str) -> TextIO:
    if name == "-":
        return sys.stdin
    try:
        return open(name, encoding="utf-8")
    except OSError as exc:
        raise CliError(f"cannot read {name}: {exc.strerror}") from exc


def _records(lines: TextIO) -> Iterator[tuple[int, dict[str, Any]]]:
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError:
            raise CliError(f"line {n}: not valid JSON") from None
        if not isinstance(record, dict):
            raise CliError(f"line {n}: expected a JSON object")
        yield n, record


def _message(n: int, record: dict[str, Any]) -> TriageInput:
    """A message from one input line; every problem names its line."""
    try:
        at = datetime.fromisoformat(str(record["at"]))
        channel = Channel.parse(str(record.get("channel", "x")))
        followers = int(record.get("followers") or 0)
        message_id, text = str(record["id"]), record["text"]
    except KeyError as exc:
        raise CliError(f"line {n}: missing {exc.args[0]!r}") from None
    except ValueError as exc:
        raise CliError(f"line {n}: {exc}") from None
    if not isinstance(text, str):
        raise CliError(f'line {n}: "text" must be a string')
    return TriageInput(
        id=message_id,
        text=text,
        channel=channel.value,
        author=str(record.get("author", "")),
        followers=followers,
        at=at if at.tzinfo is not None else at.replace(tzinfo=UTC),
    )
