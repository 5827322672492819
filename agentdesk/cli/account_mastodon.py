"""``agentdesk account add mastodon``: a browser sign-in, or an access token from stdin.

The browser sign-in opens the system browser on the instance's consent page and waits for it to
come back to a one-time loopback port. Headless machines use ``--token-stdin`` with a token from
the instance's *Preferences → Development* page.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import webbrowser
from typing import TYPE_CHECKING

from agentdesk.cli import CliError
from agentdesk.cli.account_store import keep_account, read_secret, refuse_taken_name, refuse_training_profiles
from agentdesk.sync.errors import SourceError

if TYPE_CHECKING:
    from agentdesk.sync.mastodon.setup import MastodonCheck


def register(kinds: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = kinds.add_parser("mastodon", help="a Mastodon account: sign in with the browser, or a token from stdin")
    p.add_argument("--name", required=True, help="a name for this account in AgentDesk")
    p.add_argument("--url", required=True, help="the instance, e.g. mastodon.social")
    p.add_argument("--token-stdin", action="store_true", help="read an access token from stdin instead of the browser")
    p.add_argument("--no-verify", action="store_true", help="with --token-stdin: store without testing the token")
    p.set_defaults(func=_add)


def _open_browser(url: str) -> None:
    print(f"Opening your browser to sign in. If it does not open, visit:\n{url}", file=sys.stderr)
    webbrowser.open(url)


async def _sign_in(url: str) -> str:
    import httpx  # with the connector, only when a Mastodon account is added: every other command starts faster

    from agentdesk.sync.mastodon import setup

    async with httpx.AsyncClient(timeout=20) as client:
        return await setup.sign_in(client, url, _open_browser)


async def _check(url: str, token: str) -> MastodonCheck:
    import httpx

    from agentdesk.sync.mastodon import setup

    async with httpx.AsyncClient(timeout=20) as client:
        return await setup.check_token(client, url, token)


def test(url: str, token: str) -> tuple[bool, str]:
    check = asyncio.run(_check(url, token))
    return check.ok, check.message


def _add(args: argparse.Namespace) -> int:
    from agentdesk.sync.mastodon import setup

    refuse_training_profiles(args)
    try:
        url = setup.instance_url(args.url)
    except ValueError as exc:
        raise CliError(str(exc)) from exc
    refuse_taken_name(args)
    if args.token_stdin:
        token = read_secret("Access token")
    else:
        try:
            token = asyncio.run(_sign_in(url))
        except SourceError as exc:
            raise CliError(str(exc), 1) from exc
    settings: dict[str, str] = {}
    if not (args.token_stdin and args.no_verify):
        check = asyncio.run(_check(url, token))
        if not check.ok:
            raise CliError(check.message, 1)
        print(check.message)
        settings = setup.account_settings(check)
    keep_account(args, token, url, settings)
    return 0
