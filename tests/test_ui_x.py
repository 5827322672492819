"""An X account in the window, against the loopback X API on recorded traffic: added with the browser
sign-in in the accounts dialog, a mention lands in the queue, the reply goes out threaded and is
counted as X counts, and a match of an X search can be taken into the queue."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from agentdesk.core.channels import Channel
from agentdesk.core.entities import Queue
from agentdesk.core.events import SyncPhase
from agentdesk.core.oauth import Tokens
from agentdesk.store import Store
from agentdesk.sync import credentials
from agentdesk.sync.account_setup import AccountSetup
from agentdesk.sync.x.session import StoredSignIn
from agentdesk.ui.accounts_dialog import AccountsDialog
from tests.conftest import wait_signal, wait_until
from tests.servers.memory_keyring import MemoryKeyring
from tests.servers.x.server import CLIENT_ID, XServer
from tests.test_ui_mastodon import browser, ids_in, window_on

pytest_plugins = ("tests.servers.x.fixtures",)

pytestmark = pytest.mark.asyncio


async def until(check: object, seconds: float = 15, explain: object = None) -> None:
    """Polls an async predicate (a store read) until it holds; ``explain`` says what was there instead."""
    for _ in range(int(seconds * 10)):
        if await check():  # type: ignore[operator]
            return
        await asyncio.sleep(0.1)
    raise AssertionError(f"never happened: {await explain()}" if explain else "never happened")  # type: ignore[operator]


async def test_an_x_account_added_in_the_dialog_brings_its_mentions(
    qtbot, tmp_path: Path, x_server: XServer, vault: MemoryKeyring
) -> None:
    kim = x_server.add_user("kim_berger", "Kim Berger")
    x_server.post(kim, "@wellenreich Mein Paket ist seit einer Woche unterwegs.")
    async with window_on(tmp_path) as win:
        dialog = AccountsDialog(AccountSetup(win.ws), win.tasks.run, parent=win)
        dialog.open_browser = browser()
        dialog.open()
        dialog.kind.setCurrentIndex(dialog.kind.findData("x"))
        assert dialog.form.isRowVisible(dialog.login) and not dialog.form.isRowVisible(dialog.account_id)
        assert dialog.add_button.text() == "Sign in and add"
        dialog.name.setText("X")
        dialog.url.setText(x_server.url)
        dialog.login.setText(CLIENT_ID)
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
        ok, message = await wait_signal(dialog.checked, timeout=20)
        assert ok and message == "Signed in to X as @wellenreich."
        stored = StoredSignIn.decode(vault.entries[("AgentDesk", "x:X")])
        assert stored.tokens.access_token in x_server.state.tokens and stored.client_id == CLIENT_ID

        async def customers() -> set[str]:
            rows = await win.ops.rows(await ids_in(win, Queue.ALL_OPEN))
            return {row.customer_name for row in rows}

        await until(lambda: _contains(customers(), "Kim Berger"))
        dialog.close()


async def _contains(names: object, name: str) -> bool:
    return name in await names  # type: ignore[operator]


def add_x_account(data_dir: Path, x_server: XServer, *searches: str) -> None:
    """The profile as ``agentdesk account add x --client-id ID --token-stdin`` leaves it, with saved searches."""
    store = Store.open(data_dir)
    settings = {"handle": "@wellenreich", "client_id": CLIENT_ID}
    try:
        account = store.add_account("x", "Wellenreich X", datetime.now(UTC), base_url=x_server.url, settings=settings)
        for query in searches:
            store.add_search(account.id, query, datetime.now(UTC))
    finally:
        store.close()
    credentials.set_secret("x", "Wellenreich X", StoredSignIn(Tokens(x_server.token)).encode())


async def test_a_mention_is_answered_threaded_and_counted_as_x_counts(
    qtbot, tmp_path: Path, x_server: XServer, vault: MemoryKeyring
) -> None:
    kim = x_server.add_user("kim_berger", "Kim Berger")
    mention = x_server.post(kim, "@wellenreich Wann kommt mein Paket?")
    add_x_account(tmp_path, x_server)
    async with window_on(tmp_path) as win:
        await wait_until(lambda: win.list_model.rowCount() == 1, timeout=10)
        [cid] = await ids_in(win, Queue.ALL_OPEN)
        win.open_conversation(cid)
        await wait_until(lambda: win.shown_conversation() is not None, timeout=5)
        assert win.editor._channel is Channel.X and win.editor.channel_label.text() == "X"
        said = "Hallo Kim, wir sehen sofort nach: "
        win.editor.set_text(said + "https://wellenreich.de/sendungen/4711-abcdef")
        assert win.editor.counter.text().endswith(str(280 - len(said) - 23))  # a link counts 23, as on X
        win.editor.request_send()
        await wait_until(lambda: len(x_server.posts_by_me()) == 1, timeout=15)
        [reply] = x_server.posts_by_me()
        assert reply["referenced_tweets"] == [{"type": "replied_to", "id": mention["id"]}]
        assert reply["text"] == said + "https://wellenreich.de/sendungen/4711-abcdef"

        async def delivered() -> bool:
            conversation = await win.ops.conversation(cid)
            return conversation is not None and conversation.messages[-1].source_id == reply["id"]

        async def thread_outbox_and_account() -> str:
            conversation = await win.ops.conversation(cid)
            messages = [
                (m.source_id, m.delivery.value, m.created_at.isoformat(), m.error) for m in conversation.messages
            ]
            outbox = await win.ws.runner.read(win.ws.store.outbox_counts)
            return f"messages {messages}, outbox {outbox}, account {win.ws.engine.states()}"

        await until(delivered, seconds=30, explain=thread_outbox_and_account)


async def test_a_monitoring_match_from_x_search_can_be_taken_into_the_queue(
    qtbot, tmp_path: Path, x_server: XServer, vault: MemoryKeyring
) -> None:
    ada = x_server.add_user("ada", "Ada Lang")
    x_server.post(ada, "Seit dem Update von Wellenreich geht bei mir gar nichts mehr")
    add_x_account(tmp_path, x_server, "Wellenreich")
    async with window_on(tmp_path) as win:

        async def matched() -> bool:
            return bool(await ids_in(win, Queue.MONITORING))

        await until(matched)
        [cid] = await ids_in(win, Queue.MONITORING)
        assert await ids_in(win, Queue.ALL_OPEN) == []  # a match is no request until it is taken
        win.open_conversation(cid)
        await wait_until(lambda: win.pane.monitoring.isVisible(), timeout=5)
        assert "Wellenreich X: Wellenreich" in win.pane.monitoring.reasons.text()
        win.take_match()

        async def taken() -> bool:
            return await ids_in(win, Queue.ALL_OPEN) == [cid]

        await until(taken)
        await wait_until(lambda: not win.pane.monitoring.isVisible(), timeout=5)
    searches = [t for m, t in x_server.state.requests if t.startswith("/2/tweets/search/recent")]
    assert searches and "query=Wellenreich" in searches[0]


async def test_a_refused_sign_in_shows_needs_sign_in_until_the_agent_signs_in_again(
    qtbot, tmp_path: Path, x_server: XServer, vault: MemoryKeyring
) -> None:
    kim = x_server.add_user("kim_berger", "Kim Berger")
    x_server.post(kim, "@wellenreich Hallo?")
    add_x_account(tmp_path, x_server)
    async with window_on(tmp_path) as win:
        await wait_until(lambda: win.list_model.rowCount() == 1, timeout=10)
        x_server.revoke(x_server.token)
        x_server.post(kim, "@wellenreich Noch jemand da?")
        win.ws.engine.wake(win.ws.accounts[-1].id)
        await wait_until(lambda: any(s.phase is SyncPhase.NEEDS_SIGN_IN for s in win.ws.engine.states()), 15)
        dialog = AccountsDialog(AccountSetup(win.ws), win.tasks.run, parent=win)
        dialog.open_browser = browser()
        dialog.open()
        row = next(i for i in range(dialog.model.rowCount()) if "Wellenreich X" in dialog.model.item(i).text())
        assert "needs sign-in" in dialog.model.item(row).text()
        dialog.view.setCurrentIndex(dialog.model.index(row, 0))
        qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
        ok, message = await wait_signal(dialog.checked, timeout=20)
        assert ok, message
        assert StoredSignIn.decode(vault.entries[("AgentDesk", "x:Wellenreich X")]).tokens.refresh_token

        async def caught_up() -> bool:
            return len(await ids_in(win, Queue.ALL_OPEN)) == 2

        await until(caught_up)
        dialog.close()
