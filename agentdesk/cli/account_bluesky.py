"""``agentdesk account add bluesky``: a handle (or e-mail) and an app password from stdin.

The account's server (PDS) is found from the handle unless ``--url`` names it. The keyring
keeps the session, never the app password (why: ``agentdesk.sync.bluesky.setup``).
``--plc-url``, ``--resolver-url`` and ``--chat-did`` point at other directories and chat
services than Bluesky's, e.g. a company's own network.
"""

from __future__ import annotations

import argparse
import asyncio
from typing import TYPE_CHECKING

from agentdesk.cli import CliError
from agentdesk.cli.account_store import keep_account, read_secret, refuse_taken_name, refuse_training_profiles

if TYPE_CHECKING:
    from agentdesk.core.entities import Account


def register(kinds: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = kinds.add_parser("bluesky", help="a Bluesky account: its handle, and an app password from stdin")
    p.add_argument("--name", required=True, help="a name for this account in AgentDesk")
    p.add_argument("--handle", required=True, help="the account's handle (e.g. shop.bsky.social) or e-mail address")
    p.add_argument("--url", default="", help="the account's server (PDS); found from the handle when left out")
    p.add_argument(
        "--chat-did", default="", help="the chat service for direct messages (default did:web:api.bsky.chat)"
    )
    p.add_argument("--plc-url", default="", help="the PLC directory (default https://plc.directory)")
    p.add_argument(
        "--resolver-url", default="", help="where handles are looked up (default https://public.api.bsky.app)"
    )
    p.set_defaults(func=_add)


def test(account: Account) -> tuple[bool, str]:
    """``agentdesk account test``: the stored session against the PDS (a refreshed one is stored again)."""
    from agentdesk.sync.bluesky import setup  # httpx loads only for a Bluesky account

    check = asyncio.run(setup.test_stored(account))
    return check.ok, check.message


def _add(args: argparse.Namespace) -> int:
    from agentdesk.sync.bluesky import setup

    refuse_training_profiles(args)
    refuse_taken_name(args)
    app_password = read_secret("App password")
    default = setup.Directory()
    directory = setup.Directory(
        args.plc_url.strip() or default.plc_url,
        args.resolver_url.strip() or default.resolver_url,
        args.chat_did.strip() or default.chat_did,
    )
    check = asyncio.run(setup.sign_in(args.handle, app_password, args.url, directory))
    if not check.ok:
        raise CliError(check.message, 1)
    print(check.message)
    keep_account(args, check.secret, check.pds, check.settings)
    return 0
