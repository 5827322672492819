"""A Bluesky account in the window, against the real local AT Protocol network: added in the
accounts dialog with handle and app password, a mention lands in the queue, the reply goes out
threaded, a direct message is answered privately, a monitoring match is taken into the queue, and
an ended session says *needs sign-in* until the agent signs in again."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from contextlib import AbstractAsyncContextManager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from agentdesk.core.channels import Audience
from agentdesk.core.entities import Queue
from agentdesk.core.events import SyncPhase
from agentdesk.core.length.limits import UNIT_GRAPHEMES
from agentdesk.store import Store
from agentdesk.sync import credentials
from agentdesk.sync.account_setup import AccountSetup
from agentdesk.sync.bluesky.setup import Directory, sign_in
from agentdesk.sync.bluesky.xrpc import Session
from agentdesk.sync.workspace import open_workspace
from agentdesk.ui.accounts_dialog import AccountsDialog
from agentdesk.ui.main_window import MainWindow
from tests.conftest import wait_signal, wait_until
from tests.servers.bluesky.network import LocalNetwork, Person, expired_copy
from tests.servers.memory_keyring import MemoryKeyring
from tests.windows import window_on as window_on_workspace

pytest_plugins = ("tests.servers.bluesky.fixtures",)
pytestmark = [pytest.mark.bluesky, pytest.mark.asyncio]


def window_on(data_dir: Path) -> AbstractAsyncContextManager[MainWindow]:
    return window_on_workspace(open_workspace(data_dir, poll_interval=0.2))


async def ids_in(win: MainWindow, queue: Queue) -> list[int]:
    return await win.ops.conversation_ids(queue, win.list.sort_order(), "")


async def eventually(what: str, check: Callable[[], Awaitable[Any]], timeout: float = 20.0) -> Any:
    """The AppView indexes within about a second, the window polls every 0.2 s: ask until it shows."""
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        value = await check()
        if value:
            return value
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"{what} within {timeout} s")
        await asyncio.sleep(0.1)


async def add_bluesky_account(
    data_dir: Path, net: LocalNetwork, shop: Person, *, name: str = "Blau", expired: bool = False
) -> str:
    """The profile as ``agentdesk account add bluesky`` leaves it; the app password it signed in with."""
    app_password = shop.app_password()
    check = await sign_in(shop.handle, app_password, net.pds, Directory(net.plc, net.pds, net.chat_did))
    assert check.ok, check.message
    secret = check.secret
    if expired:  # two hours later: the access token has run out, the refresh token is still good
        session = Session.from_secret(secret)
        secret = Session(session.did, session.handle, expired_copy(session.access_jwt), session.refresh_jwt).to_secret()
    store = Store.open(data_dir)
    try:
        store.add_account("bluesky", name, datetime.now(UTC), base_url=check.pds, settings=check.settings)
    finally:
        store.close()
    credentials.set_secret("bluesky", name, secret)
    return app_password


async def test_an_account_added_in_the_dialog_brings_its_mentions(
    qtbot, tmp_path: Path, bluesky_net: LocalNetwork, vault: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AGENTDESK_BLUESKY_CHAT_DID", bluesky_net.chat_did)
    shop, kim = bluesky_net.new_person("shop"), bluesky_net.new_person("kim")
    kim.post(f"@{shop.handle} Mein Paket ist seit einer Woche unterwegs.", mention=shop)
    async with window_on(tmp_path) as win:
        dialog = AccountsDialog(AccountSetup(win.ws), win.tasks.run, parent=win)
        dialog.open()
        dialog.kind.setCurrentIndex(dialog.kind.findData("bluesky"))
        assert dialog.form.isRowVisible(dialog.login) and not dialog.form.isRowVisible(dialog.account_id)
        dialog.name.setText("Blau")
        dialog.login.setText(shop.handle)
        dialog.url.setText(bluesky_net.pds)
        dialog.token.setText(shop.app_password())
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
        ok, message = await wait_signal(dialog.checked, timeout=20)
        assert ok and "Direct messages are synced too." in message, message
        assert Session.from_secret(vault.entries[("AgentDesk", "bluesky:Blau")]).did == shop.did

        async def kim_in_queue() -> bool:
            rows = await win.ops.rows(await ids_in(win, Queue.ALL_OPEN))
            return any(row.customer_name == kim.handle for row in rows)

        await eventually("Kim's mention in the queue", kim_in_queue)
        dialog.close()


async def test_a_mention_is_answered_threaded_and_a_direct_message_privately(
    qtbot, tmp_path: Path, bluesky_net: LocalNetwork, vault: MemoryKeyring
) -> None:
    shop, kim = bluesky_net.new_person("shop"), bluesky_net.new_person("kim")
    mention = kim.post(f"@{shop.handle} Wann kommt mein Paket?", mention=shop)
    await add_bluesky_account(tmp_path, bluesky_net, shop)
    async with window_on(tmp_path) as win:
        [cid] = await eventually("the mention in the queue", lambda: ids_in(win, Queue.ALL_OPEN))
        win.open_conversation(cid)
        await wait_until(lambda: win.shown_conversation() is not None, timeout=5)
        draft = f"Hallo @{kim.handle}, wir sehen sofort nach 👍🏽"
        win.editor.set_text(draft)
        measure = win.editor._measure
        assert measure is not None and (measure.limit, measure.unit) == (300, UNIT_GRAPHEMES)
        assert measure.length == len(draft) - 1  # the thumb with its skin tone is one grapheme
        win.editor.request_send()

        async def our_reply() -> dict | None:
            return next((p for p in kim.posts_by(shop.did) if p.get("reply")), None)

        posted = await eventually("the reply on the network", our_reply)
        assert posted["reply"]["parent"] == {"uri": mention["uri"], "cid": mention["cid"]}
        assert posted["reply"]["root"] == {"uri": mention["uri"], "cid": mention["cid"]}
        assert posted["facets"][0]["features"][0]["did"] == kim.did

        convo_id = kim.write_to(shop, "Bitte nicht öffentlich: meine Adresse ist falsch.")

        async def private() -> list[int]:
            rows = await win.ops.rows(await ids_in(win, Queue.ALL_OPEN))
            return [r.id for r in rows if r.id != cid]

        [dm] = await eventually("the direct message in the queue", private)
        win.open_conversation(dm)
        await wait_until(lambda: (c := win.shown_conversation()) is not None and c.id == dm, timeout=5)
        assert win.shown_conversation().audience is Audience.PRIVATE  # type: ignore[union-attr]
        win.editor.set_text("Schreib uns die richtige Adresse, wir ändern sie dann.")
        assert win.editor._measure is not None and win.editor._measure.limit == 1_000  # a direct message
        win.editor.request_send()

        async def answered() -> bool:
            return kim.messages(convo_id)[0]["text"] == "Schreib uns die richtige Adresse, wir ändern sie dann."

        await eventually("the direct answer in Kim's chat", answered)


async def test_a_monitoring_match_can_be_taken_into_the_queue(
    qtbot, tmp_path: Path, bluesky_net: LocalNetwork, vault: MemoryKeyring
) -> None:
    shop, ada = bluesky_net.new_person("shop"), bluesky_net.new_person("ada")
    ada.post("Seit dem Update von Wellenreichblau geht bei mir gar nichts mehr")
    await add_bluesky_account(tmp_path, bluesky_net, shop)
    store = Store.open(tmp_path)
    try:
        store.add_search(store.list_accounts()[0].id, "Wellenreichblau", datetime.now(UTC))
    finally:
        store.close()
    async with window_on(tmp_path) as win:
        [cid] = await eventually("the match in Monitoring", lambda: ids_in(win, Queue.MONITORING))
        assert await ids_in(win, Queue.ALL_OPEN) == []  # a match is no request until it is taken
        win.open_conversation(cid)
        await wait_until(lambda: win.pane.monitoring.isVisible(), timeout=5)
        assert "Blau: Wellenreichblau" in win.pane.monitoring.reasons.text()
        win.take_match()

        async def taken() -> bool:
            return await ids_in(win, Queue.ALL_OPEN) == [cid]

        await eventually("the match in the queue", taken)


async def test_an_ended_session_needs_sign_in_until_the_agent_signs_in_again(
    qtbot, tmp_path: Path, bluesky_net: LocalNetwork, vault: MemoryKeyring
) -> None:
    shop, kim = bluesky_net.new_person("shop"), bluesky_net.new_person("kim")
    old_password = await add_bluesky_account(tmp_path, bluesky_net, shop, expired=True)
    await add_bluesky_account(tmp_path, bluesky_net, bluesky_net.new_person("zweitshop"), name="Grün")
    shop.call("POST", "com.atproto.server.revokeAppPassword", json={"name": _app_password_name(shop)})
    kim.post(f"@{shop.handle} Hallo?", mention=shop)
    async with window_on(tmp_path) as win:

        def phases() -> dict[str, SyncPhase]:
            return {s.name: s.phase for s in win.ws.engine.states()}

        await wait_until(lambda: phases() == {"Blau": SyncPhase.NEEDS_SIGN_IN, "Grün": SyncPhase.IDLE}, timeout=20)
        dialog = AccountsDialog(AccountSetup(win.ws), win.tasks.run, parent=win)
        dialog.open()
        rows = [dialog.model.item(i).text() for i in range(dialog.model.rowCount())]
        assert "Blau — needs sign-in" in rows
        assert "Grün — synced" in rows  # the other account keeps syncing
        dialog.view.setCurrentIndex(dialog.model.index(rows.index("Blau — needs sign-in"), 0))
        dialog.token.setText(old_password)  # revoked: still refused
        qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
        ok, message = await wait_signal(dialog.checked, timeout=20)
        assert not ok and message == "Bluesky refused this handle or app password."
        dialog.token.setText(shop.app_password())
        qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
        ok, message = await wait_signal(dialog.checked, timeout=20)
        assert ok, message
        await eventually("Kim's mention after signing in again", lambda: ids_in(win, Queue.ALL_OPEN))
        assert all(s.phase is not SyncPhase.NEEDS_SIGN_IN for s in win.ws.engine.states())
        dialog.close()


def _app_password_name(person: Person) -> str:
    return next(
        p["name"]
        for p in person.call("GET", "com.atproto.server.listAppPasswords")["passwords"]
        if p["name"].startswith("agentdesk-")
    )
