"""``agentdesk export --json``: the whole local store as one JSON document (never a secret)."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys

from agentdesk.cli.profile_access import open_profile


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("export", help="write the local store as JSON, for backup and support")
    p.add_argument("--json", action="store_true", required=True, help="JSON output (the only format)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    ws = open_profile(args)
    try:
        document = ws.store.export(ws.now())
    finally:
        asyncio.run(ws.close())
    json.dump(document, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0
