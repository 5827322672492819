"""Initial Chatwoot sync of a large account: messages stored per second, and the event loop's worst stall.

The test server (10,000 conversations, 200,000 messages by default) runs in its own process, so
its Python threads do not share the client's GIL: the figure includes HTTP and JSON on both
sides, parsing, and the store's writer thread. A timer on the client's loop measures how late it
wakes up while the sync runs; that lag is what a window on the same loop would feel. As in the
app, automatic garbage collection is off and the loop collects each generation when it is due
(``GuiThreadGarbageCollector.collect_due`` every 500 ms), so a collection's pause is measured
where the app has it: on the loop.

    .venv/bin/python bench/bench_chatwoot_sync.py [CONVERSATIONS MESSAGES [CONCURRENCY [SERVER_WORKERS]]]
"""

from __future__ import annotations

import asyncio
import gc
import multiprocessing
import os
import sqlite3
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from agentdesk.core.events import EventHub
from agentdesk.store import Store
from agentdesk.store.database import STORE_FILE
from agentdesk.store.runner import StoreRunner
from agentdesk.sync.chatwoot import ChatwootConnector
from agentdesk.sync.chatwoot.connector import CONCURRENCY, client_for
from agentdesk.sync.engine import SyncEngine
from agentdesk.ui.gui_thread_gc import INTERVAL_MS, GuiThreadGarbageCollector
from tests.servers.chatwoot import TOKEN, generate_bulk, seed_demo
from tests.servers.chatwoot.fast import listen, serve_forked
from tests.servers.chatwoot.state import ServerState

TICK = 0.005  # the lag timer's period
SERVER_WORKERS = 2  # server processes; the machine the figures come from has two cores


def serve(conversations: int, messages: int, workers: int, ready: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    """The server process: seed, listen, report url and account, then serve in ``workers`` processes."""
    state = ServerState()
    demo = seed_demo(state)
    generate_bulk(state, demo, conversations, messages)
    sock = listen()
    host, port = sock.getsockname()[:2]
    ready.put((f"http://{host}:{port}", demo.account_id))
    serve_forked(state, sock, workers)


async def measure_lag(worst: list[float], stop: asyncio.Event) -> None:
    loop = asyncio.get_running_loop()
    while not stop.is_set():
        started = loop.time()
        await asyncio.sleep(TICK)
        worst[0] = max(worst[0], loop.time() - started - TICK)


async def collect_garbage(stop: asyncio.Event) -> None:
    """The app's collector, on this loop instead of a QTimer."""
    while not stop.is_set():
        await asyncio.sleep(INTERVAL_MS / 1000)
        GuiThreadGarbageCollector.collect_due()


async def initial_sync(
    url: str, account_id: int, data_dir: Path, concurrency: int
) -> tuple[float, float, float, float]:
    """Wall seconds, the process's CPU seconds, the loop thread's CPU seconds, and the worst lag."""
    store = Store.open(data_dir)
    account = store.add_account("chatwoot", "Bench", datetime.now(UTC), base_url=url)
    runner = StoreRunner(store)
    engine = SyncEngine(runner, EventHub(), now=lambda: datetime.now(UTC))
    connector = ChatwootConnector(
        client_for(concurrency, timeout=60), base_url=url, account_id=account_id, token=TOKEN, concurrency=concurrency
    )
    engine.add(account, connector)
    worst, stop = [0.0], asyncio.Event()
    lag = asyncio.create_task(measure_lag(worst, stop))
    collector = asyncio.create_task(collect_garbage(stop))
    started, cpu, loop_cpu = time.perf_counter(), time.process_time(), time.thread_time()
    await engine.sync_once(account.id)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    loop_cpu = time.thread_time() - loop_cpu
    stop.set()
    await lag
    await collector
    await engine.stop()
    runner.shutdown()
    return seconds, cpu, loop_cpu, worst[0]


def process_cpu(root: int) -> float:
    """CPU seconds used so far by process ``root`` and its children (the forked server workers)."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rpartition(")")[2].split()
        except OSError:  # the process ended meanwhile
            continue
        pid, ppid = int(stat.parent.name), int(fields[1])
        if root in (pid, ppid):
            total += (int(fields[11]) + int(fields[12])) / ticks
    return total


def main(argv: list[str]) -> None:
    sys.setswitchinterval(0.001)  # as agentdesk.ui.app does: the writer thread hands the GIL back sooner
    conversations, messages = (int(argv[0]), int(argv[1])) if len(argv) >= 2 else (10_000, 200_000)
    concurrency = int(argv[2]) if len(argv) >= 3 else CONCURRENCY
    workers = int(argv[3]) if len(argv) >= 4 else SERVER_WORKERS
    ready: multiprocessing.Queue = multiprocessing.Queue()  # type: ignore[type-arg]
    server = multiprocessing.Process(target=serve, args=(conversations, messages, workers, ready), daemon=True)
    server.start()
    assert server.pid is not None
    gc.disable()  # as GuiThreadGarbageCollector does (after the fork: the server keeps it on)
    try:
        url, account_id = ready.get(timeout=120)
        with tempfile.TemporaryDirectory() as folder:
            load = os.getloadavg()[0]
            server_cpu = process_cpu(server.pid)  # seeding and forking: not part of the sync
            seconds, cpu, loop_cpu, worst = asyncio.run(initial_sync(url, account_id, Path(folder), concurrency))
            server_cpu = process_cpu(server.pid) - server_cpu
            with sqlite3.connect(Path(folder) / STORE_FILE) as db:
                stored = db.execute("SELECT count(*) FROM messages").fetchone()[0]
                synced = db.execute("SELECT count(*) FROM conversations").fetchone()[0]
    finally:
        server.kill()
    print(f"initial sync: {synced} conversations, {stored} messages in {seconds:.1f} s")
    print(f"client concurrency {concurrency}, {workers} server processes")
    print(f"client CPU: {cpu:.1f} s ({cpu / stored * 1e6:.0f} µs a message); load average before: {load:.1f}")
    print(f"  of which the event loop's thread {loop_cpu:.1f} s, the store's threads {cpu - loop_cpu:.1f} s")
    print(f"server CPU: {server_cpu:.1f} s ({server_cpu / stored * 1e6:.0f} µs a message; Linux only)")
    print(f"messages stored per second: {stored / seconds:,.0f}   (target >= 20,000)")
    print(f"worst event-loop stall: {worst * 1000:.0f} ms   (target <= 50 ms)")


if __name__ == "__main__":
    main(sys.argv[1:])
