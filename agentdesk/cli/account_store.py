"""What adding any account shares: no real account in a training profile, unique names, the
secret into the keyring only, and a secret read from stdin (never from an argument: arguments end
up in shell history and in ``ps``)."""

from __future__ import annotations

import argparse
import getpass
import sys
from datetime import UTC, datetime

from agentdesk.cli import CliError
from agentdesk.store import Store, StoreError
from agentdesk.store.profile import Role, load_settings, resolve_data_dir
from agentdesk.sync import credentials
from agentdesk.sync.credentials import KeyringUnavailable


def open_store(args: argparse.Namespace) -> Store:
    try:
        return Store.open(resolve_data_dir(args.data_dir))
    except StoreError as exc:
        raise CliError(str(exc), 3) from exc


def read_secret(what: str) -> str:
    secret = getpass.getpass(f"{what}: ") if sys.stdin.isatty() else sys.stdin.readline()
    if not secret.strip():
        raise CliError(f"no {what.lower()} on stdin (pipe it in, e.g. 'agentdesk account add ... < secret.txt')")
    return secret.strip()


def refuse_training_profiles(args: argparse.Namespace) -> None:
    if args.sandbox or load_settings(resolve_data_dir(args.data_dir)).role is Role.TRAINEE:
        raise CliError("this is a training profile: it may hold only the sandbox, never a real account", 3)


def refuse_taken_name(args: argparse.Namespace) -> None:
    store = open_store(args)
    try:
        if store.account_by_name(args.name) is not None:
            raise CliError(f"an account named {args.name!r} exists already")
    finally:
        store.close()


def keep_account(args: argparse.Namespace, secret: str, base_url: str, settings: dict[str, str]) -> None:
    """The secret into the keyring, the rest into the profile; nothing is kept when the keyring fails."""
    try:
        credentials.set_secret(args.kind, args.name, secret)
    except KeyringUnavailable as exc:
        raise CliError(str(exc), 3) from exc
    store = open_store(args)
    try:
        store.add_account(args.kind, args.name, datetime.now(UTC), base_url=base_url, settings=settings)
    finally:
        store.close()
    print(f"added {args.kind} account {args.name!r}")
