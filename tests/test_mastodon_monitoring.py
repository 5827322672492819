"""Saved searches on Mastodon into the Monitoring queue: the loopback instance, a real store."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import pytest_asyncio

from agentdesk.core.entities import Status
from agentdesk.core.monitoring import normalise_query
from agentdesk.store import Store
from agentdesk.sync import credentials
from agentdesk.sync.monitoring import MonitoringService
from agentdesk.sync.workspace import Workspace, open_workspace
from tests.servers.chatwoot.profiles import memory_keyring
from tests.servers.mastodon.server import MastodonServer

pytest_plugins = ("tests.servers.mastodon.fixtures",)

NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)


def add_account(data_dir: Path, server: MastodonServer, name: str, searches: tuple[str, ...]) -> None:
    store = Store.open(data_dir)
    try:
        account = store.add_account("mastodon", name, NOW, base_url=server.url)
        for query in searches:
            store.add_search(account.id, query, NOW)
    finally:
        store.close()
    credentials.set_secret("mastodon", name, server.token)


@pytest_asyncio.fixture
async def workspace(tmp_path: Path, server: MastodonServer) -> AsyncIterator[Workspace]:
    with memory_keyring():
        add_account(tmp_path, server, "Masto", ("Wellenreich", "#routerfail"))
        ws = open_workspace(tmp_path)
        yield ws
        await ws.close()


def monitoring_rows(ws: Workspace) -> list[dict]:
    return [c for c in ws.store.export(NOW)["conversations"] if c["status"] == Status.MONITORING.value]


@pytest.mark.asyncio
async def test_a_search_finds_what_is_said_without_tagging_us(workspace: Workspace, server: MastodonServer) -> None:
    ada = server.add_account("ada", "Ada Lang", followers=5400)
    other = server.add_account("ben", "Ben")
    said = server.post(ada, "Hat noch jemand Probleme mit Wellenreich seit dem Update? #routerfail")
    server.post(other, "Schönes Wetter heute")
    server.post(server.state.me, "Wellenreich wünscht einen guten Morgen")  # our own post is no news
    service = MonitoringService(workspace)
    try:
        assert await service.run_due(NOW) == 1
    finally:
        await service.stop()
    [row] = monitoring_rows(workspace)
    assert row["source_id"] == f"thread:{said['id']}" and row["customer"]["handle"].startswith("@ada@")
    reasons = await workspace.runner.read(workspace.store.monitoring_reasons, row["id"])
    assert sorted(reasons) == ["Masto: #routerfail", "Masto: Wellenreich"]  # two searches, one match


@pytest.mark.asyncio
async def test_later_polls_add_nothing_twice_and_wait_for_the_interval(
    workspace: Workspace, server: MastodonServer
) -> None:
    ada = server.add_account("ada", "Ada")
    server.post(ada, "Wellenreich hat mal wieder Störung")
    service = MonitoringService(workspace)
    try:
        await service.run_due(NOW)
        requests = len(server.state.requests)
        assert await service.run_due(NOW + timedelta(minutes=1)) == 0
        assert len(server.state.requests) == requests  # not due yet: no request at all
        assert await service.run_due(NOW + timedelta(minutes=6)) == 0
    finally:
        await service.stop()
    assert len(monitoring_rows(workspace)) == 1


@pytest.mark.asyncio
async def test_a_reply_found_by_a_search_brings_its_thread(workspace: Workspace, server: MastodonServer) -> None:
    ada, ben = server.add_account("ada", "Ada"), server.add_account("ben", "Ben")
    root = server.post(ben, "Welcher Internetanbieter ist in Hamburg gut?")
    server.post(ada, "Bloß nicht Wellenreich, drei Wochen ohne Netz!", in_reply_to=root["id"])
    service = MonitoringService(workspace)
    try:
        await service.run_due(NOW)
    finally:
        await service.stop()
    [row] = monitoring_rows(workspace)
    assert [m["text"] for m in row["messages"]] == [
        "Welcher Internetanbieter ist in Hamburg gut?",
        "Bloß nicht Wellenreich, drei Wochen ohne Netz!",
    ]


@pytest.mark.asyncio
async def test_a_thread_already_in_the_queue_stays_where_it_is(workspace: Workspace, server: MastodonServer) -> None:
    ada = server.add_account("ada", "Ada")
    server.post(ada, "@wellenreich Wellenreich, wo bleibt mein Techniker?")
    await workspace.engine.sync_once(workspace.accounts[0].id)  # the mention is an open conversation
    service = MonitoringService(workspace)
    try:
        await service.run_due(NOW)
    finally:
        await service.stop()
    [conversation] = workspace.store.export(NOW)["conversations"]
    assert conversation["status"] == Status.OPEN.value


@pytest.mark.asyncio
async def test_the_same_post_found_by_two_accounts_is_one_match(tmp_path: Path, server: MastodonServer) -> None:
    ada = server.add_account("ada", "Ada")
    server.post(ada, "#routerfail schon wieder")
    with memory_keyring():
        add_account(tmp_path, server, "Masto A", ("#routerfail",))
        add_account(tmp_path, server, "Masto B", ("#RouterFail",))
        ws = open_workspace(tmp_path)
        service = MonitoringService(ws)
        try:
            await service.run_due(NOW)
            [row] = monitoring_rows(ws)
            reasons = await ws.runner.read(ws.store.monitoring_reasons, row["id"])
        finally:
            await service.stop()
            await ws.close()
    assert reasons == ["Masto A: #routerfail", "Masto B: #RouterFail"]


@pytest.mark.asyncio
async def test_a_rate_limited_account_waits_and_says_why(workspace: Workspace, server: MastodonServer) -> None:
    server.inject("rate_limited", path="/api/v2/search")
    service = MonitoringService(workspace)
    try:
        await service.run_due(NOW)
        account_id = workspace.accounts[0].id
        assert "slow down" in service.problems[account_id]
        requests = len(server.state.requests)
        await service.run_due(NOW + timedelta(minutes=1))  # still inside the announced wait
        assert len(server.state.requests) == requests
    finally:
        await service.stop()


def test_queries_are_checked_in_words() -> None:
    assert normalise_query("  Wellen   reich ") == "Wellen reich"
    for bad, says in (("@wellenreich", "without @"), ("", "needs a word"), ("#a-b", "not a hashtag")):
        with pytest.raises(ValueError, match=says):
            normalise_query(bad)
    assert json.dumps(normalise_query("#Störung")) == '"#St\\u00f6rung"'


def test_monitor_command_adds_lists_runs_and_removes(tmp_path: Path, server: MastodonServer, capsys) -> None:
    from agentdesk.cli import main

    ada = server.add_account("ada", "Ada")
    server.post(ada, "#routerfail bei Wellenreich")
    with memory_keyring():
        add_account(tmp_path, server, "Masto", ())
        run = ["--data-dir", str(tmp_path), "monitor"]
        assert main([*run, "add", "Masto", "@wellenreich"]) == 2
        assert "without @" in capsys.readouterr().err
        assert main([*run, "add", "Sandbox", "#routerfail"]) == 2
        assert main([*run, "add", "Masto", "#routerfail"]) == 0
        assert main([*run, "run"]) == 0
        assert "1 new or changed matches" in capsys.readouterr().out
        assert main([*run, "list", "--json"]) == 0
        [listed] = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
        assert listed["query"] == "#routerfail" and listed["last_run"]
        assert main([*run, "remove", str(listed["id"])]) == 0
        assert main([*run, "remove", str(listed["id"])]) == 2


def test_a_monitoring_match_has_no_service_level_clock_and_counts_in_no_chart() -> None:
    from agentdesk.core.channels import Audience, Channel
    from agentdesk.core.entities import ConversationRow
    from agentdesk.store.profile import Settings
    from agentdesk.ui.service_levels import ServiceLevels

    levels = ServiceLevels(Settings())
    row = ConversationRow(
        1, Channel.MASTODON, Audience.PUBLIC, "Ada", "@ada", "…", Status.MONITORING, "", NOW, NOW, True
    )
    assert levels.row_status(row, NOW + timedelta(hours=5)) is None
    assert levels.row_status(replace(row, status=Status.OPEN), NOW + timedelta(hours=5)) is not None
