"""A Mastodon account in the window, against the loopback instance on recorded traffic: added with the
browser sign-in in the accounts dialog, a mention lands in the queue, the reply goes out threaded,
and a revoked sign-in says *needs sign-in* until the agent signs in again."""

from __future__ import annotations

import asyncio
from contextlib import AbstractAsyncContextManager
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest
from PySide6.QtCore import Qt

from agentdesk.core.entities import Queue
from agentdesk.core.events import SyncPhase
from agentdesk.store import Store
from agentdesk.sync import credentials
from agentdesk.sync.account_setup import AccountSetup
from agentdesk.sync.workspace import open_workspace
from agentdesk.ui.accounts_dialog import AccountsDialog
from agentdesk.ui.main_window import MainWindow
from tests.conftest import wait_signal, wait_until
from tests.servers.mastodon.server import MastodonServer
from tests.servers.memory_keyring import MemoryKeyring
from tests.windows import window_on as window_on_workspace

pytest_plugins = ("tests.servers.mastodon.fixtures",)

pytestmark = pytest.mark.asyncio


def browser() -> object:
    """The system browser: shows the instance's consent page (it consents) and follows the redirect."""

    async def visit(url: str) -> None:
        async with httpx.AsyncClient() as web:
            answer = await web.get(url)
            await web.get(answer.headers["Location"])

    tasks: list[asyncio.Task[None]] = []
    return lambda url: tasks.append(asyncio.get_running_loop().create_task(visit(url)))


def window_on(data_dir: Path) -> AbstractAsyncContextManager[MainWindow]:
    return window_on_workspace(open_workspace(data_dir, poll_interval=0.2))


async def ids_in(win: MainWindow, queue: Queue) -> list[int]:
    return await win.ops.conversation_ids(queue, win.list.sort_order(), "")


async def test_a_mastodon_account_added_in_the_dialog_brings_its_mentions(
    qtbot, tmp_path: Path, server: MastodonServer, vault: MemoryKeyring
) -> None:
    kim = server.add_account("kim", "Kim Berger")
    server.post(kim, "@wellenreich Mein Paket ist seit einer Woche unterwegs.")
    async with window_on(tmp_path) as win:
        dialog = AccountsDialog(AccountSetup(win.ws), win.tasks.run, parent=win)
        dialog.open_browser = browser()
        dialog.open()
        dialog.kind.setCurrentIndex(dialog.kind.findData("mastodon"))
        assert not dialog.form.isRowVisible(dialog.account_id)  # Mastodon has no account number
        dialog.name.setText("Mastodon")
        dialog.url.setText(server.url)
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
        ok, message = await wait_signal(dialog.checked, timeout=20)
        assert ok, message
        assert vault.entries[("AgentDesk", "mastodon:Mastodon")] in server.state.tokens

        async def customers() -> set[str]:
            rows = await win.ops.rows(await ids_in(win, Queue.ALL_OPEN))
            return {row.customer_name for row in rows}

        await wait_until(lambda: win.list_model.rowCount() > 0, timeout=10)
        for _ in range(100):
            if "Kim Berger" in await customers():
                break
            await asyncio.sleep(0.1)
        assert "Kim Berger" in await customers()
        dialog.close()


def add_mastodon_account(data_dir: Path, server: MastodonServer) -> None:
    """The profile as ``agentdesk account add mastodon --token-stdin`` leaves it."""
    store = Store.open(data_dir)
    try:
        store.add_account(
            "mastodon", "Masto", datetime.now(UTC), base_url=server.url, settings={"max_characters": "500"}
        )
    finally:
        store.close()
    credentials.set_secret("mastodon", "Masto", server.token)


async def test_a_reply_goes_out_threaded_and_a_revoked_sign_in_can_be_renewed(
    qtbot, tmp_path: Path, server: MastodonServer, vault: MemoryKeyring
) -> None:
    kim = server.add_account("kim", "Kim Berger")
    mention = server.post(kim, "@wellenreich Wann kommt mein Paket?")
    add_mastodon_account(tmp_path, server)
    async with window_on(tmp_path) as win:
        await wait_until(lambda: win.list_model.rowCount() == 1, timeout=10)
        [cid] = await ids_in(win, Queue.ALL_OPEN)
        win.open_conversation(cid)
        await wait_until(lambda: win.shown_conversation() is not None, timeout=5)
        assert win.editor._rules is not None and win.editor._rules.max_characters == 500
        win.editor.set_text("Hallo Kim, wir sehen sofort nach.")
        win.editor.request_send()
        await wait_until(lambda: len(server.replies_by_me()) == 1, timeout=15)
        [reply] = server.replies_by_me()
        assert reply["in_reply_to_id"] == mention["id"] and reply["visibility"] == "public"
        assert reply["content"] == "<p>@kim Hallo Kim, wir sehen sofort nach.</p>"

        server.revoke(server.token)
        server.post(kim, "@wellenreich Hallo?", in_reply_to=reply["id"])
        await wait_until(lambda: any(s.phase is SyncPhase.NEEDS_SIGN_IN for s in win.ws.engine.states()), timeout=15)
        dialog = AccountsDialog(AccountSetup(win.ws), win.tasks.run, parent=win)
        dialog.open_browser = browser()
        dialog.open()
        assert any("needs sign-in" in dialog.model.item(i).text() for i in range(dialog.model.rowCount()))
        dialog.view.setCurrentIndex(dialog.model.index(0, 0))
        qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
        ok, message = await wait_signal(dialog.checked, timeout=20)
        assert ok, message
        await wait_until(lambda: all(s.phase is not SyncPhase.NEEDS_SIGN_IN for s in win.ws.engine.states()), 15)
        conversation = None
        for _ in range(100):
            conversation = await win.ops.conversation(cid)
            if conversation is not None and conversation.messages[-1].text == "@wellenreich Hallo?":
                break
            await asyncio.sleep(0.1)
        assert conversation is not None and conversation.messages[-1].text == "@wellenreich Hallo?"
        dialog.close()


async def test_a_monitoring_match_can_be_taken_into_the_queue(
    qtbot, tmp_path: Path, server: MastodonServer, vault: MemoryKeyring
) -> None:
    ada = server.add_account("ada", "Ada Lang")
    server.post(ada, "Seit dem Update von Wellenreich geht bei mir gar nichts mehr")
    add_mastodon_account(tmp_path, server)
    store = Store.open(tmp_path)
    try:
        store.add_search(store.list_accounts()[0].id, "Wellenreich", datetime.now(UTC))
    finally:
        store.close()
    async with window_on(tmp_path) as win:
        for _ in range(150):
            if await ids_in(win, Queue.MONITORING):
                break
            await asyncio.sleep(0.1)
        [cid] = await ids_in(win, Queue.MONITORING)
        assert await ids_in(win, Queue.ALL_OPEN) == []  # a match is no request until it is taken
        win.open_conversation(cid)
        await wait_until(lambda: win.pane.monitoring.isVisible(), timeout=5)
        assert "Masto: Wellenreich" in win.pane.monitoring.reasons.text()
        win.take_match()
        for _ in range(100):
            if await ids_in(win, Queue.ALL_OPEN) == [cid]:
                break
            await asyncio.sleep(0.1)
        assert await ids_in(win, Queue.ALL_OPEN) == [cid]
        await wait_until(lambda: not win.pane.monitoring.isVisible(), timeout=5)


async def test_test_connection_checks_a_mastodon_token_and_a_stored_account(
    qtbot, tmp_path: Path, server: MastodonServer, vault: MemoryKeyring
) -> None:
    add_mastodon_account(tmp_path, server)
    async with window_on(tmp_path) as win:
        dialog = AccountsDialog(AccountSetup(win.ws), win.tasks.run, parent=win)
        dialog.open()
        dialog.kind.setCurrentIndex(dialog.kind.findData("mastodon"))
        dialog.url.setText(server.url)
        dialog.token.setText("not-a-token")
        qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
        ok, message = await wait_signal(dialog.checked, timeout=20)
        assert not ok and "refused this access token" in message
        dialog.token.clear()
        dialog.view.setCurrentIndex(dialog.model.index(0, 0))  # the stored account, its token from the keyring
        qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
        ok, message = await wait_signal(dialog.checked, timeout=20)
        assert ok and "Signed in as @wellenreich@" in message
        dialog.close()
