"""*Sign in again* keeps only a sign-in of the account's own user, and keeps what it learnt: against
the loopback X API, with the workspace the accounts dialog works on (a test plays the browser)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
import pytest_asyncio

from agentdesk.core.entities import Account
from agentdesk.store import Store
from agentdesk.sync.account_setup import AccountForm, AccountSetup, another_user, kind_setup
from agentdesk.sync.workspace import Workspace, open_workspace
from agentdesk.sync.x.session import StoredSignIn
from tests.servers.memory_keyring import MemoryKeyring
from tests.servers.x.server import XServer
from tests.test_ui_mastodon import browser
from tests.test_ui_x import add_x_account

pytest_plugins = ("tests.servers.x.fixtures",)

SECRET_KEY = ("AgentDesk", "x:Wellenreich X")


@pytest_asyncio.fixture
async def workspace(tmp_path: Path, x_server: XServer, vault: MemoryKeyring) -> AsyncIterator[Workspace]:
    add_x_account(tmp_path, x_server)
    ws = open_workspace(tmp_path, poll_interval=0.2)
    ws.engine.start()
    yield ws
    await ws.close()


@pytest.mark.asyncio
async def test_a_sign_in_as_another_user_is_refused_and_nothing_changes(
    workspace: Workspace, x_server: XServer, vault: MemoryKeyring
) -> None:
    ada = x_server.add_user("ada_privat", "Ada Lang")
    x_server.state.tokens["adas-token"] = ada  # the agent's own X account, signed in in the same browser
    before = vault.entries[SECRET_KEY]
    [account] = workspace.accounts

    check = await (await kind_setup("x")).sign_in_again(
        AccountSetup(workspace), account, AccountForm(secret="adas-token"), browser()
    )

    assert not check.ok
    assert check.message == (
        "You signed in as @ada_privat, but the account Wellenreich X belongs to @wellenreich. "
        "Sign in as @wellenreich; nothing was changed."
    )
    assert vault.entries[SECRET_KEY] == before
    assert workspace.accounts == [account]


@pytest.mark.asyncio
async def test_a_new_client_id_is_kept_for_the_next_sign_in_and_the_account_syncs_with_it(
    tmp_path: Path, workspace: Workspace, x_server: XServer, vault: MemoryKeyring
) -> None:
    x_server.oauth.state.client_ids.add("new-app")  # the company replaced its X app
    [account] = workspace.accounts

    check = await (await kind_setup("x")).sign_in_again(
        AccountSetup(workspace), account, AccountForm(login="new-app"), browser()
    )

    assert check.ok, check.message
    assert StoredSignIn.decode(vault.entries[SECRET_KEY]).client_id == "new-app"
    [renewed] = workspace.accounts
    assert renewed.settings["client_id"] == "new-app" and renewed.settings["handle"] == "@wellenreich"
    store = Store.open(tmp_path)
    try:
        assert store.list_accounts()[0].settings["client_id"] == "new-app"  # the next start knows it too
    finally:
        store.close()

    kim = x_server.add_user("kim_berger", "Kim Berger")
    x_server.post(kim, "@wellenreich Ist die Störung in Altona behoben?")
    for _ in range(150):  # the account restarted with its new settings and syncs
        document = await workspace.runner.read(workspace.store.export, datetime.now(UTC))
        if any("Altona" in m["text"] for c in document["conversations"] for m in c["messages"]):
            break
        await asyncio.sleep(0.1)
    else:
        raise AssertionError("the renewed account never synced")


def test_bluesky_compares_the_did_so_a_new_handle_is_the_same_user() -> None:
    account = Account(1, "bluesky", "Shop", settings={"handle": "shop.example", "did": "did:plc:shop"})
    assert another_user(account, {"handle": "laden.example", "did": "did:plc:shop"}, "did") == ""
    refused = another_user(account, {"handle": "ada.example", "did": "did:plc:ada"}, "did")
    assert "You signed in as ada.example" in refused and "belongs to shop.example" in refused
    assert another_user(replace(account, settings={}), {"did": "did:plc:ada"}, "did") == ""  # nothing known yet


@pytest.mark.asyncio
async def test_a_renamed_x_handle_is_the_same_user_once_xs_id_is_kept(
    workspace: Workspace, x_server: XServer, vault: MemoryKeyring
) -> None:
    setup = await kind_setup("x")
    [account] = workspace.accounts
    assert (await setup.sign_in_again(AccountSetup(workspace), account, AccountForm(), browser())).ok
    [account] = workspace.accounts
    assert account.settings["user_id"] == x_server.state.me  # kept from this sign-in on

    x_server.state.users[x_server.state.me]["username"] = "wellenreich_de"  # the company renamed it on X
    check = await setup.sign_in_again(AccountSetup(workspace), account, AccountForm(), browser())

    assert check.ok, check.message
    [renamed] = workspace.accounts
    assert renamed.settings["handle"] == "@wellenreich_de"
