"""One small runner for background work from the window: keeps task references, counts busy
tasks, and sends every failure down one path (a calm message for expected errors, the log and
a crash message for bugs). No fire-and-forget task can swallow an error."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from typing import Any

from PySide6.QtCore import QObject, Signal

from agentdesk.store import StoreError
from agentdesk.sync.errors import SourceError

log = logging.getLogger(__name__)


class TaskRunner(QObject):
    busy_changed = Signal(bool)
    failed = Signal(str)  # a sentence for the user

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tasks: set[asyncio.Task[Any]] = set()

    @property
    def busy(self) -> bool:
        return bool(self._tasks)

    def run(
        self, coro: Coroutine[Any, Any, Any], on_done: Callable[[Any], None] | None = None, what: str = ""
    ) -> asyncio.Task[Any] | None:
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # the event loop has stopped (the app is quitting): nothing new starts
            coro.close()
            log.debug("not started after the event loop stopped: %s", what or coro)
            return None
        task = loop.create_task(coro)
        was_busy = self.busy
        self._tasks.add(task)
        if not was_busy:
            self.busy_changed.emit(True)
        task.add_done_callback(lambda t: self._finished(t, on_done, what))
        return task

    def _finished(self, task: asyncio.Task[Any], on_done: Callable[[Any], None] | None, what: str) -> None:
        self._tasks.discard(task)
        if not self._tasks:
            self.busy_changed.emit(False)
        if task.cancelled():
            return
        exc = task.exception()
        if exc is None:
            if on_done is not None:
                on_done(task.result())
            return
        if isinstance(exc, StoreError | SourceError):
            self.failed.emit(str(exc))
        else:
            log.error("%s failed", what or "a background task", exc_info=exc)
            self.failed.emit(self.tr("Something went wrong ({0}). Details are in the log.").replace("{0}", what or "?"))

    async def cancel_all(self) -> None:
        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
