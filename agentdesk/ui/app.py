"""Starting the app: language, the profile (with clear dialogs when it cannot be opened), one
qasync event loop created once, the window, and an orderly shutdown."""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from datetime import UTC, datetime
from logging.handlers import RotatingFileHandler
from pathlib import Path

import qasync
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from agentdesk.store import DataDirNotWritable, StoreError, StoreUnreadable
from agentdesk.store.database import move_aside
from agentdesk.store.profile import load_settings, resolve_data_dir
from agentdesk.sync.errors import SourceError
from agentdesk.sync.workspace import RealSourcesForbidden, Workspace, open_workspace
from agentdesk.ui.gui_thread_gc import GuiThreadGarbageCollector
from agentdesk.ui.main_window import MainWindow
from agentdesk.ui.translations import install_translators, pick_language

log = logging.getLogger("agentdesk")


def run_app(args: argparse.Namespace) -> int:
    # Worker threads (store, sync) hand the GIL back to the GUI thread after 1 ms instead of 5 ms,
    # so a large read in the background never shows as a stutter.
    sys.setswitchinterval(0.001)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("AgentDesk")
    app.setOrganizationName("AgentDesk")
    data_dir = resolve_data_dir(args.data_dir)
    settings = load_settings(data_dir)
    install_translators(app, pick_language(args.lang, settings.language))
    _log_to_file(data_dir)
    workspace = open_profile_with_dialogs(app, data_dir, sandbox=args.sandbox)
    if workspace is None:
        return 1
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop:
        return loop.run_until_complete(_main(app, workspace, args.screenshot))


def open_profile_with_dialogs(app: QApplication, data_dir: Path, *, sandbox: bool) -> Workspace | None:
    """Open the profile; a broken store is offered to be moved aside (never deleted)."""
    while True:
        try:
            return open_workspace(data_dir, sandbox_mode=sandbox)
        except StoreUnreadable as exc:
            box = QMessageBox(QMessageBox.Icon.Warning, "AgentDesk", str(exc))
            move = box.addButton(
                QCoreApplication.translate("App", "Move aside and start fresh"), QMessageBox.ButtonRole.AcceptRole
            )
            box.addButton(QMessageBox.StandardButton.Cancel)
            box.exec()  # before the event loop runs: a plain modal dialog is safe here
            if box.clickedButton() is not move:
                return None
            moved = move_aside(exc.path, datetime.now(UTC))
            log.warning("moved the unreadable store to %s", moved)
        except (DataDirNotWritable, StoreError, RealSourcesForbidden) as exc:
            QMessageBox.critical(None, "AgentDesk", str(exc))
            print(f"agentdesk: {exc}", file=sys.stderr)
            return None


async def _main(app: QApplication, workspace: Workspace, screenshot: str | None) -> int:
    app.setQuitOnLastWindowClosed(False)
    collector = GuiThreadGarbageCollector(app)
    stop = asyncio.Event()
    app.lastWindowClosed.connect(stop.set)
    window = MainWindow(workspace)
    window.show()
    workspace.engine.start()
    exit_code = 0
    try:
        if screenshot:
            exit_code = await _screenshot(window, workspace, Path(screenshot))
        else:
            window.tasks.run(window.initial_load(), what="loading")
            await stop.wait()
    finally:
        await window.shutdown()
        await workspace.close()
        window.close()
        collector.stop()
    return exit_code


async def _screenshot(window: MainWindow, workspace: Workspace, out: Path) -> int:
    """Render the window with its data: one sync pass first, so the picture is never empty."""
    for account in workspace.accounts:
        try:
            await workspace.engine.sync_once(account.id)
        except SourceError as exc:
            window.messages.show_message(str(exc))
    await window.initial_load()
    await asyncio.sleep(0.3)  # let list pages and the thread render
    ok = window.grab().save(str(out))
    if not ok:
        print(f"agentdesk: could not write {out}", file=sys.stderr)
        return 1
    return 0


def _log_to_file(data_dir: Path) -> None:
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(data_dir / "agentdesk.log", maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    except OSError:
        return  # the profile check that follows names the problem
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
