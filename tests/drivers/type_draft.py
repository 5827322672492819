"""Start the real window, open a conversation and type into the reply at a human pace, forever.

Usage: python -m tests.drivers.type_draft DATA_DIR SOURCE_ID TEXT
Prints "typed N" after each character, so a test knows how far it got before it kills us.
"""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import qasync
from PySide6.QtWidgets import QApplication

from agentdesk.core.entities import Queue
from agentdesk.sync.workspace import open_workspace
from agentdesk.ui.main_window import MainWindow

PAUSE = 0.05  # 20 characters a second


async def main(data_dir: Path, source_id: str, text: str) -> None:
    ws = open_workspace(data_dir)
    window = MainWindow(ws)
    window.show()
    await window.initial_load()
    window.queues.setCurrentIndex(window.queues.queues.index(window.queues.queues.row_of(Queue.ALL_OPEN)))
    for cid in await ws.runner.read(ws.store.conversation_ids, Queue.ALL_OPEN, ws.me):
        if (await ws.runner.read(ws.store.conversation, cid)).source_id == source_id:
            break
    while window.list.current_id() != cid:
        window.list.select_id(cid)
        await asyncio.sleep(0.02)
    while window.shown_conversation() is None or window.shown_conversation().id != cid:
        await asyncio.sleep(0.02)
    print("ready", flush=True)
    for n, char in enumerate(text, start=1):
        window.editor.edit.insertPlainText(char)
        print(f"typed {n}", flush=True)
        await asyncio.sleep(PAUSE)
    await asyncio.sleep(3600)  # keep the window open until killed


if __name__ == "__main__":
    app = QApplication(sys.argv[:1])
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop:
        loop.run_until_complete(main(Path(sys.argv[1]), sys.argv[2], sys.argv[3]))
