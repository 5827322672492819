"""``agentdesk sync --once [--account NAME]``: send what is due and pull changes, then exit."""

from __future__ import annotations

import argparse
import asyncio
import sys

from agentdesk.cli import CliError
from agentdesk.cli.profile_access import open_profile
from agentdesk.sync.errors import SourceError


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("sync", help="send the outbox and pull changes from every account")
    p.add_argument("--once", action="store_true", required=True, help="one pass, then exit")
    p.add_argument("--account", metavar="NAME", help="only this account")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    return asyncio.run(_sync(args))


async def _sync(args: argparse.Namespace) -> int:
    ws = open_profile(args)
    failed = 0
    try:
        accounts = [a for a in ws.accounts if args.account in (None, a.name)]
        if not accounts:
            names = ", ".join(a.name for a in ws.accounts)
            raise CliError(f"no account named {args.account!r}; accounts: {names}")
        for account in accounts:
            try:
                await ws.engine.sync_once(account.id)
                print(f"{account.name}: synced")
            except SourceError as exc:
                failed += 1
                print(f"{account.name}: {exc}", file=sys.stderr)
        counts = await ws.runner.read(ws.store.outbox_counts)
        print(f"outbox: {counts['pending'] + counts['sending']} waiting, {counts['failed']} failed")
    finally:
        await ws.close()
    return 1 if failed else 0
