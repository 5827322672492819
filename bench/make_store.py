"""Fill a local store with realistic synthetic data through the store's own write path.

    .venv/bin/python bench/make_store.py --data-dir /tmp/bigstore --conversations 100000 --messages 1000000

Pages of conversations go through ``Store.apply_batch`` exactly as a sync would, so the figure
printed is also the ingest speed of the store (rows per second).
"""

from __future__ import annotations

import argparse
import random
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from agentdesk.core.channels import Audience, Channel
from agentdesk.core.entities import Direction, Status
from agentdesk.core.incoming import IncomingConversation, IncomingCustomer, IncomingMessage, SyncBatch
from agentdesk.store import Store

FIRST = ["Kim", "Lena", "Jonas", "Aylin", "Sophie", "Mehmet", "Anna", "Lukas", "Emma", "Noah", "Priya", "Daan", "Olga"]
LAST = ["Berger", "Vogt", "Weber", "Demir", "Krüger", "Yılmaz", "Schmidt", "Schneider", "Clarke", "Bakker", "Novak"]
OPENERS = [
    "Mein Paket ist seit {n} Tagen unterwegs, Sendung {order}.",
    "Seit heute früh kein Internet in {city}, Router blinkt rot.",
    "Die Rechnung für {month} wurde doppelt abgebucht!",
    "My order {order} still hasn't arrived after {n} days.",
    "Login in der App geht nach dem Update nicht mehr 😡",
    "Wann kommt endlich die Erstattung für {order}?",
    "Great service today, thanks to the team in {city}! 🙌",
    "Ich möchte meinen Vertrag kündigen. Wie geht das?",
    "Soundbar S2 rauscht nach {n} Wochen, Garantiefall?",
    "Why was I charged twice in {month}? Please check https://example.com/inv/{n}",
]
FOLLOWUPS = [
    "Hallo? Ich warte noch auf eine Antwort.",
    "Danke, die Nummer ist {order}.",
    "Still nothing. This is getting ridiculous.",
    "Okay, dann warte ich bis morgen.",
    "Super, hat geklappt, danke!",
]
REPLIES = [
    "Das tut uns leid! Schick uns bitte deine Bestellnummer per DM.",
    "Wir schauen sofort nach und melden uns gleich.",
    "Sorry for the wait! Could you send us your order number in a DM?",
    "Danke für Ihre Geduld, die Erstattung ist veranlasst.",
]
CITIES = ["Hamburg", "Berlin", "München", "Köln", "Altona", "Neukölln"]
MONTHS = ["Oktober", "November", "September", "October"]
CHANNELS = [Channel.X, Channel.MASTODON, Channel.BLUESKY, Channel.FACEBOOK, Channel.INSTAGRAM, Channel.EMAIL]
STATUSES = [Status.OPEN] * 6 + [Status.PENDING, Status.RESOLVED, Status.RESOLVED, Status.SPAM]


def fill(rng: random.Random, template: str) -> str:
    return template.format(
        n=rng.randint(2, 30),
        order=f"WR-2026-{rng.randint(100000, 999999)}",
        city=rng.choice(CITIES),
        month=rng.choice(MONTHS),
    )


def conversation(rng: random.Random, i: int, messages: int, now: datetime) -> IncomingConversation:
    channel = rng.choice(CHANNELS)
    first, last = rng.choice(FIRST), rng.choice(LAST)
    customer_no = rng.randint(0, 40_000)  # customers come back: earlier conversations
    start = now - timedelta(minutes=rng.randint(10, 60 * 24 * 60))
    items = []
    for k in range(messages):
        at = start + timedelta(minutes=7 * k + rng.randint(0, 5))
        if k == 0:
            items.append(IncomingMessage(f"m{i}-{k}", Direction.INBOUND, first, fill(rng, rng.choice(OPENERS)), at))
        elif k % 2 and not (k == messages - 1 and i % 3 == 0):  # a third of them still wait for us
            items.append(IncomingMessage(f"m{i}-{k}", Direction.OUTBOUND, "Jonas Weber", rng.choice(REPLIES), at))
        else:
            items.append(IncomingMessage(f"m{i}-{k}", Direction.INBOUND, first, fill(rng, rng.choice(FOLLOWUPS)), at))
    return IncomingConversation(
        source_id=f"c{i}",
        channel=channel,
        audience=Audience.PRIVATE if channel is Channel.EMAIL or rng.random() < 0.3 else Audience.PUBLIC,
        customer=IncomingCustomer(
            f"u{customer_no}", f"{first} {last}", f"@{first.lower()}_{customer_no}", channel, rng.randint(0, 50_000)
        ),
        status=rng.choice(STATUSES),
        assignee=rng.choice(["", "", "Alex Berger", "Jonas Weber", "Aylin Demir"]),
        subject="",
        created_at=start,
        messages=tuple(items),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", required=True, type=Path)
    parser.add_argument("--conversations", type=int, default=100_000)
    parser.add_argument("--messages", type=int, default=1_000_000)
    parser.add_argument("--page", type=int, default=500, help="conversations per batch, as a sync page")
    args = parser.parse_args()

    rng = random.Random(7)
    store = Store.open(args.data_dir)
    now = datetime.now(UTC)
    account = store.account_by_name("Sandbox") or store.add_account("sandbox", "Sandbox", now)
    per_conv = max(1, args.messages // args.conversations)
    written_conv = written_msg = 0
    write_seconds = 0.0
    started = time.perf_counter()
    for first in range(0, args.conversations, args.page):
        page = [conversation(rng, i, per_conv, now) for i in range(first, min(args.conversations, first + args.page))]
        t0 = time.perf_counter()
        store.apply_batch(account.id, SyncBatch(tuple(page), str(first), complete=False))
        write_seconds += time.perf_counter() - t0
        written_conv += len(page)
        written_msg += sum(len(c.messages) for c in page)
        if (first // args.page) % 20 == 0:
            print(f"  {written_conv:>7} conversations, {written_msg:>8} messages", flush=True)
    total = time.perf_counter() - started
    store.close()
    size = (args.data_dir / "store.sqlite3").stat().st_size / 1e6
    print(f"conversations: {written_conv}, messages: {written_msg}, store file: {size:.0f} MB")
    print(
        f"store write path: {written_msg / write_seconds:,.0f} messages/s "
        f"({(written_msg + written_conv) / write_seconds:,.0f} rows/s), {write_seconds:.1f} s writing, "
        f"{total:.1f} s in all (incl. generating the data)"
    )


if __name__ == "__main__":
    main()
