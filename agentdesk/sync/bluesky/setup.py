"""Signing a Bluesky account in, for the CLI and the accounts dialog.

Bluesky's way for a desktop app is an *app password* (Settings → Privacy and security → App
passwords): ``createSession`` with the handle (or e-mail) and that password gives a session.
The keyring keeps only the session (a JWT pair that rotates on every refresh), **not** the app
password: a refresh token dies when it is used or after about 90 days, and a copy someone
used would make our next refresh fail visibly (*Sign in again*), while an app password stays
valid until the user revokes it by hand. When the session ends, the user types the app password
once more; a revoked app password is then refused, as the user meant.

Direct messages need an app password with *Allow access to your direct messages*; the sign-in
checks it and says so.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import httpx

from agentdesk.sync import credentials
from agentdesk.sync.bluesky import identity
from agentdesk.sync.bluesky.connector import DEFAULT_CHAT_DID, no_chat_service
from agentdesk.sync.bluesky.session_store import KIND, KeyringSessions
from agentdesk.sync.bluesky.xrpc import Session, Xrpc
from agentdesk.sync.errors import Forbidden, NeedsSignIn, Offline, Rejected, ServerError, SourceError
from agentdesk.sync.words import _

if TYPE_CHECKING:
    from agentdesk.core.entities import Account
    from agentdesk.sync.account_setup import AccountForm, AccountSetup, OpenBrowser


@dataclass(frozen=True, slots=True)
class Directory:
    """Where identities are looked up: Bluesky's public services, or a private network's (the CLI's
    options, or ``AGENTDESK_BLUESKY_PLC``, ``…_RESOLVER`` and ``…_CHAT_DID`` for the whole app)."""

    plc_url: str = field(default_factory=lambda: os.environ.get("AGENTDESK_BLUESKY_PLC") or identity.DEFAULT_PLC)
    resolver_url: str = field(
        default_factory=lambda: os.environ.get("AGENTDESK_BLUESKY_RESOLVER") or identity.DEFAULT_RESOLVER
    )
    chat_did: str = field(default_factory=lambda: os.environ.get("AGENTDESK_BLUESKY_CHAT_DID") or DEFAULT_CHAT_DID)


@dataclass(frozen=True, slots=True)
class BlueskyCheck:
    ok: bool
    message: str
    pds: str = ""
    settings: dict[str, str] = field(default_factory=dict)
    secret: str = field(default="", repr=False)  # the session, handed on to the keyring, never shown


async def sign_in(
    identifier: str, app_password: str, pds: str = "", directory: Directory | None = None, *, timeout: float = 20
) -> BlueskyCheck:
    """A session for a handle or e-mail and an app password; its PDS is looked up unless given."""
    directory = directory or Directory()
    identifier = identity.normalise_handle(identifier)
    if not identifier or not app_password.strip():
        return BlueskyCheck(False, _("Type the handle (or e-mail address) and an app password."))
    try:
        pds = identity.server_url(pds) if pds.strip() else ""
    except ValueError as exc:
        return BlueskyCheck(False, str(exc))
    async with httpx.AsyncClient(timeout=timeout) as client:
        try:
            if not pds:
                pds = (
                    identity.ENTRYWAY
                    if identity.is_email(identifier)
                    else await identity.resolve_pds(
                        client, identifier, plc_url=directory.plc_url, resolver_url=directory.resolver_url
                    )
                )
            session = await Xrpc(client, pds, None).create_session(identifier, app_password.strip())
            if pds == identity.ENTRYWAY:  # the entryway signs everyone in; the account lives on its own PDS
                pds = identity.pds_of(await identity.did_document(client, session.did, directory.plc_url), session.did)
            chat = await _chat_note(client, pds, session, directory.chat_did)
        except SourceError as exc:
            return BlueskyCheck(False, str(exc))
    settings = {"handle": session.handle, "did": session.did, "chat_did": directory.chat_did}
    signed = _("Signed in as @{handle} on {server}.").format(handle=session.handle, server=pds)
    return BlueskyCheck(True, f"{signed} {chat}", pds, settings, session.to_secret())


async def _chat_note(client: httpx.AsyncClient, pds: str, session: Session, chat_did: str) -> str:
    """Whether this sign-in may read direct messages, in a sentence."""
    try:
        await Xrpc(client, pds, session).query(
            "chat.bsky.convo.listConvos", {"limit": 1}, proxy=f"{chat_did}#bsky_chat"
        )
    except Forbidden:
        return _(
            "Direct messages are not synced: this app password may not read them "
            "(make one with access to direct messages)."
        )
    except NeedsSignIn:
        raise
    except (Rejected, ServerError, Offline):
        return no_chat_service(chat_did)
    return _("Direct messages are synced too.")


async def add_account(accounts: AccountSetup, form: AccountForm, open_browser: OpenBrowser) -> BlueskyCheck:
    """The accounts dialog's *Add*: sign in with the handle and app password, keep the session, sync."""
    problem = accounts.name_problem(form.name)
    if problem:
        return BlueskyCheck(False, problem)
    check = await sign_in(form.login, form.secret, form.url)
    if check.ok:
        await accounts.keep(KIND, form.name, check.pds, check.secret, check.settings)
    return check


async def sign_in_again(
    accounts: AccountSetup, account: Account, form: AccountForm, open_browser: OpenBrowser
) -> BlueskyCheck:
    """*Sign in again* after the session ended: a new session from the app password typed into the
    form, on the account's own server, and it syncs at once."""
    directory = Directory(chat_did=account.settings.get("chat_did", DEFAULT_CHAT_DID))
    handle = form.login or account.settings.get("handle") or account.settings.get("did", "")
    check = await sign_in(handle, form.secret, account.base_url, directory)
    if check.ok:
        problem = await accounts.sign_in_again(account, check.secret, check.settings, identity="did")
        if problem:
            return BlueskyCheck(False, problem)
    return check


async def test_typed(form: AccountForm) -> BlueskyCheck:
    """*Test connection* with the handle and app password typed into the form (nothing is kept)."""
    check = await sign_in(form.login, form.secret, form.url)
    return BlueskyCheck(check.ok, check.message, check.pds)


async def test_stored(account: Account) -> BlueskyCheck:
    """*Test connection* for a stored account: its session from the keyring (refreshed if it must)."""
    secret = await credentials.off_loop(credentials.get_secret, KIND, account.name)
    if not secret:
        return BlueskyCheck(
            False, _("No Bluesky session is stored for {name}; sign in again.").format(name=account.name)
        )
    chat_did = account.settings.get("chat_did", DEFAULT_CHAT_DID)
    async with httpx.AsyncClient(timeout=20) as client:
        try:
            xrpc = Xrpc(client, account.base_url, Session.from_secret(secret), KeyringSessions(account.name))
            me = await xrpc.query("com.atproto.server.getSession")
            chat = await _chat_note(client, account.base_url, xrpc.signed_in(), chat_did)
        except SourceError as exc:
            return BlueskyCheck(False, str(exc))
    signed = _("Signed in as @{handle} on {server}.").format(handle=me.get("handle", ""), server=account.base_url)
    return BlueskyCheck(True, f"{signed} {chat}", account.base_url)
