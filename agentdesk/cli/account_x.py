"""``agentdesk account add x``: a browser sign-in through the company's X app, or a token from stdin.

The browser sign-in opens the system browser on X's consent page and waits for it to come back
to a one-time loopback port; access and refresh token go to the keyring as one secret. X has no
per-user app registration, so ``--client-id`` names the company's X app (Developer Console →
Keys and tokens → OAuth 2.0 Client ID). Headless machines use ``--token-stdin`` with a user
access token made elsewhere; it is not refreshed, so it lasts as long as X lets it (two hours).
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
    from agentdesk.core.entities import Account
    from agentdesk.sync.x.session import StoredSignIn
    from agentdesk.sync.x.setup import XCheck


def register(kinds: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = kinds.add_parser("x", help="an X account: sign in with the browser, or an access token from stdin")
    p.add_argument("--name", required=True, help="a name for this account in AgentDesk")
    p.add_argument("--client-id", default="", help="the OAuth 2.0 client id of your company's X app")
    p.add_argument(
        "--redirect-port", type=int, default=None, help="the loopback port in your X app's callback URL (default 48271)"
    )
    p.add_argument("--url", default="", help="the X API's address if not https://api.x.com (e.g. a proxy)")
    p.add_argument("--token-stdin", action="store_true", help="read an access token from stdin instead of the browser")
    p.set_defaults(func=_add)


def _open_browser(url: str) -> None:
    print(f"Opening your browser to sign in to X. If it does not open, visit:\n{url}", file=sys.stderr)
    webbrowser.open(url)


async def _sign_in(url: str, client_id: str, port: int | None) -> StoredSignIn:
    import httpx  # with the connector, only when an X account is added: every other command starts faster

    from agentdesk.sync.x import setup
    from agentdesk.sync.x.session import StoredSignIn

    async with httpx.AsyncClient(timeout=20) as client:
        return StoredSignIn(await setup.sign_in(client, url, client_id, _open_browser, port), client_id)


async def _check(url: str, stored: StoredSignIn) -> XCheck:
    from agentdesk.sync.x import setup

    return await setup.checked(url, stored)


def test(account: Account) -> tuple[bool, str]:
    """``agentdesk account test``: the stored sign-in against X (a refreshed one is stored again)."""
    from agentdesk.sync.x import setup

    check = asyncio.run(setup.test_stored(account))
    return check.ok, check.message


def _add(args: argparse.Namespace) -> int:
    from agentdesk.core.oauth import Tokens
    from agentdesk.sync.x import setup
    from agentdesk.sync.x.session import StoredSignIn

    refuse_training_profiles(args)
    try:
        url = setup.api_url(args.url)
    except ValueError as exc:
        raise CliError(str(exc)) from exc
    refuse_taken_name(args)
    client_id = args.client_id.strip()
    if args.token_stdin:
        stored = StoredSignIn(Tokens(read_secret("Access token")), client_id)
    elif not client_id:
        raise CliError(f"{setup.NO_CLIENT_ID} Give it with --client-id, or use --token-stdin.")
    else:
        try:
            stored = asyncio.run(_sign_in(url, client_id, args.redirect_port))
        except SourceError as exc:
            raise CliError(str(exc), 1) from exc
    check = asyncio.run(_check(url, stored))
    if not check.ok:
        raise CliError(check.message, 1)
    print(check.message)
    keep_account(args, check.secret, url, setup.account_settings(check, client_id, args.redirect_port))
    return 0
