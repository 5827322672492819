"""Shared test set-up: offscreen Qt, qasync as the asyncio loop, no nested Qt loops in async tests."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable, Iterator

# Before the first QApplication exists; an Xvfb run can still say QT_QPA_PLATFORM=xcb.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
import pytest_asyncio

#: Every loop the factory made. A closed qasync loop that the garbage collector frees on another
#: thread (a test server's, say) deletes its Qt timers from that thread and crashes the process.
_LOOPS: list[asyncio.AbstractEventLoop] = []


def _qasync_loop_factory() -> asyncio.AbstractEventLoop:
    import qasync
    from PySide6.QtWidgets import QApplication

    class PytestLoop(qasync.QEventLoop):
        """qasync's loop without its extra pass over Qt's events after ``run_until_complete``.

        That pass runs with no loop set as running, so a task it steps (the window's or the
        engine's, left running by an async fixture) dies with "no running event loop": a
        conversation that never opens, a sync that stops. Here those events wait for the next run
        of the loop, the test's.
        """

        def run_until_complete(self, future):  # type: ignore[no-untyped-def]
            future = asyncio.ensure_future(future, loop=self)

            def stop(_done: object) -> None:
                self.stop()

            future.add_done_callback(stop)
            try:
                self.run_forever()
            finally:
                future.remove_done_callback(stop)
            if not future.done():
                raise RuntimeError("Event loop stopped before Future completed.")
            return future.result()

    app = QApplication.instance() or QApplication([])
    loop = PytestLoop(app)
    _LOOPS.append(loop)
    return loop


def pytest_asyncio_loop_factories(config, item):  # type: ignore[no-untyped-def]
    """Every @pytest.mark.asyncio test runs on a qasync loop, so Qt timers and signals fire."""
    return {"qasync": _qasync_loop_factory}


async def wait_signal(signal, timeout: float = 5.0) -> tuple:  # type: ignore[no-untyped-def, type-arg]
    """Await a Qt signal inside a coroutine (qtbot.waitSignal would deadlock qasync)."""
    fut = asyncio.get_running_loop().create_future()

    def _slot(*args: object) -> None:
        if not fut.done():
            fut.set_result(args)

    signal.connect(_slot)
    try:
        return await asyncio.wait_for(fut, timeout)
    finally:
        signal.disconnect(_slot)


async def wait_until(predicate: Callable[[], object], timeout: float = 5.0, interval: float = 0.01) -> None:
    """qtbot.waitUntil for coroutines."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not predicate():
        if loop.time() > deadline:
            raise TimeoutError(f"condition not met within {timeout}s")
        await asyncio.sleep(interval)


_NESTED = ("wait", "waitSignal", "waitSignals", "waitUntil", "waitExposed", "waitActive", "waitCallback")


@pytest.fixture(autouse=True)
def _no_nested_qt_loops_in_async_tests(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """qtbot.wait* spins a nested Qt loop that deadlocks a running qasync task: fail fast instead.

    pytest-qt also processes Qt events between setup, call and teardown, when the asyncio loop is
    not running: qasync's callbacks would then step the window's and the engine's tasks outside
    their loop, and they die with "no running event loop" (a conversation that never opens, a sync
    that stops). Between the phases of an async test nothing is processed; the loop does it.
    """
    if not pytest_asyncio.is_async_test(request.node):
        return
    import pytestqt.plugin
    from pytestqt.qtbot import QtBot

    monkeypatch.setattr(pytestqt.plugin, "_process_events", lambda: None)

    for name in _NESTED:

        def _boom(*a: object, _n: str = name, **k: object) -> None:
            raise RuntimeError(f"qtbot.{_n}() inside an async test deadlocks qasync; use wait_signal/wait_until")

        monkeypatch.setattr(QtBot, name, _boom)


def pytest_configure(config: pytest.Config) -> None:
    """As in the app (agentdesk.ui.gui_thread_gc): no automatic collection, which could free a Qt
    object on a worker thread; each test's garbage is collected on the main thread after it."""
    import gc

    gc.disable()


@pytest.fixture(autouse=True)
def _sync_messages_in_english() -> Iterator[None]:
    """A test that shows the window in German (install_translators) also switched the sync layer's
    sentences to German; the next test reads English again, the CLI's default."""
    from agentdesk.sync.words import use_language

    yield
    use_language("en")


@pytest.fixture(autouse=True)
def _collect_garbage_on_the_main_thread() -> Iterator[None]:
    import gc

    yield
    gc.collect()


def pytest_unconfigure(config: pytest.Config) -> None:
    """Destroy the QApplication before Python finalizes, so no Qt object outlives it."""
    import gc

    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is not None:
        gc.collect()
        app.shutdown()


@pytest.fixture
def vault() -> Iterator[object]:
    """A working keyring in memory for in-process tests (``MemoryKeyring``), removed afterwards."""
    from tests.servers.chatwoot.profiles import memory_keyring

    with memory_keyring() as keys:
        yield keys
