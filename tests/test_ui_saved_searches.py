"""The saved-searches dialog against the loopback Mastodon instance and a real store: a search
added in the window runs at once and its match lands in Monitoring; a search can be changed in
place and removed; a query that cannot be a search is refused in words and nothing is saved."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_asyncio
from PySide6.QtCore import Qt

from agentdesk.core.entities import Status
from agentdesk.sync.monitoring import MonitoringService
from agentdesk.sync.workspace import Workspace, open_workspace
from agentdesk.ui.saved_searches_dialog import QUERY, SavedSearchesDialog
from agentdesk.ui.task_runner import TaskRunner
from tests.conftest import wait_signal, wait_until
from tests.servers.chatwoot.profiles import memory_keyring
from tests.servers.mastodon.server import MastodonServer
from tests.test_mastodon_monitoring import NOW, add_account

pytest_plugins = ("tests.servers.mastodon.fixtures",)


@pytest_asyncio.fixture
async def workspace(tmp_path: Path, server: MastodonServer) -> AsyncIterator[Workspace]:
    with memory_keyring():
        add_account(tmp_path, server, "Masto", ())
        ws = open_workspace(tmp_path)
        yield ws
        await ws.close()


def queries(dialog: SavedSearchesDialog) -> list[str]:
    return [dialog.model.item(row, QUERY).text() for row in range(dialog.model.rowCount())]


def in_monitoring(ws: Workspace) -> list[str]:
    return [c["source_id"] for c in ws.store.export(NOW)["conversations"] if c["status"] == Status.MONITORING.value]


@pytest.mark.asyncio
async def test_add_change_and_remove_a_saved_search(qtbot, workspace: Workspace, server: MastodonServer) -> None:
    ada = server.add_account("ada", "Ada Lang")
    said = server.post(ada, "Seit gestern ist Wellenreich bei mir total langsam")
    monitoring = MonitoringService(workspace)
    monitoring.start()
    dialog = SavedSearchesDialog(monitoring, TaskRunner().run)
    qtbot.addWidget(dialog)
    dialog.open()
    try:
        assert [dialog.account.itemText(i) for i in range(dialog.account.count())] == ["Masto"]

        dialog.query.setText("@wellenreich")  # the account's own handle: mentions arrive anyway
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
        await wait_until(lambda: "without @" in dialog.result.text())
        assert await monitoring.searches() == []

        dialog.query.setText("  Wellenreich ")
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
        await wait_signal(dialog.changed)
        await wait_until(lambda: queries(dialog) == ["Wellenreich"])
        assert dialog.query.text() == ""
        await wait_until(lambda: in_monitoring(workspace) == [f"thread:{said['id']}"], timeout=10)

        dialog.model.item(0, QUERY).setText("#routerfail")  # what a double-click and typing do
        await wait_signal(dialog.changed)
        [search] = await monitoring.searches()
        assert search.query == "#routerfail" and queries(dialog) == ["#routerfail"]

        dialog.model.item(0, QUERY).setText("#router fail")  # no hashtag: refused, the list shows what is kept
        await wait_until(lambda: "letters, digits and _" in dialog.result.text())
        await wait_until(lambda: queries(dialog) == ["#routerfail"])

        dialog.view.setCurrentIndex(dialog.model.index(0, QUERY))
        qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
        await wait_signal(dialog.changed)
        assert await monitoring.searches() == []
        await wait_until(lambda: queries(dialog) == [])
        assert in_monitoring(workspace) == [f"thread:{said['id']}"]  # what it found stays for an agent
    finally:
        await monitoring.stop()
        dialog.close()  # last: closing the last window ends the event loop


@pytest.mark.asyncio
async def test_without_a_searchable_account_the_dialog_says_what_to_do(qtbot, tmp_path: Path) -> None:
    ws = open_workspace(tmp_path)  # the sandbox only
    monitoring = MonitoringService(ws)
    dialog = SavedSearchesDialog(monitoring, TaskRunner().run)
    qtbot.addWidget(dialog)
    try:
        assert not dialog.add_button.isEnabled() and "Accounts" in dialog.result.text()
    finally:
        await ws.close()
        dialog.close()
