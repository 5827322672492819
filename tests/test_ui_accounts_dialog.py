"""The accounts dialog: what the agent sees when testing, adding and removing a Chatwoot account, and that
the keyring is never touched on the GUI thread."""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator
from pathlib import Path

import keyring
import pytest
import pytest_asyncio
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from agentdesk.sync.account_setup import AccountSetup
from agentdesk.sync.workspace import Workspace, open_workspace
from agentdesk.ui.accounts_dialog import AccountsDialog
from agentdesk.ui.task_runner import TaskRunner
from tests.conftest import wait_signal, wait_until
from tests.servers.chatwoot import TOKEN, ChatwootServer, Demo
from tests.servers.chatwoot.profiles import add_account, memory_keyring
from tests.servers.memory_keyring import MemoryKeyring

pytest_plugins = ("tests.servers.chatwoot.fixtures",)


class WatchedKeyring(MemoryKeyring):
    """Remembers on which threads it was called."""

    def __init__(self) -> None:
        super().__init__()
        self.threads: set[str] = set()

    def get_password(self, service: str, username: str) -> str | None:
        self.threads.add(threading.current_thread().name)
        return super().get_password(service, username)

    def set_password(self, service: str, username: str, password: str) -> None:
        self.threads.add(threading.current_thread().name)
        super().set_password(service, username, password)

    def delete_password(self, service: str, username: str) -> None:
        self.threads.add(threading.current_thread().name)
        super().delete_password(service, username)


@pytest_asyncio.fixture
async def workspace(tmp_path: Path, chatwoot_server: ChatwootServer, chatwoot_demo: Demo) -> AsyncIterator[Workspace]:
    with memory_keyring():
        add_account(tmp_path, chatwoot_server, chatwoot_demo.account_id)
        vault = WatchedKeyring()
        keyring.set_keyring(vault)
        ws = open_workspace(tmp_path)
        yield ws
        await ws.close()


def rows(dialog: AccountsDialog) -> list[str]:
    return [dialog.model.item(i).text() for i in range(dialog.model.rowCount())]


@pytest.mark.asyncio
async def test_add_test_and_remove_a_chatwoot_account(qtbot, workspace, chatwoot_server, chatwoot_demo):
    vault = keyring.get_keyring()
    runner = TaskRunner()
    dialog = AccountsDialog(AccountSetup(workspace), runner.run)
    qtbot.addWidget(dialog)
    dialog.open()
    assert [row.split(" — ")[0] for row in rows(dialog)] == ["Acme"]
    assert dialog.token.echoMode() is QLineEdit.EchoMode.Password

    dialog.name.setText("Second")
    dialog.url.setText(chatwoot_server.url)
    dialog.account_id.setValue(chatwoot_demo.account_id)
    dialog.token.setText("not-the-token")
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    ok, message = await wait_signal(dialog.checked)
    assert not ok and "refused the access token" in message
    assert dialog.result.text() == message

    dialog.token.setText(TOKEN)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    ok, message = await wait_signal(dialog.checked)
    assert ok and "Connected to" in message and "Alice Agent" in message
    assert any(row.startswith("Second — ") for row in rows(dialog))
    assert vault.entries[("AgentDesk", "chatwoot:Second")] == TOKEN
    assert dialog.token.text() == ""  # the typed token does not linger in the form

    dialog.view.setCurrentIndex(dialog.model.index(1, 0))
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)  # the stored token of the selected account
    ok, message = await wait_signal(dialog.checked)
    assert ok and "Connected to" in message

    assert dialog.remove_button.isEnabled()
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    await wait_until(lambda: not any(row.startswith("Second") for row in rows(dialog)))
    assert ("AgentDesk", "chatwoot:Second") not in vault.entries
    assert "Removed Second" in dialog.result.text()
    assert vault.threads and threading.main_thread().name not in vault.threads
    dialog.close()


@pytest.mark.asyncio
async def test_sign_in_again_keeps_a_new_chatwoot_token_only_after_it_was_tested(qtbot, workspace):
    vault = keyring.get_keyring()
    vault.entries[("AgentDesk", "chatwoot:Acme")] = "revoked-token"
    runner = TaskRunner()
    dialog = AccountsDialog(AccountSetup(workspace), runner.run)
    qtbot.addWidget(dialog)
    dialog.open()
    dialog.view.setCurrentIndex(dialog.model.index(0, 0))
    assert dialog.sign_in_button.isEnabled()

    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)  # nothing typed yet
    ok, message = await wait_signal(dialog.checked)
    assert not ok and "Type the new access token" in message

    dialog.token.setText("still-wrong")
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    ok, message = await wait_signal(dialog.checked)
    assert not ok and "refused the access token" in message
    assert vault.entries[("AgentDesk", "chatwoot:Acme")] == "revoked-token"  # a refused token is not kept

    dialog.token.setText(TOKEN)
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    ok, message = await wait_signal(dialog.checked)
    assert ok and "syncs again" in message
    assert vault.entries[("AgentDesk", "chatwoot:Acme")] == TOKEN
    assert dialog.token.text() == ""
    dialog.close()
