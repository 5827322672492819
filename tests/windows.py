"""The agent window on a workspace, opened and closed inside an async test, so the engine, triage
and monitoring all run on the test's own loop."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator

from agentdesk.sync.workspace import Workspace
from agentdesk.ui.main_window import MainWindow


@contextlib.asynccontextmanager
async def window_on(ws: Workspace) -> AsyncIterator[MainWindow]:
    win = MainWindow(ws)
    try:
        win.show()
        ws.engine.start()
        await win.initial_load()
        yield win
    finally:
        await win.shutdown()
        await ws.close()
        win.close()
        win.deleteLater()
