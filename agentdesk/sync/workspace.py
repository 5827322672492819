"""One opened profile: store, runner, events, engine and a connector per account.

The CLI and the GUI open a profile the same way, so the headless commands exercise exactly the
code the window runs. A profile with no account gets the sandbox demo on first start.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from agentdesk.core.entities import Account
from agentdesk.core.events import EventHub
from agentdesk.resources import resource_path
from agentdesk.store import Store
from agentdesk.store.profile import Role, Settings, load_settings
from agentdesk.store.runner import StoreRunner
from agentdesk.sync.canned import CannedResponseFiles
from agentdesk.sync.connector import Connector
from agentdesk.sync.connector_factory import real_connector
from agentdesk.sync.engine import SANDBOX_KIND, SyncEngine
from agentdesk.sync.errors import RealSourcesForbidden
from agentdesk.sync.sandbox.connector import SandboxConnector
from agentdesk.sync.sandbox.scenario_loader import load_scenarios
from agentdesk.sync.sandbox.world import WORLD_FILE, SandboxWorld
from agentdesk.sync.words import _

SANDBOX_NAME = "Sandbox"
#: Simulated network latency of the sandbox in seconds (demo realism; tests use it to kill mid-send).
LATENCY_ENV = "AGENTDESK_SANDBOX_LATENCY"


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class Workspace:
    data_dir: Path
    settings: Settings
    store: Store
    runner: StoreRunner
    hub: EventHub
    engine: SyncEngine
    now: Callable[[], datetime]
    accounts: list[Account]
    load_errors: list[str]
    sandbox: SandboxConnector | None

    @property
    def me(self) -> str:
        """The agent's name in the queues: a team backend's name for this user, if there is one."""
        return next((a.agent_name for a in self.accounts if a.agent_name), self.settings.agent_name)

    @property
    def sandbox_only(self) -> bool:
        return all(a.kind == SANDBOX_KIND for a in self.accounts)

    closed: bool = False

    async def close(self) -> None:
        """Stop syncing, finish queued writes, close the store; safe to call twice."""
        if self.closed:
            return
        self.closed = True
        await self.engine.stop()
        self.runner.shutdown()


def open_workspace(data_dir: Path, *, sandbox_mode: bool = False, poll_interval: float = 2.0) -> Workspace:
    """Open (and on first start, create) the profile in ``data_dir``. Raises StoreError subclasses."""
    settings = load_settings(data_dir)
    if sandbox_mode:
        settings.role = Role.TRAINEE
    store = Store.open(data_dir)
    accounts = store.list_accounts()
    if not accounts:
        accounts = [store.add_account(SANDBOX_KIND, SANDBOX_NAME, utc_now())]
    if settings.role is Role.TRAINEE and any(a.kind != SANDBOX_KIND for a in accounts):
        store.close()
        raise RealSourcesForbidden()
    hub = EventHub()
    runner = StoreRunner(store)
    load_errors: list[str] = []
    sandbox: SandboxConnector | None = None
    connectors: dict[int, Connector] = {}
    for account in accounts:
        if account.kind == SANDBOX_KIND:
            sandbox, errors = _sandbox_connector(data_dir, settings)
            load_errors.extend(errors)
            connectors[account.id] = sandbox
        elif (connector := real_connector(account)) is not None:  # reads its secret on first use
            connectors[account.id] = connector
        else:
            load_errors.append(
                _("{account}: this version of AgentDesk cannot sync {kind} accounts.").format(
                    account=account.name, kind=account.kind
                )
            )
    now = sandbox.now if sandbox is not None and len(accounts) == 1 else utc_now
    engine = SyncEngine(
        runner,
        hub,
        now=now,
        poll_interval=poll_interval,
        canned=CannedResponseFiles(data_dir),
        sandbox_only=settings.role is Role.TRAINEE,
    )
    for account in accounts:
        if account.id in connectors:
            engine.add(account, connectors[account.id])
    return Workspace(data_dir, settings, store, runner, hub, engine, now, accounts, load_errors, sandbox)


def _sandbox_connector(data_dir: Path, settings: Settings) -> tuple[SandboxConnector, list[str]]:
    scenarios = load_scenarios(resource_path("scenarios", "demo"))
    world = SandboxWorld(data_dir / WORLD_FILE, scenarios.conversations, utc_now())
    latency = float(os.environ.get(LATENCY_ENV, "0") or 0)
    return SandboxConnector(world, settings.agent_name, latency=latency), scenarios.errors
