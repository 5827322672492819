"""Initial Chatwoot sync of a large account: messages stored per second, and the event loop's worst stall.

The test server (10,000 conversations, 200,000 messages by default) runs in its own process, so
its Python threads do not share the client's GIL: the figure includes HTTP and JSON on both
sides, parsing, and the store's writer thread. A timer on the client's loop measures how late it
wakes up while the sync runs; that lag is what a window on the same loop would feel.

    .venv/bin/python bench/bench_chatwoot_sync.py [CONVERSATIONS MESSAGES [CONCURRENCY]]
"""

from __future__ import annotations

import asyncio
import gc
import multiprocessing
import sqlite3
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from agentdesk.core.events import EventHub
from agentdesk.store import Store
from agentdesk.store.database import STORE_FILE
from agentdesk.store.runner import StoreRunner
from agentdesk.sync.chatwoot import ChatwootConnector
from agentdesk.sync.chatwoot.connector import CONCURRENCY
from agentdesk.sync.engine import SyncEngine
from tests.servers.chatwoot import TOKEN, ChatwootServer, generate_bulk, seed_demo
from tests.servers.chatwoot.state import ServerState

TICK = 0.005  # the lag timer's period


def serve(conversations: int, messages: int, ready: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    """The server process: seed, listen, report url and account, then serve until killed."""
    state = ServerState()
    demo = seed_demo(state)
    generate_bulk(state, demo, conversations, messages)
    gc.freeze()  # a real server's data is not in our heap: keep the collector off 200,000 seeded records
    server = ChatwootServer(state, check_responses=False, check_requests=False).start()
    ready.put((server.url, demo.account_id))
    while True:
        time.sleep(3600)


async def measure_lag(worst: list[float], stop: asyncio.Event) -> None:
    loop = asyncio.get_running_loop()
    while not stop.is_set():
        started = loop.time()
        await asyncio.sleep(TICK)
        worst[0] = max(worst[0], loop.time() - started - TICK)


async def initial_sync(url: str, account_id: int, data_dir: Path, concurrency: int) -> tuple[float, float]:
    store = Store.open(data_dir)
    account = store.add_account("chatwoot", "Bench", datetime.now(UTC), base_url=url)
    runner = StoreRunner(store)
    engine = SyncEngine(runner, EventHub(), now=lambda: datetime.now(UTC))
    connector = ChatwootConnector(
        httpx.AsyncClient(timeout=60), base_url=url, account_id=account_id, token=TOKEN, concurrency=concurrency
    )
    engine.add(account, connector)
    worst, stop = [0.0], asyncio.Event()
    lag = asyncio.create_task(measure_lag(worst, stop))
    started = time.perf_counter()
    await engine.sync_once(account.id)
    seconds = time.perf_counter() - started
    stop.set()
    await lag
    await engine.stop()
    runner.shutdown()
    return seconds, worst[0]


def main(argv: list[str]) -> None:
    conversations, messages = (int(argv[0]), int(argv[1])) if len(argv) >= 2 else (10_000, 200_000)
    concurrency = int(argv[2]) if len(argv) >= 3 else CONCURRENCY
    ready: multiprocessing.Queue = multiprocessing.Queue()  # type: ignore[type-arg]
    server = multiprocessing.Process(target=serve, args=(conversations, messages, ready), daemon=True)
    server.start()
    try:
        url, account_id = ready.get(timeout=120)
        with tempfile.TemporaryDirectory() as folder:
            seconds, worst = asyncio.run(initial_sync(url, account_id, Path(folder), concurrency))
            with sqlite3.connect(Path(folder) / STORE_FILE) as db:
                stored = db.execute("SELECT count(*) FROM messages").fetchone()[0]
                synced = db.execute("SELECT count(*) FROM conversations").fetchone()[0]
    finally:
        server.kill()
    print(f"initial sync: {synced} conversations, {stored} messages in {seconds:.1f} s (concurrency {concurrency})")
    print(f"messages stored per second: {stored / seconds:,.0f}   (target >= 20,000)")
    print(f"worst event-loop stall: {worst * 1000:.0f} ms   (target <= 50 ms)")


if __name__ == "__main__":
    main(sys.argv[1:])
