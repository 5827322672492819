"""``agentdesk settings show|set|unset``: a profile's settings without the window, for roll-out scripts.

Values are checked by :mod:`agentdesk.core.settings_rules`, the same rules as the preferences
dialog, and written atomically. ``role`` is set only here: a trainee cannot leave the sandbox
from the window.
"""

from __future__ import annotations

import argparse
import asyncio
import json
from dataclasses import asdict
from pathlib import Path

from agentdesk.cli import CliError
from agentdesk.cli.profile_access import open_profile
from agentdesk.core.settings_rules import ADDRESS_PREFIX, KEYS, SettingProblem, known_key, parse_setting
from agentdesk.store.database import STORE_FILE
from agentdesk.store.profile import (
    Role,
    Settings,
    SettingsUnreadable,
    read_settings,
    resolve_data_dir,
    save_settings,
)
from agentdesk.sync.operations import Operations


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("settings", help="the profile's settings: your name, opening hours, role …")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    show = actions.add_parser("show", help="every setting and its value")
    show.add_argument("--json", action="store_true", help="the settings as one JSON object")
    show.set_defaults(func=_show)
    change = actions.add_parser("set", help="set KEY to VALUE (checked first; see docs/settings.md)")
    change.add_argument("key", help=f"one of {', '.join(_key_names())}")
    change.add_argument("value")
    change.set_defaults(func=_set)
    unset = actions.add_parser("unset", help="set KEY back to its default")
    unset.add_argument("key")
    unset.set_defaults(func=_unset)


def _key_names() -> list[str]:
    return [ADDRESS_PREFIX + "CHANNEL" if k == "default_form_of_address" else k for k in KEYS]


def _show(args: argparse.Namespace) -> int:
    settings = _read(resolve_data_dir(args.data_dir))
    if args.json:
        print(json.dumps(asdict(settings), ensure_ascii=False, indent=2))
        return 0
    defaults = Settings()
    rows = [(key, text, text == _text(defaults, key)) for key, text in _lines(settings)]
    width = max(len(key) for key, _text_, _same in rows)
    for key, text, same in rows:
        shown = text or '""'
        print(f"{key:<{width}}  {shown}{'  (default)' if same else ''}")
    return 0


def _set(args: argparse.Namespace) -> int:
    data_dir = resolve_data_dir(args.data_dir)
    try:
        value = parse_setting(args.key, args.value)
    except SettingProblem as exc:
        raise CliError(str(exc)) from None
    settings = _read(data_dir)
    old_name = settings.agent_name
    _assign(settings, args.key, value)
    save_settings(data_dir, settings)
    print(f"{args.key} = {_text(settings, args.key)}")
    _keep_my_conversations(args, data_dir, old_name, settings.agent_name)
    return 0


def _unset(args: argparse.Namespace) -> int:
    if not known_key(args.key):
        raise CliError(str(_problem_for(args.key)))
    data_dir = resolve_data_dir(args.data_dir)
    settings = _read(data_dir)
    old_name = settings.agent_name
    defaults = Settings()
    if args.key.startswith(ADDRESS_PREFIX):
        channel = args.key.removeprefix(ADDRESS_PREFIX)
        if channel in defaults.default_form_of_address:
            settings.default_form_of_address[channel] = defaults.default_form_of_address[channel]
        else:
            settings.default_form_of_address.pop(channel, None)
    else:
        setattr(settings, args.key, getattr(defaults, args.key))
    save_settings(data_dir, settings)
    print(f"{args.key} = {_text(settings, args.key)}")
    _keep_my_conversations(args, data_dir, old_name, settings.agent_name)
    return 0


def _keep_my_conversations(args: argparse.Namespace, data_dir: Path, old: str, new: str) -> None:
    """A new name keeps the agent's conversations, as in the preferences dialog: what was assigned
    to the old name moves to the new one through the outbox, or it would drop out of *Mine*."""
    if old == new or not (data_dir / STORE_FILE).exists():
        return
    moved = asyncio.run(_move(args, old, new))
    if moved:
        what = "1 conversation" if moved == 1 else f"{moved} conversations"
        verb = "is" if moved == 1 else "are"
        print(f"{what} assigned to {old!r} {verb} now assigned to {new!r}; the next sync tells the source")


async def _move(args: argparse.Namespace, old: str, new: str) -> int:
    ws = open_profile(args)
    try:
        if ws.me != new:  # a team backend names this agent; the profile's name is not the one in the queues
            return 0
        return await Operations(ws).keep_under_new_name(old, new)
    finally:
        await ws.close()


def _problem_for(key: str) -> SettingProblem:
    try:
        parse_setting(key, "")
    except SettingProblem as exc:
        return exc
    raise AssertionError(key)  # pragma: no cover - only called for unknown keys


def _read(data_dir: Path) -> Settings:
    """The stored settings; a broken file is refused rather than overwritten, so nothing in it is lost."""
    try:
        return read_settings(data_dir)
    except SettingsUnreadable as exc:
        raise CliError(f"{exc}; fix or move it, then try again", 3) from None


def _assign(settings: Settings, key: str, value: str | list[str]) -> None:
    if key.startswith(ADDRESS_PREFIX):
        settings.default_form_of_address[key.removeprefix(ADDRESS_PREFIX)] = str(value)
    elif key == "role":
        settings.role = Role(str(value))
    else:
        setattr(settings, key, value)


def _lines(settings: Settings) -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    for key in KEYS:
        if key == "default_form_of_address":
            rows.extend((ADDRESS_PREFIX + ch, _text(settings, ADDRESS_PREFIX + ch)) for ch in _channels(settings))
        else:
            rows.append((key, _text(settings, key)))
    return rows


def _channels(settings: Settings) -> list[str]:
    return list(dict.fromkeys([*Settings().default_form_of_address, *settings.default_form_of_address]))


def _text(settings: Settings, key: str) -> str:
    """A value as ``set`` takes it back: language "system", holidays "none", lists with commas."""
    if key.startswith(ADDRESS_PREFIX):
        return settings.default_form_of_address.get(key.removeprefix(ADDRESS_PREFIX), "sie")
    value = getattr(settings, key)
    if key == "language":
        return value or "system"
    if key == "holidays":
        return value or "none"
    if isinstance(value, list):
        return ",".join(value)
    return str(value)
