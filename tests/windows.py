"""The agent window on a workspace, opened and closed inside an async test, so the engine, triage
and monitoring all run on the test's own loop."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator

from agentdesk.sync.workspace import Workspace
from agentdesk.ui.main_window import MainWindow


@contextlib.asynccontextmanager
async def window_on(ws: Workspace, *, engine: bool = True, synced: bool = False) -> AsyncIterator[MainWindow]:
    """``engine``: the sync engine runs (polls, pushes) while the window is open; ``synced``: every
    account has made one pass before the window opens (for tests that want a still store)."""
    if synced:
        for account in ws.accounts:
            await ws.engine.sync_once(account.id)
    win = MainWindow(ws)
    try:
        win.show()
        if engine:
            ws.engine.start()
        await win.initial_load()
        yield win
    finally:
        await win.shutdown()
        await ws.close()
        win.close()
        win.deleteLater()
