"""Store calls off the event loop's thread: one writer thread, a small reader pool.

SQLite allows one writer at a time; funnelling every write through one thread keeps them in
order and keeps the GUI thread free. WAL lets readers run alongside.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from typing import ParamSpec, TypeVar

from agentdesk.store.store import Store

P = ParamSpec("P")
T = TypeVar("T")


class StoreRunner:
    def __init__(self, store: Store) -> None:
        self.store = store
        self._writer = ThreadPoolExecutor(1, thread_name_prefix="store-writer")
        self._readers = ThreadPoolExecutor(2, thread_name_prefix="store-reader")

    async def write(self, fn: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        return await asyncio.get_running_loop().run_in_executor(self._writer, partial(fn, *args, **kwargs))

    async def read(self, fn: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        return await asyncio.get_running_loop().run_in_executor(self._readers, partial(fn, *args, **kwargs))

    def shutdown(self) -> None:
        """Finish queued writes (a draft saved at quit must land), then close the store."""
        self._readers.shutdown(wait=True, cancel_futures=True)
        self._writer.shutdown(wait=True)
        self.store.close()
