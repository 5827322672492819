"""Evaluate triage on the labelled set and time it: spam precision/recall, topic agreement,
relevance order, storm detection delay, messages per second.

    .venv/bin/python bench/bench_triage.py [--storm FILE] [--calm FILE] [--count N] [--repeat R] [--store-count N]

Inputs use the ``agentdesk triage --jsonl`` format; a ``gold`` object holds the labels
(``spam``, ``topic``, ``relevance`` in the evaluation set; ``burst`` in storm scenarios).
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from collections import Counter
from dataclasses import replace
from datetime import datetime, timedelta
from math import comb
from pathlib import Path
from typing import Any

from agentdesk.core.channels import Audience, Channel
from agentdesk.core.entities import Direction, Status
from agentdesk.core.incoming import IncomingConversation, IncomingCustomer, IncomingMessage, SyncBatch
from agentdesk.core.triage.records import TriageInput, TriageResult
from agentdesk.core.triage.triage import Triage
from agentdesk.store import Store

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
FOLDS = 5


def load(path: Path) -> list[tuple[TriageInput, dict[str, Any]]]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [
        (
            TriageInput(r["id"], r["text"], r["channel"], r["author"], r["followers"], datetime.fromisoformat(r["at"])),
            r["gold"],
        )
        for r in rows
    ]


def precision_recall(pairs: list[tuple[bool, bool]]) -> tuple[float, float]:
    """(predicted, actual) pairs -> precision, recall."""
    tp = sum(p and a for p, a in pairs)
    predicted = sum(p for p, _ in pairs)
    actual = sum(a for _, a in pairs)
    return tp / predicted if predicted else 1.0, tp / actual if actual else 1.0


def adjusted_rand(truth: list[object], predicted: list[object]) -> float:
    """Agreement of two groupings, 1 = identical, about 0 = chance (Hubert & Arabie)."""
    together = sum(comb(n, 2) for n in Counter(zip(truth, predicted, strict=True)).values())
    a = sum(comb(n, 2) for n in Counter(truth).values())
    b = sum(comb(n, 2) for n in Counter(predicted).values())
    expected = a * b / comb(len(truth), 2)
    return (together - expected) / ((a + b) / 2 - expected)


def spam_figures(data: list[tuple[TriageInput, dict[str, Any]]]) -> None:
    triage = Triage()
    fresh = [(triage.process(m).spam, g["spam"]) for m, g in data]
    learned: list[tuple[bool, bool]] = []
    for fold in range(FOLDS):
        triage = Triage()
        for n, (m, g) in enumerate(data):
            if n % FOLDS != fold:
                triage.learn(m.text, g["spam"])
        learned += [(triage.process(m).spam, g["spam"]) for n, (m, g) in enumerate(data) if n % FOLDS == fold]
    spam = sum(g["spam"] for _, g in data)
    print(f"\nspam ({spam} spam, {len(data) - spam} not spam)")
    for name, pairs in (("rules only (new profile)", fresh), (f"rules + classifier ({FOLDS}-fold)", learned)):
        p, r = precision_recall(pairs)
        print(f"  {name:34} precision {p:.3f}  recall {r:.3f}")


def topic_figures(data: list[tuple[TriageInput, dict[str, Any]]]) -> None:
    triage = Triage()
    results = [(triage.process(m), g) for m, g in data]
    kept = [(r, g) for r, g in results if not g["spam"]]
    truth = [g["topic"] or f"alone:{r.id}" for r, g in kept]
    predicted = [r.topic_id if r.topic_id is not None else f"alone:{r.id}" for r, _ in kept]
    labelled = len({g["topic"] for _, g in kept if g["topic"]})
    print(f"\ntopics ({len(kept)} non-spam messages, {labelled} labelled groups)")
    print(f"  adjusted Rand index {adjusted_rand(truth, predicted):.3f}")
    gold = {r.id: g["topic"] for r, g in kept}
    for topic in triage.topics.topics()[:6]:
        share = Counter(gold.get(i) for i in topic.message_ids).most_common(1)[0]
        print(f"  {topic.count:3}  {topic.label:45} {share[1]}/{topic.count} {share[0]}")


def relevance_figures(data: list[tuple[TriageInput, dict[str, Any]]]) -> None:
    triage = Triage()
    by_class: dict[str, list[float]] = {"high": [], "normal": [], "low": []}
    for m, g in data:
        by_class[g["relevance"]].append(triage.process(m).relevance)

    def ordered(hi: list[float], lo: list[float]) -> float:
        return sum((a > b) + 0.5 * (a == b) for a in hi for b in lo) / (len(hi) * len(lo))

    high = [(r >= 0.5, c == "high") for c, rs in by_class.items() for r in rs]
    p, r = precision_recall(high)
    print("\nrelevance (" + ", ".join(f"{len(v)} {k}" for k, v in by_class.items()) + ")")
    print(
        f"  ranked above: high>normal {ordered(by_class['high'], by_class['normal']):.3f}  "
        f"normal>low {ordered(by_class['normal'], by_class['low']):.3f}"
    )
    print(f"  'high' at relevance >= 0.5: precision {p:.3f}  recall {r:.3f}")


def storm_figures(storm: Path, calm: Path) -> None:
    print("\nstorm alarm")
    for path in (storm, calm):
        data = load(path)
        triage = Triage()
        alarms = [a for m, _ in data if (a := triage.process(m).alarm) is not None]
        burst = [m.at for m, g in data if g.get("burst")]
        line = f"  {path.name:22} {len(data)} messages, {len(alarms)} alarm(s)"
        if burst and alarms:
            delay = alarms[0].at - min(burst)
            line += f"; first after {delay.total_seconds() / 60:.1f} min of the burst ({alarms[0].topic_label})"
        elif burst:
            line += "; the burst was MISSED"
        print(line)


def _stream(data: list[tuple[TriageInput, dict[str, Any]]], count: int) -> list[TriageInput]:
    """The evaluation set repeated in time (new ids, later times) up to ``count`` messages."""
    messages = [m for m, _ in data]
    span = max(m.at for m in messages) - min(m.at for m in messages) + timedelta(hours=1)
    return [
        replace(m, id=f"{m.id}-{k}", at=m.at + k * span) for k in range(count // len(messages) + 1) for m in messages
    ][:count]


def throughput(data: list[tuple[TriageInput, dict[str, Any]]], count: int, repeat: int) -> None:
    """Messages per second, the median of ``repeat`` runs (the machine is shared: single runs
    swing by a third). The trained profile has learned every second post of the evaluation set."""
    stream = _stream(data, count)
    print(f"\nthroughput ({len(stream)} messages, one thread, median of {repeat} runs [slowest … fastest])")
    cases = (
        ("scores only (spam, tone, relevance)", "score", False),
        ("scores, trained profile (158 lessons)", "score", True),
        ("full process (+ topics, storm)", "process", False),
    )
    for what, name, trained in cases:
        rates = []
        for _ in range(repeat):
            triage = Triage()
            if trained:
                for m, g in data[::2]:
                    triage.learn(m.text, g["spam"])
            step = getattr(triage, name)
            start = time.perf_counter()
            results: list[TriageResult] = [step(m) for m in stream]
            rates.append(len(results) / (time.perf_counter() - start))
        print(f"  {what:38} {_rates(rates)}")


def store_throughput(data: list[tuple[TriageInput, dict[str, Any]]], count: int, repeat: int) -> None:
    """The app's whole path: ``Store.triage_new`` reads stored messages, judges them with
    ``Triage.process`` and writes verdicts, topics, spam moves and the cursor in one transaction."""
    stream = _stream(data, count)
    print(f"\nstored path ({len(stream)} messages in a SQLite store, batches of 5,000, median of {repeat} runs)")
    rates, shares = [], []
    for _ in range(repeat):
        rate, share = _stored_run(stream)
        rates.append(rate)
        shares.append(share)
    print(f"  {'read, judge, write verdicts':38} {_rates(rates)}")
    print(f"  {'share of the time in the store':38} {statistics.median(shares):9.0%}")


def _stored_run(stream: list[TriageInput]) -> tuple[float, float]:
    """Messages per second through ``Store.triage_new`` and the share of that time not judging."""
    triage = Triage()
    judging = 0.0

    def judge(inputs: list[TriageInput]) -> list[TriageResult]:
        nonlocal judging
        t0 = time.perf_counter()
        results = [triage.process(m) for m in inputs]
        judging += time.perf_counter() - t0
        return results

    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(Path(folder))
        try:
            now = max(m.at for m in stream)
            account = store.add_account("sandbox", "Sandbox", now)
            for first in range(0, len(stream), 500):
                page = tuple(_conversation(m) for m in stream[first : first + 500])
                store.apply_batch(account.id, SyncBatch(page, str(first), complete=False))
            start = time.perf_counter()
            while store.triage_new(judge, now).more:
                pass
            seconds = time.perf_counter() - start
        finally:
            store.close()
    return len(stream) / seconds, 1 - judging / seconds


def _conversation(m: TriageInput) -> IncomingConversation:
    channel = Channel(m.channel)
    customer = IncomingCustomer(m.author, m.author, m.author, channel, m.followers)
    message = IncomingMessage(m.id, Direction.INBOUND, m.author, m.text, m.at)
    return IncomingConversation(
        m.id, channel, Audience.PUBLIC, customer, Status.OPEN, None, "", m.at, messages=(message,)
    )


def _rates(rates: list[float]) -> str:
    return f"{statistics.median(rates):9,.0f} messages/s  [{min(rates):,.0f} … {max(rates):,.0f}]"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--eval", type=Path, default=DATA / "triage_eval.jsonl")
    parser.add_argument("--storm", type=Path, default=DATA / "storm_scenario.jsonl")
    parser.add_argument("--calm", type=Path, default=DATA / "calm_scenario.jsonl")
    parser.add_argument("--count", type=int, default=100_000, help="messages for the timing")
    parser.add_argument("--repeat", type=int, default=5, help="timing runs; the median is printed")
    parser.add_argument("--store-count", type=int, default=20_000, help="messages for the stored path (0: skip)")
    args = parser.parse_args()
    data = load(args.eval)
    print(f"evaluation set {args.eval.name}: {len(data)} messages")
    spam_figures(data)
    topic_figures(data)
    relevance_figures(data)
    storm_figures(args.storm, args.calm)
    throughput(data, args.count, args.repeat)
    if args.store_count:
        store_throughput(data, args.store_count, max(1, args.repeat // 2))


if __name__ == "__main__":
    main()
