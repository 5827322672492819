"""Start the real window on a profile, open one conversation, print what an agent would see.

Usage: python -m tests.drivers.app_state DATA_DIR SOURCE_ID  → one JSON line on stdout.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import qasync
from PySide6.QtWidgets import QApplication

from agentdesk.core.entities import Queue
from agentdesk.sync.workspace import open_workspace
from agentdesk.ui.main_window import MainWindow


async def main(data_dir: Path, source_id: str) -> dict[str, object]:
    ws = open_workspace(data_dir)
    window = MainWindow(ws)
    window.show()
    try:
        await window.initial_load()
        ids = await ws.runner.read(ws.store.conversation_ids, Queue.ALL_OPEN, ws.me)
        for cid in ids:
            conv = await ws.runner.read(ws.store.conversation, cid)
            if conv is not None and conv.source_id == source_id:
                window.queues.setCurrentIndex(window.queues.queues.index(window.queues.queues.row_of(Queue.ALL_OPEN)))
                await window._reload_list()
                window.list.select_id(cid)
                for _ in range(3000):  # a busy machine opens it late; never report another one's state
                    if window.shown_conversation() is not None and window.shown_conversation().id == cid:
                        break
                    await asyncio.sleep(0.01)
                shown = window.shown_conversation()
                if shown is None or shown.id != cid:
                    return {"error": f"conversation {source_id} was not shown within 30 s"}
                return {
                    "thread": [[m.direction.value, m.delivery.value, m.text] for m in shown.messages],
                    "editor": window.editor.text(),
                    "thread_html_has_text": all(
                        m.text.split()[0] in window.pane.thread.toPlainText() for m in shown.messages
                    ),
                }
        return {"error": f"no conversation {source_id}"}
    finally:
        await window.shutdown()
        await ws.close()
        window.close()


if __name__ == "__main__":
    app = QApplication(sys.argv[:1])
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop:
        result = loop.run_until_complete(main(Path(sys.argv[1]), sys.argv[2]))
    print(json.dumps(result, ensure_ascii=False))
