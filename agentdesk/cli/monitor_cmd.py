"""``agentdesk monitor add|list|remove|run``: saved searches of platform accounts (Monitoring).

``run`` polls every due search once, as the window does every few minutes, and prints what is
new, so a company can set searches up and try them on a machine without a screen.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys

from agentdesk.cli import CliError
from agentdesk.cli.profile_access import open_profile
from agentdesk.core.monitoring import QueryProblem, normalise_query
from agentdesk.sync.monitoring import MonitoringService
from agentdesk.sync.workspace import Workspace


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("monitor", help="saved searches: keywords, hashtags, the brand's name")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = actions.add_parser("add", help="add a saved search to an account")
    add.add_argument("account", help="the account's name")
    add.add_argument("query", help="a keyword, a #hashtag or the brand's name without @")
    add.set_defaults(func=lambda args: asyncio.run(_add(args)))
    listing = actions.add_parser("list", help="the saved searches")
    listing.add_argument("--json", action="store_true", help="one JSON object per search")
    listing.set_defaults(func=lambda args: asyncio.run(_list(args)))
    remove = actions.add_parser("remove", help="remove a saved search by its id (see list)")
    remove.add_argument("id", type=int)
    remove.set_defaults(func=lambda args: asyncio.run(_remove(args)))
    run = actions.add_parser("run", help="poll every due search once and say what is new")
    run.set_defaults(func=lambda args: asyncio.run(_run(args)))


async def _add(args: argparse.Namespace) -> int:
    try:
        normalise_query(args.query)  # a typing mistake is told before the profile is opened
    except QueryProblem as exc:
        raise CliError(str(exc)) from None
    ws = open_profile(args)
    try:
        monitoring = MonitoringService(ws)
        account = next((a for a in monitoring.searchable() if a.name == args.account), None)
        if account is None:
            names = ", ".join(a.name for a in monitoring.searchable()) or "none"
            raise CliError(f"no platform account named {args.account!r} can search; accounts that can: {names}")
        search = await monitoring.add(account, args.query)
        print(f"{search.id}\t{account.name}\t{search.query}")
    finally:
        await ws.close()
    return 0


async def _list(args: argparse.Namespace) -> int:
    ws = open_profile(args)
    try:
        names = {a.id: a.name for a in ws.accounts}
        for search in await ws.runner.read(ws.store.saved_searches):
            last = search.last_run_at.isoformat() if search.last_run_at else ""
            if args.json:
                row = {"id": search.id, "account": names.get(search.account_id), "query": search.query}
                print(json.dumps({**row, "last_run": last}, ensure_ascii=False))
            else:
                print(f"{search.id}\t{names.get(search.account_id, '?')}\t{search.query}\t{last or 'not run yet'}")
    finally:
        await ws.close()
    return 0


async def _remove(args: argparse.Namespace) -> int:
    ws = open_profile(args)
    try:
        if not await ws.runner.write(ws.store.remove_search, args.id):
            raise CliError(f"no saved search with id {args.id}; 'agentdesk monitor list' shows them")
        print(f"removed saved search {args.id}")
    finally:
        await ws.close()
    return 0


async def _run(args: argparse.Namespace) -> int:
    ws: Workspace = open_profile(args)
    service = MonitoringService(ws)
    try:
        found = await service.run_due()
        for account_id, problem in service.problems.items():
            name = next((a.name for a in ws.accounts if a.id == account_id), "?")
            print(f"{name}: {problem}", file=sys.stderr)
        print(f"{found} new or changed matches in Monitoring")
    finally:
        await service.stop()
        await ws.close()
    return 1 if service.problems else 0
