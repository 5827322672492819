"""``agentdesk send --conversation ID --text-file F [--private]``: a reply (or internal note) through
the outbox, then one pass to deliver it. Killed midway, the next ``sync`` finishes it exactly once."""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path

from agentdesk.cli import CliError
from agentdesk.cli.profile_access import open_profile
from agentdesk.core.commands import CommandKind
from agentdesk.sync.errors import SourceError


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("send", help="send a reply to a conversation through the outbox")
    p.add_argument("--conversation", type=int, required=True, metavar="ID", help="local conversation id")
    p.add_argument("--text-file", required=True, metavar="F", help="UTF-8 text file with the reply ('-' = stdin)")
    p.add_argument("--private", action="store_true", help="an internal note instead of a reply to the customer")
    p.set_defaults(func=run)


def _read_text(name: str) -> str:
    try:
        text = sys.stdin.read() if name == "-" else Path(name).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CliError(f"cannot read {name}: {exc}") from exc
    if not text.strip():
        raise CliError("the reply is empty; nothing was sent")
    return text.rstrip("\n")


def run(args: argparse.Namespace) -> int:
    text = _read_text(args.text_file)
    return asyncio.run(_send(args, text))


async def _send(args: argparse.Namespace, text: str) -> int:
    ws = open_profile(args)
    try:
        conversation = await ws.runner.read(ws.store.conversation, args.conversation)
        if conversation is None:
            raise CliError(f"no conversation with id {args.conversation}")
        kind = CommandKind.NOTE if args.private else CommandKind.REPLY
        command = await ws.runner.write(ws.store.perform, conversation.id, kind, {"text": text}, ws.now(), ws.me)
        print(f"queued as outbox command {command.id}", flush=True)
        try:
            await ws.engine.sync_once(conversation.account_id)
        except SourceError as exc:
            print(f"not sent yet ({exc}); it stays in the outbox and goes out with the next sync", file=sys.stderr)
            return 1
        status = await ws.runner.read(ws.store.outbox_counts)
        print(f"sent; outbox: {status['pending'] + status['sending']} waiting, {status['failed']} failed")
    finally:
        await ws.close()
    return 0
