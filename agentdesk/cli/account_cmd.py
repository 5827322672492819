"""``agentdesk account add|list|remove|test``: connect the client to a team backend.

The secret (an access token) is read from stdin, never from an argument, because arguments end
up in shell history and in ``ps``; it goes straight into the OS keyring. Only the non-secret
parts (kind, name, URL, account number) are stored in the profile.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys

from agentdesk.cli import CliError, account_bluesky, account_mastodon, account_x
from agentdesk.cli.account_store import (
    keep_account,
    open_store,
    read_secret,
    refuse_taken_name,
    refuse_training_profiles,
)
from agentdesk.core.entities import Account
from agentdesk.store import Store
from agentdesk.store.profile import resolve_data_dir
from agentdesk.sync import credentials
from agentdesk.sync.canned import CannedResponseFiles
from agentdesk.sync.chatwoot.account_settings import account_settings
from agentdesk.sync.chatwoot.diagnosis import ConnectionCheck
from agentdesk.sync.chatwoot.setup import check_connection
from agentdesk.sync.credentials import KeyringUnavailable

#: Kinds whose accounts keep a secret in the keyring.
KINDS = ("chatwoot", "mastodon", "x", "bluesky")


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("account", help="add, list, remove or test the accounts of team backends and platforms")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = actions.add_parser("add", help="add an account; a secret is read from stdin, never from an argument")
    kinds = add.add_subparsers(dest="kind", metavar="KIND", required=True)
    chatwoot = kinds.add_parser("chatwoot", help="a Chatwoot account; the access token is read from stdin")
    chatwoot.add_argument("--name", required=True, help="a name for this account in AgentDesk")
    chatwoot.add_argument(
        "--url", required=True, help="the address you open Chatwoot at, e.g. https://chat.example.com"
    )
    chatwoot.add_argument("--account-id", type=int, required=True, help="Chatwoot's account number (in its URLs)")
    chatwoot.add_argument("--no-verify", action="store_true", help="store without testing the connection first")
    chatwoot.set_defaults(func=_add)
    account_mastodon.register(kinds)
    account_x.register(kinds)
    account_bluesky.register(kinds)
    listing = actions.add_parser("list", help="the accounts of this profile")
    listing.add_argument("--json", action="store_true", help="one JSON object per account")
    listing.set_defaults(func=_list)
    for name, func, text in (
        ("remove", _remove, "remove an account and its secret"),
        ("test", _test, "test URL, token and account access"),
    ):
        action = actions.add_parser(name, help=text)
        action.add_argument("name")
        action.set_defaults(func=func)


def _check(url: str, account_id: int, token: str) -> ConnectionCheck:
    return asyncio.run(check_connection(url, account_id, token))


def _add(args: argparse.Namespace) -> int:
    refuse_training_profiles(args)
    token = read_secret("Access token")
    refuse_taken_name(args)
    me = ""  # without a test, "me" stays the profile's agent name
    if not args.no_verify:
        check = _check(args.url, args.account_id, token)
        if not check.ok:
            raise CliError(check.message, 1)
        print(check.message)
        me = check.profile.name if check.profile else ""
    keep_account(args, token, args.url.rstrip("/"), account_settings(args.account_id, me))
    return 0


def _list(args: argparse.Namespace) -> int:
    store = open_store(args)
    try:
        accounts = store.list_accounts()
    finally:
        store.close()
    for account in accounts:
        if args.json:
            print(
                json.dumps(
                    {
                        "id": account.id,
                        "kind": account.kind,
                        "name": account.name,
                        "url": account.base_url,
                        "settings": account.settings,
                    }
                )
            )
        else:
            print(f"{account.name}\t{account.kind}\t{account.base_url}")
    return 0


def _named(store: Store, name: str) -> Account:
    account = store.account_by_name(name)
    if account is None:
        names = ", ".join(a.name for a in store.list_accounts()) or "none"
        raise CliError(f"no account named {name!r}; accounts: {names}")
    return account


def _remove(args: argparse.Namespace) -> int:
    store = open_store(args)
    try:
        account = _named(store, args.name)
        store.remove_account(account.id)
    finally:
        store.close()
    CannedResponseFiles(resolve_data_dir(args.data_dir)).forget(account.id)
    if account.kind in KINDS:
        try:
            credentials.delete_secret(account.kind, account.name)
        except KeyringUnavailable as exc:
            print(f"agentdesk: removed, but the secret could not be deleted: {exc}", file=sys.stderr)
    print(f"removed {account.name!r}")
    return 0


def _test(args: argparse.Namespace) -> int:
    store = open_store(args)
    try:
        account = _named(store, args.name)
    finally:
        store.close()
    if account.kind not in KINDS:
        raise CliError(f"{account.name!r} is a {account.kind} account; it has no connection to test")
    try:
        token = credentials.get_secret(account.kind, account.name)
    except KeyringUnavailable as exc:
        raise CliError(str(exc), 3) from exc
    if token is None:
        raise CliError(f"no access token stored for {account.name!r}; remove and add the account again")
    if account.kind == "mastodon":
        ok, message = account_mastodon.test(account.base_url, token)
    elif account.kind == "x":
        ok, message = account_x.test(account)
    elif account.kind == "bluesky":
        ok, message = account_bluesky.test(account)
    else:
        check = _check(account.base_url, int(account.settings["account_id"]), token)
        ok, message = check.ok, check.message
    print(message, file=sys.stdout if ok else sys.stderr)
    return 0 if ok else 1
