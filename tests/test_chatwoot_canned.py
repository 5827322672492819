"""Chatwoot canned responses as read-only templates, against the loopback Chatwoot server: saved after a
sync, listed by ``agentdesk templates``, offered in the window's picker, kept when fetching them fails,
and still there after a restart without the network."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from agentdesk.cli import main
from agentdesk.core.events import CannedResponsesChanged, Event
from agentdesk.store.profile import Settings, save_settings
from agentdesk.sync.account_setup import AccountSetup
from agentdesk.sync.errors import Offline
from agentdesk.sync.workspace import open_workspace, utc_now
from agentdesk.templates import Origin
from agentdesk.ui.template_manager import TemplateManager
from agentdesk.ui.template_picker import TemplatePicker
from tests.conftest import wait_until
from tests.servers.chatwoot import ChatwootServer, Demo, FaultKind
from tests.windows import window_on

pytest_plugins = ("tests.servers.chatwoot.fixtures",)
pytestmark = pytest.mark.asyncio

DEMO_CANNED = {"chatwoot-thanks", "chatwoot-refund"}  # seeded by the test server's demo data


def chatwoot_templates(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, dict[str, Any]]:
    """What ``agentdesk templates list --json`` shows as coming from Chatwoot, by id."""
    assert main(["--data-dir", str(data_dir), "templates", "list", "--json"]) == 0
    listing = json.loads(capsys.readouterr().out)
    return {t["id"]: t for t in listing["templates"] if t["origin"] == "chatwoot"}


def add_canned(server: ChatwootServer, demo: Demo, short_code: str, content: str) -> None:
    with server.state.lock:
        server.state.add_canned(demo.account_id, short_code, content)


async def test_a_sync_saves_them_and_the_cli_lists_and_renders_them_even_offline_after_a_restart(
    tmp_path, workspace, chatwoot_server, chatwoot_demo, capsys
):
    assert chatwoot_templates(tmp_path, capsys) == {}
    await workspace.engine.sync_once(workspace.accounts[0].id)
    await workspace.close()

    chatwoot_server.inject(FaultKind.DROP_BEFORE_COMMIT, times=10_000)  # the network is gone
    restarted = open_workspace(tmp_path)
    try:
        with pytest.raises(Offline):
            await restarted.engine.sync_once(restarted.accounts[0].id)
    finally:
        await restarted.close()

    listed = chatwoot_templates(tmp_path, capsys)
    assert set(listed) == DEMO_CANNED
    assert listed["chatwoot-thanks"]["title"] == "thanks" and listed["chatwoot-thanks"]["language"] == "de"
    assert main(["--data-dir", str(tmp_path), "templates", "render", "chatwoot-thanks", "--channel", "email",
                 "--var", "customer.name=Kim"]) == 0  # fmt: skip
    assert capsys.readouterr().out.strip() == "Thank you for reaching out, Kim!"


@pytest.mark.parametrize("fault", [FaultKind.SERVER_ERROR, FaultKind.TRUNCATED_JSON, FaultKind.DROP_BEFORE_COMMIT])
async def test_a_failing_canned_request_keeps_the_sync_going_and_the_saved_list(
    tmp_path, workspace, chatwoot_server, chatwoot_demo, capsys, fault
):
    account = workspace.accounts[0]
    told: list[Event] = []
    workspace.hub.subscribe(lambda event: told.append(event) if isinstance(event, CannedResponsesChanged) else None)
    await workspace.engine.sync_once(account.id)
    await workspace.engine.sync_once(account.id)  # a few minutes have not passed: not asked again
    assert chatwoot_server.count("GET", "/canned_responses") == 1
    assert told == [CannedResponsesChanged(account.id)]

    add_canned(chatwoot_server, chatwoot_demo, "parcel-late", "Sorry, your parcel is late.")
    with chatwoot_server.state.lock:
        chatwoot_server.state.customer_writes(chatwoot_demo.conversations["chat"], "Where is my parcel?")
    workspace.engine.canned_interval = 0
    chatwoot_server.inject(fault, path="/canned_responses")
    await workspace.engine.sync_once(account.id)  # does not raise: the conversations synced
    texts = [m["text"] for c in workspace.store.export(utc_now())["conversations"] for m in c["messages"]]
    assert "Where is my parcel?" in texts
    assert set(chatwoot_templates(tmp_path, capsys)) == DEMO_CANNED
    assert told == [CannedResponsesChanged(account.id)]

    await workspace.engine.sync_once(account.id)  # the source answers again
    assert set(chatwoot_templates(tmp_path, capsys)) == DEMO_CANNED | {"chatwoot-parcel-late"}
    assert told == [CannedResponsesChanged(account.id)] * 2


async def test_the_sandbox_has_none_and_syncs_as_before(tmp_path, capsys):
    ws = open_workspace(tmp_path)
    try:
        await ws.engine.sync_once(ws.accounts[0].id)
    finally:
        await ws.close()
    assert chatwoot_templates(tmp_path, capsys) == {}


def _top_level(kind: type) -> Any:
    return next((w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()), None)


def _rows(picker: TemplatePicker) -> list[str]:
    return [picker.model.data(picker.model.index(row)) for row in range(picker.model.rowCount())]


async def test_the_window_offers_them_read_only_and_an_open_picker_gets_new_ones(
    tmp_path, workspace, chatwoot_server, chatwoot_demo, qtbot
):
    await workspace.engine.sync_once(workspace.accounts[0].id)
    await workspace.close()
    # The first conversation shown is Tina's, in English: canned responses count as the profile's language.
    save_settings(tmp_path, Settings(language="en"))
    ws = open_workspace(tmp_path)  # a restart: the window reads them from the profile, not the server
    async with window_on(ws, engine=False) as win:
        await wait_until(lambda: win.templates.library is not None and win.shown_conversation() is not None)
        assert chatwoot_server.count("GET", "/canned_responses") == 1
        qtbot.keyClick(win, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
        await wait_until(lambda: _top_level(TemplatePicker) is not None)
        picker: TemplatePicker = _top_level(TemplatePicker)
        qtbot.keyClicks(picker.search, "parcel")
        assert not any(row.startswith("parcel-late\n") for row in _rows(picker))

        add_canned(chatwoot_server, chatwoot_demo, "parcel-late", "Sorry, your parcel is late.")
        await ws.engine.sync_once(ws.accounts[0].id)  # the first pass after the restart fetches them
        await wait_until(lambda: any(row.startswith("parcel-late\n") for row in _rows(picker)))
        row = next(row for row in _rows(picker) if row.startswith("parcel-late\n"))
        assert row.endswith("· Chatwoot")
        picker.reject()

        win.templates.manage()
        await wait_until(lambda: _top_level(TemplateManager) is not None)
        manager: TemplateManager = _top_level(TemplateManager)
        manager.select("chatwoot-refund")
        assert not manager.editor.isEnabled() and not manager.delete_button.isEnabled()
        assert "Chatwoot" in manager.status.text()
        manager.reject()

        await AccountSetup(ws).remove(ws.accounts[0])  # its canned responses leave with it
        await wait_until(lambda: all(t.origin is not Origin.CHATWOOT for t in win.templates.library.templates))
