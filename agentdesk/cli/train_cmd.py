"""``agentdesk train``: list the training scenarios, or play one headless from a replies file.

The replies file is JSON Lines, one object per customer turn:
``{"after": "15m", "text": "…", "audience": "public"|"private"}``, where ``after`` is the simulated
time the trainee took; ``"parts": ["… 1/2", "… 2/2"]`` instead of ``text`` is a public reply split
into a thread; ``"action": "skip"|"spam"|"escalate"`` stands for not answering, marking as
spam or escalating. The same player and scoring run in the GUI, so a reviewer can check scenarios
and scores without it. Exit 0 after a play, 2 on bad input.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import timedelta
from pathlib import Path
from typing import Any

from agentdesk.cli import CliError
from agentdesk.core.channels import CHANNEL_NAMES, Audience
from agentdesk.core.checks.messages import Language
from agentdesk.core.durations import parse_duration
from agentdesk.core.sla import format_span
from agentdesk.core.training import Action, Handling, ScenarioPlayer, Score, TrainingScenario, play, score
from agentdesk.store.profile import load_settings, resolve_data_dir
from agentdesk.sync.lexicons import load_lexicons
from agentdesk.sync.sandbox.training_loader import (
    TRAINING_CALENDAR,
    TrainingSet,
    load_training_scenarios,
    play_context,
)


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("train", help="list training scenarios or play one with replies from a file")
    what = parser.add_mutually_exclusive_group(required=True)
    what.add_argument("--list", action="store_true", help="list the scenarios (id, language, channel, topic, title)")
    what.add_argument("--scenario", metavar="ID", help="the scenario to play")
    parser.add_argument("--replies", metavar="FILE", help='JSON Lines: {"after","text","audience"} per turn')
    parser.add_argument("--scenarios", metavar="DIR", help="a folder of scenario files (default: the bundled set)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    training = load_training_scenarios(Path(args.scenarios) if args.scenarios else None)
    for error in training.errors:
        print(f"agentdesk: skipped {error}", file=sys.stderr)
    if args.list:
        return _list(training, args.json)
    scenario = training.get(args.scenario)
    if scenario is None:
        raise CliError(f"no scenario {args.scenario!r}; see 'agentdesk train --list'")
    if not args.replies:
        raise CliError("--replies FILE is needed to play a scenario")
    handlings = read_replies(Path(args.replies))
    language: Language = "de" if args.lang == "de" else "en"
    company = load_settings(resolve_data_dir(args.data_dir)).company_name  # reads, never creates, the profile
    player = play(scenario, handlings, play_context(load_lexicons(), language, company))
    result = score(player, TRAINING_CALENDAR)
    if args.json:
        print(json.dumps(result.as_json(), ensure_ascii=False))
    else:
        _print_play(player, result)
    return 0


def _list(training: TrainingSet, as_json: bool) -> int:
    rows = [_summary(s) for s in training.scenarios]
    if as_json:
        print(json.dumps({"scenarios": rows, "errors": training.errors}, ensure_ascii=False))
        return 0
    for row in rows:
        where = f"{row['channel']:<9} {row['audience']:<8}"
        print(f"{row['id']:<26} {row['language']}  {where} {row['topic']:<17} {row['title']}")
    return 0


def _summary(scenario: TrainingScenario) -> dict[str, Any]:
    return {
        "id": scenario.id,
        "title": scenario.title,
        "language": scenario.language,
        "channel": scenario.channel.value,
        "audience": scenario.audience.value,
        "topic": scenario.topic,
    }


def read_replies(path: Path) -> list[Handling]:
    """The trainee's handlings, one per line; a bad line is an error that names it."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise CliError(f"cannot read {path}: {exc}") from None
    handlings = []
    for number, line in enumerate(lines, 1):
        if line.strip():
            try:
                handlings.append(_handling(json.loads(line)))
            except (json.JSONDecodeError, ValueError) as exc:
                raise CliError(f"{path.name}, line {number}: {exc}") from None
    return handlings


def _handling(item: Any) -> Handling:
    if not isinstance(item, dict):
        raise ValueError('expected an object like {"after": "15m", "text": "…", "audience": "public"}')
    try:
        action = Action(item.get("action", "reply"))
    except ValueError:
        raise ValueError(f'"action" must be one of {", ".join(a.value for a in Action)}') from None
    after = item.get("after")
    parts = item.get("parts")
    well_formed = isinstance(parts, list) and bool(parts) and all(isinstance(p, str) for p in parts)
    if parts is not None and (action is not Action.REPLY or not well_formed):
        raise ValueError('"parts" must be a list of the thread\'s texts, in order')
    if action is Action.REPLY and parts is None and not isinstance(item.get("text"), str):
        raise ValueError('a reply needs "text" (or "parts" for a thread)')
    if action is Action.REPLY and after is None:
        raise ValueError('a reply needs "after", the simulated time taken (e.g. "15m")')
    audience = item.get("audience", "public")
    if audience not in ("public", "private"):
        raise ValueError('"audience" must be "public" or "private"')
    if parts is not None:
        if audience != "public":
            raise ValueError("a thread is public")
        return Handling.thread(parse_duration(str(after)), tuple(parts))
    return Handling(
        action=action,
        after=parse_duration(str(after)) if after is not None else timedelta(0),
        text=str(item.get("text", "")),
        audience=Audience(audience),
    )


def _print_play(player: ScenarioPlayer, result: Score) -> None:
    scenario = player.scenario
    print(f"{scenario.id} · {scenario.title} · {CHANNEL_NAMES[scenario.channel]}")
    for turn in player.turns:
        for arrival in turn.messages:
            author = arrival.message.author or scenario.persona.name
            print(f"  [{turn.number}] {arrival.at:%a %H:%M} {author} ({turn.audience.value}): {arrival.message.text}")
        handling = turn.handling
        if handling is not None and handling.action is Action.REPLY:
            audience = turn.facts.audience.value if turn.facts else handling.audience.value
            for post in handling.parts or (handling.text,):
                print(f"      → after {format_span(handling.after)} ({audience}): {post}")
        elif handling is not None:
            print(f"      → {handling.action.value}")
    print(f"Score: {result.points}/100")
    for reason in result.reasons:
        mark = "✓" if reason.met else "✗"
        where = f" [{reason.turn}]" if reason.turn is not None else ""
        print(f"  {mark} {reason.behaviour} ({reason.weight}){where}: {reason.why}")
